import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../../graphql/context";
import { notFound } from "../../../graphql/errors";
import { PayloadType, payloadOf } from "../../../graphql/payload";
import { Agreement } from "../../agreements/agreement.entity";
import { Household } from "../../households/household.entity";
import { Organisation } from "../../organisations/organisation.entity";
import { User } from "../../users/user.entity";
import { SplitRule, SplitRuleApproval, SplitRuleWeight } from "./split-rule.entity";
import { ApproveSplitRuleInput, ProposeSplitRuleInput, RejectSplitRuleInput } from "./split-rule.inputs";

const ProposeSplitRulePayload = PayloadType("ProposeSplitRulePayload", "splitRule", SplitRule);
const ApproveSplitRulePayload = PayloadType("ApproveSplitRulePayload", "splitRule", SplitRule);
const RejectSplitRulePayload = PayloadType("RejectSplitRulePayload", "splitRule", SplitRule);

const organisationOf = async (ctx: RequestContext, key: string): Promise<Organisation> => (await ctx.loaders.organisation.load(key)) ?? Promise.reject(notFound());

@Resolver(() => SplitRule)
export class SplitRuleResolver {
  @Mutation(() => ProposeSplitRulePayload, {
    description: "A member's coordinator proposes how the consortium divides an agreement's (or one household's) funding from a date on; the proposer's organisation approves it at once.",
  })
  async proposeSplitRule(@Arg("input") input: ProposeSplitRuleInput, @Ctx() ctx: RequestContext) {
    return payloadOf("splitRule", await ctx.services.splitRules.propose(ctx, input));
  }

  @Mutation(() => ApproveSplitRulePayload, {
    description: "A member's coordinator approves for its organisation. With every current member's approval the rule takes effect: unsettled lines due on or after its date are divided anew.",
  })
  async approveSplitRule(@Arg("input") input: ApproveSplitRuleInput, @Ctx() ctx: RequestContext) {
    return payloadOf("splitRule", await ctx.services.splitRules.approve(ctx, input));
  }

  @Mutation(() => RejectSplitRulePayload, { description: "Any member's coordinator rejects a proposed rule, with a reason; a rejected rule is final." })
  async rejectSplitRule(@Arg("input") input: RejectSplitRuleInput, @Ctx() ctx: RequestContext) {
    return payloadOf("splitRule", await ctx.services.splitRules.reject(ctx, input));
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return (await ctx.loaders.agreement.load(rule.agreementKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Household, { nullable: true, description: "For an override: the household whose lines it divides; null for the agreement's rule." })
  household(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<Household | null> | null {
    return rule.householdKey ? ctx.loaders.household.load(rule.householdKey) : null;
  }

  @FieldResolver(() => [SplitRuleWeight], { description: "In tie order: a tied cent goes to the member listed first. Members not listed get 0." })
  weights(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<SplitRuleWeight[]> {
    return ctx.loaders.splitRuleWeights.load(rule.key);
  }

  @FieldResolver(() => [SplitRuleApproval], { description: "The member organisations that approved, in order; the proposer's first." })
  approvals(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<SplitRuleApproval[]> {
    return ctx.loaders.splitRuleApprovals.load(rule.key);
  }

  @FieldResolver(() => User, { nullable: true, description: "The coordinator who proposed it." })
  proposedBy(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loaders.user.load(rule.proposedByUserKey);
  }

  @FieldResolver(() => User, { nullable: true, description: "The coordinator who rejected it." })
  rejectedBy(@Root() rule: SplitRule, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return rule.rejectedByUserKey ? ctx.loaders.user.load(rule.rejectedByUserKey) : null;
  }
}

@Resolver(() => SplitRuleWeight)
export class SplitRuleWeightResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() weight: SplitRuleWeight, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return organisationOf(ctx, weight.organisationKey);
  }
}

@Resolver(() => SplitRuleApproval)
export class SplitRuleApprovalResolver {
  @FieldResolver(() => Organisation, { description: "The member organisation that approved." })
  organisation(@Root() approval: SplitRuleApproval, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return organisationOf(ctx, approval.organisationKey);
  }

  @FieldResolver(() => User, { nullable: true, description: "Its coordinator who gave the approval." })
  approvedBy(@Root() approval: SplitRuleApproval, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loaders.user.load(approval.approvedByUserKey);
  }
}

@Resolver(() => Agreement)
export class AgreementSplitRulesResolver {
  @FieldResolver(() => [SplitRule], {
    description: "How the consortium divides the agreement's funding, with household overrides, newest effective date first. Seen by the consortium's partners and Fedasil; empty for evaluators.",
  })
  splitRules(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<SplitRule[]> {
    return ctx.loaders.agreementSplitRules.load(agreement.key);
  }
}
