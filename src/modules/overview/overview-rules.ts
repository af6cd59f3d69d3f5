/** Rules of the programme overview: pure, no database or GraphQL. */
import { addDays } from "../../shared/calendar";

/** Accompaniments and homes ending this many days from today count as ending soon. */
export const ENDING_WINDOW_DAYS = 90;

export interface OverviewPeriod {
  periodFrom?: string | null;
  periodTo?: string | null;
}

/** What is wrong with a period, or null when it is usable (either bound may be left open). */
export function periodProblem({ periodFrom, periodTo }: OverviewPeriod): string | null {
  if (periodFrom != null && periodTo != null && periodFrom > periodTo) return "periodTo must not be before periodFrom.";
  return null;
}

/** Persons being accompanied (first or second year) per place of capacity; null without capacity. */
export function occupancy(personsAccompanied: number, capacity: number): number | null {
  return capacity > 0 ? personsAccompanied / capacity : null;
}

/** The days, both inclusive, in which an ending counts as soon: today and the next 90. */
export function endingWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, ENDING_WINDOW_DAYS) };
}
