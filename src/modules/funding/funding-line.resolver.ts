import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { UserError } from "../../graphql/user-error";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "../users/user.entity";
import { FundingAllocation } from "./funding-allocation.entity";
import { FundingLine } from "./funding-line.entity";
import { CreateFundingAdjustmentInput, SettleFundingLinesInput } from "./funding-line.inputs";
import { FundingRateSchedule } from "./funding-rate-schedule.entity";

const CreateFundingAdjustmentPayload = PayloadType("CreateFundingAdjustmentPayload", "fundingLine", FundingLine);

@ObjectType()
class SettleFundingLinesPayload {
  @Field(() => [FundingLine], { nullable: true, description: "The lines now settled, in the order given; null when there are user errors." })
  fundingLines: FundingLine[] | null;

  @Field(() => [UserError], { description: "What the user must fix; empty when the mutation succeeded." })
  userErrors: UserError[];
}

@Resolver(() => FundingLine)
export class FundingLineResolver {
  @Mutation(() => SettleFundingLinesPayload, {
    description: "Fedasil admins mark lines paid. A settled line never changes again; if any line given is settled already, nothing is written.",
  })
  async settleFundingLines(@Arg("input") input: SettleFundingLinesInput, @Ctx() ctx: RequestContext): Promise<SettleFundingLinesPayload> {
    const outcome = await ctx.services.fundingLines.settle(ctx, input);
    return { fundingLines: outcome.result?.lines ?? null, userErrors: outcome.userErrors };
  }

  @Mutation(() => CreateFundingAdjustmentPayload, {
    description: "Fedasil admins enter a signed ADJUSTMENT line with a reason, divided between the consortium's members on its due date like any line.",
  })
  async createFundingAdjustment(@Arg("input") input: CreateFundingAdjustmentInput, @Ctx() ctx: RequestContext) {
    return payloadOf("fundingLine", await ctx.services.fundingLines.createAdjustment(ctx, input));
  }

  @FieldResolver(() => Household, { nullable: true, description: "Null for an adjustment of the agreement as a whole." })
  household(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<Household | null> | null {
    return line.householdKey ? ctx.loaders.household.load(line.householdKey) : null;
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return (await ctx.loaders.agreement.load(line.agreementKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => [FundingAllocation], { description: "Each member's share, in the split's order (lead first, then by name); they add up to the line exactly." })
  allocations(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<FundingAllocation[]> {
    return ctx.loaders.fundingLineAllocations.load(line.key);
  }

  @FieldResolver(() => FundingRateSchedule, { nullable: true, description: "The schedule whose rate the line used; null for an adjustment." })
  rateSchedule(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<FundingRateSchedule | null> | null {
    return line.rateScheduleKey ? ctx.loaders.fundingRateSchedule.load(line.rateScheduleKey) : null;
  }

  @FieldResolver(() => FundingLine, { nullable: true, description: "For an automatic ADJUSTMENT: the settled line it corrects." })
  corrects(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<FundingLine | null> | null {
    return line.correctsLineKey ? ctx.loaders.fundingLine.load(line.correctsLineKey) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The Fedasil admin who marked it settled." })
  settledBy(@Root() line: FundingLine, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return line.settledByUserKey ? ctx.loaders.user.load(line.settledByUserKey) : null;
  }
}

@Resolver(() => FundingAllocation)
export class FundingAllocationResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() allocation: FundingAllocation, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(allocation.organisationKey)) ?? Promise.reject(notFound());
  }
}

@Resolver(() => Household)
export class HouseholdFundingResolver {
  @FieldResolver(() => [FundingLine], {
    description: "What Fedasil owes for the household, line by line with each member's share, by due date. Seen by the consortium's partners and Fedasil.",
  })
  fundingLines(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<FundingLine[]> {
    return ctx.loaders.householdFundingLines.load(household.key);
  }
}
