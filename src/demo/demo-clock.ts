import { addDays } from "../shared/calendar";
import type { SeededRandom } from "./random";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const latest = (...days: string[]): string => days.reduce((a, b) => (a > b ? a : b));

export const earliest = (...days: string[]): string => days.reduce((a, b) => (a < b ? a : b));

/** A day from `from` to `to`, both included; `to` when the range is empty. */
export function dayBetween(random: SeededRandom, from: string, to: string): string {
  return from > to ? to : addDays(from, random.int(0, daysBetween(from, to)));
}

/**
 * An instant during office hours on `day` (07:00–15:59 UTC, so 08:00–17:59 in Brussels), or a
 * few minutes after `after` when that is not earlier: a task's history stays in order.
 */
export function officeHour(random: SeededRandom, day: string, after?: string): string {
  const hh = String(random.int(7, 15)).padStart(2, "0");
  const mm = String(random.int(0, 59)).padStart(2, "0");
  const at = Date.parse(`${day}T${hh}:${mm}:00Z`);
  if (after === undefined || at > Date.parse(after)) return new Date(at).toISOString();
  return new Date(Date.parse(after) + random.int(5, 90) * MINUTE_MS).toISOString();
}
