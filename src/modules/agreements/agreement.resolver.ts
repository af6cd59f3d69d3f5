import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { agreementScope } from "../../auth/viewer";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Consortium } from "../consortia/consortium.entity";
import { User } from "../users/user.entity";
import { Agreement } from "./agreement.entity";
import { ActivateAgreementInput, AgreementFilter, AgreementOrder, CreateAgreementInput, EndAgreementInput } from "./agreement.inputs";

const AgreementConnection = ConnectionType(Agreement, "Agreement");
const CreateAgreementPayload = PayloadType("CreateAgreementPayload", "agreement", Agreement);
const ActivateAgreementPayload = PayloadType("ActivateAgreementPayload", "agreement", Agreement);
const EndAgreementPayload = PayloadType("EndAgreementPayload", "agreement", Agreement);

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => AgreementConnection, { description: "Agreements: partners see their consortia's, Fedasil and evaluators all." })
  agreements(
    @Args() page: PageArgsInput,
    @Arg("filter", () => AgreementFilter, { nullable: true }) filter: AgreementFilter | null,
    @Arg("orderBy", () => AgreementOrder, { nullable: true }) orderBy: AgreementOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.agreements.list(agreementScope(ctx.viewer), filter, orderBy, page);
  }

  @FieldResolver(() => Consortium)
  async consortium(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<Consortium> {
    return (await ctx.loaders.consortium.load(agreement.consortiumKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => User, { nullable: true, description: "Fedasil's contact person for the agreement." })
  fedasilContact(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return agreement.fedasilContactKey ? ctx.loaders.user.load(agreement.fedasilContactKey) : null;
  }

  @Mutation(() => CreateAgreementPayload, { description: "Fedasil admins draw up an agreement with a consortium; it starts as DRAFT." })
  async createAgreement(@Arg("input") input: CreateAgreementInput, @Ctx() ctx: RequestContext) {
    return payloadOf("agreement", await ctx.services.agreements.create(ctx, input));
  }

  @Mutation(() => ActivateAgreementPayload, { description: "Fedasil admins activate a signed DRAFT agreement." })
  async activateAgreement(@Arg("input") input: ActivateAgreementInput, @Ctx() ctx: RequestContext) {
    return payloadOf("agreement", await ctx.services.agreements.activate(ctx, input));
  }

  @Mutation(() => EndAgreementPayload, { description: "Fedasil admins end an ACTIVE agreement at its term, or terminate it early with a reason." })
  async endAgreement(@Arg("input") input: EndAgreementInput, @Ctx() ctx: RequestContext) {
    return payloadOf("agreement", await ctx.services.agreements.end(ctx, input));
  }
}
