import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Organisation } from "./organisation.entity";
import { CreateOrganisationInput, OrganisationFilter, OrganisationOrder } from "./organisation.inputs";

const OrganisationConnection = ConnectionType(Organisation, "Organisation");
const CreateOrganisationPayload = PayloadType("CreateOrganisationPayload", "organisation", Organisation);

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: "Organisations of the programme; visible to every signed-in user." })
  organisations(
    @Args() page: PageArgsInput,
    @Arg("filter", () => OrganisationFilter, { nullable: true }) filter: OrganisationFilter | null,
    @Arg("orderBy", () => OrganisationOrder, { nullable: true }) orderBy: OrganisationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.organisations.list(filter, orderBy, page);
  }

  @Mutation(() => CreateOrganisationPayload, { description: "Fedasil admins register an organisation." })
  async createOrganisation(@Arg("input") input: CreateOrganisationInput, @Ctx() ctx: RequestContext) {
    return payloadOf("organisation", await ctx.services.organisations.create(ctx, input));
  }
}
