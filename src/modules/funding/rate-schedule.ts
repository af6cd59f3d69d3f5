/** Dated rate schedules (DESIGN: Funding rules): pure, no database or GraphQL. */
import { FUNDING_KINDS, type FundingKind, type FundingProblem, isCents } from "./funding-vocabulary";

/** The rates in force from a day on, in integer cents per unit of each kind. */
export interface RateSchedule {
  effectiveFrom: string;
  rates: Readonly<Record<FundingKind, number>>;
}

/**
 * The schedule for a line due on `dueOn`: the one with the latest effective date on or before
 * it (a new rate applies to lines due on or after its date). Null when none had started yet.
 */
export function scheduleOn<S extends RateSchedule>(schedules: readonly S[], dueOn: string): S | null {
  let found: S | null = null;
  for (const schedule of schedules) {
    if (schedule.effectiveFrom <= dueOn && (!found || schedule.effectiveFrom > found.effectiveFrom)) found = schedule;
  }
  return found;
}

/** What is wrong with a list of schedules: a day or a rate that cannot be, or two on one day. */
export function scheduleProblem(schedules: readonly RateSchedule[]): FundingProblem | null {
  const seen = new Set<string>();
  for (const { effectiveFrom, rates } of schedules) {
    if (!isCalendarDay(effectiveFrom)) return invalid(`"${effectiveFrom}" is not a calendar day (YYYY-MM-DD).`);
    if (seen.has(effectiveFrom)) return invalid(`Two rate schedules take effect on ${effectiveFrom}.`);
    seen.add(effectiveFrom);
    const bad = FUNDING_KINDS.find((kind) => !isCents(rates[kind]) || rates[kind] <= 0);
    if (bad) return invalid(`The schedule from ${effectiveFrom} has no positive whole-cent ${bad} rate.`);
  }
  return null;
}

const invalid = (message: string): FundingProblem => ({ code: "INVALID_SCHEDULE", message });

/** A real day written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
