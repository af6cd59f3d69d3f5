import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { FundingRateSchedule } from "./funding-rate-schedule.entity";
import { CreateFundingRateScheduleInput } from "./funding-rate-schedule.inputs";
import { FundingRate } from "./funding-rate.entity";

const FundingRateScheduleConnection = ConnectionType(FundingRateSchedule, "FundingRateSchedule");
const CreateFundingRateSchedulePayload = PayloadType("CreateFundingRateSchedulePayload", "fundingRateSchedule", FundingRateSchedule);

@Resolver(() => FundingRateSchedule)
export class FundingRateScheduleResolver {
  @Query(() => FundingRateScheduleConnection, { description: "The funding rate schedules, newest effective date first; public terms every signed-in user may read." })
  fundingRateSchedules(@Args() page: PageArgsInput, @Ctx() ctx: RequestContext) {
    return ctx.services.fundingRateSchedules.list(page);
  }

  @FieldResolver(() => [FundingRate], { description: "One rate of each kind, in the order BASE, EXTENSION, DIRECT_ARRIVAL_HEAD, DIRECT_ARRIVAL_MEMBER." })
  rates(@Root() schedule: FundingRateSchedule, @Ctx() ctx: RequestContext): Promise<FundingRate[]> {
    return ctx.loaders.scheduleRates.load(schedule.key);
  }

  @Mutation(() => CreateFundingRateSchedulePayload, {
    description: "Fedasil admins add the rates in force from a day on: they apply to lines due on or after that day, until a later schedule.",
  })
  async createFundingRateSchedule(@Arg("input") input: CreateFundingRateScheduleInput, @Ctx() ctx: RequestContext) {
    return payloadOf("fundingRateSchedule", await ctx.services.fundingRateSchedules.create(ctx, input));
  }
}

@Resolver(() => FundingRate)
export class FundingRateResolver {
  @FieldResolver(() => FundingRateSchedule)
  async schedule(@Root() rate: FundingRate, @Ctx() ctx: RequestContext): Promise<FundingRateSchedule> {
    return (await ctx.loaders.fundingRateSchedule.load(rate.scheduleKey)) ?? Promise.reject(notFound());
  }
}
