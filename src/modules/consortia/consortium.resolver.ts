import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { agreementScope } from "../../auth/viewer";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { todayInBrussels } from "../../shared/calendar";
import { Agreement } from "../agreements/agreement.entity";
import { Organisation } from "../organisations/organisation.entity";
import { AddConsortiumMemberInput, ConsortiumFilter, ConsortiumOrder, CreateConsortiumInput, EndConsortiumMembershipInput } from "./consortium.inputs";
import { ConsortiumMembership } from "./consortium-membership.entity";
import { Consortium } from "./consortium.entity";
import { currentLead, hasEndedBy } from "./membership-rules";

const ConsortiumConnection = ConnectionType(Consortium, "Consortium");
const CreateConsortiumPayload = PayloadType("CreateConsortiumPayload", "consortium", Consortium);
const AddConsortiumMemberPayload = PayloadType("AddConsortiumMemberPayload", "membership", ConsortiumMembership, "The new membership; its consortium shows the new version and lead.");
const EndConsortiumMembershipPayload = PayloadType("EndConsortiumMembershipPayload", "membership", ConsortiumMembership, "The ended membership, kept as history.");

@Resolver(() => Consortium)
export class ConsortiumResolver {
  @Query(() => ConsortiumConnection, { description: "Consortia: partners see their own, Fedasil and evaluators all." })
  consortia(
    @Args() page: PageArgsInput,
    @Arg("filter", () => ConsortiumFilter, { nullable: true }) filter: ConsortiumFilter | null,
    @Arg("orderBy", () => ConsortiumOrder, { nullable: true }) orderBy: ConsortiumOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.consortia.list(agreementScope(ctx.viewer), filter, orderBy, page);
  }

  @FieldResolver(() => [ConsortiumMembership], { description: "Members by joining date, the lead first among those who joined the same day; ended memberships only with includeEnded." })
  async memberships(
    @Root() consortium: Consortium,
    @Arg("includeEnded", { defaultValue: false, description: "Also the memberships that ended before today." }) includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsortiumMembership[]> {
    const all = await ctx.loaders.consortiumMemberships.load(consortium.key);
    const today = todayInBrussels();
    return includeEnded ? all : all.filter((m) => !hasEndedBy(m, today));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation that signs for the consortium." })
  async lead(@Root() consortium: Consortium, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    const lead = currentLead(await ctx.loaders.consortiumMemberships.load(consortium.key));
    return lead ? ctx.loaders.organisation.load(lead.organisationKey) : null;
  }

  @FieldResolver(() => [Agreement], { description: "The consortium's agreements, by start date." })
  agreements(@Root() consortium: Consortium, @Ctx() ctx: RequestContext): Promise<Agreement[]> {
    return ctx.loaders.consortiumAgreements.load(consortium.key);
  }

  @Mutation(() => CreateConsortiumPayload, { description: "Fedasil admins found a consortium with its members, exactly one of them the lead." })
  async createConsortium(@Arg("input") input: CreateConsortiumInput, @Ctx() ctx: RequestContext) {
    return payloadOf("consortium", await ctx.services.consortia.create(ctx, input));
  }

  @Mutation(() => AddConsortiumMemberPayload, { description: "Fedasil admins add a partner to a consortium; a new LEAD takes over from the current lead." })
  async addConsortiumMember(@Arg("input") input: AddConsortiumMemberInput, @Ctx() ctx: RequestContext) {
    return payloadOf("membership", await ctx.services.memberships.add(ctx, input));
  }

  @Mutation(() => EndConsortiumMembershipPayload, { description: "Fedasil admins register that a member leaves; the lead leaves only by naming its successor." })
  async endConsortiumMembership(@Arg("input") input: EndConsortiumMembershipInput, @Ctx() ctx: RequestContext) {
    return payloadOf("membership", await ctx.services.memberships.end(ctx, input));
  }
}
