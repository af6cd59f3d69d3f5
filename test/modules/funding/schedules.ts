import { FundingKind } from "../../../src/modules/funding/funding-vocabulary";
import type { RateSchedule } from "../../../src/modules/funding/rate-schedule";

/** The programme's initial schedule as DESIGN states it, in cents. */
export const INITIAL_RATES = {
  [FundingKind.BASE]: 300000,
  [FundingKind.EXTENSION]: 60000,
  [FundingKind.DIRECT_ARRIVAL_HEAD]: 200000,
  [FundingKind.DIRECT_ARRIVAL_MEMBER]: 50000,
};

export const INITIAL: RateSchedule = { effectiveFrom: "2016-01-01", rates: INITIAL_RATES };

export const schedule = (effectiveFrom: string, rates: Partial<Record<FundingKind, number>> = {}): RateSchedule => ({
  effectiveFrom,
  rates: { ...INITIAL_RATES, ...rates },
});
