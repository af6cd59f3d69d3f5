import type { Database } from "../../database/database";
import type { MutationRunner } from "../../shared/mutation-runner";
import { FundingLineService } from "./funding-line.service";
import { FundingRateScheduleService } from "./funding-rate-schedule.service";

/** The services of funding: the dated rate schedules and the lines Fedasil owes. */
export function createFundingServices(db: Database, mutations: MutationRunner) {
  return { fundingRateSchedules: new FundingRateScheduleService(db, mutations), fundingLines: new FundingLineService(db, mutations) };
}

export type FundingServices = ReturnType<typeof createFundingServices>;
