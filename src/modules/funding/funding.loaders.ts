import { groupedLoader, keyedLoader } from "../../database/loaders";
import type { FundingServices } from "./funding-services";

/** Rate schedules and their rates for one request: public terms, the same for every viewer. */
export function fundingLoaders(services: FundingServices) {
  return {
    fundingRateSchedule: keyedLoader((keys) => services.fundingRateSchedules.readMany(keys), (s) => s.key),
    fundingRate: keyedLoader((keys) => services.fundingRateSchedules.readRates(keys), (r) => r.key),
    scheduleRates: groupedLoader((keys) => services.fundingRateSchedules.ratesOf(keys), (r) => r.scheduleKey),
  };
}
