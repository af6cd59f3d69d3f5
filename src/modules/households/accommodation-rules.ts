/** Rules about a household's homes: pure, no database or GraphQL. */
import { addMonths } from "../../shared/calendar";

/** The programme asks for a home available for at least this long. */
export const MINIMUM_STAY_MONTHS = 12;

/** True when the home is available for less than the programme's year; an open-ended lease never is. */
export function isShortStay(availableFrom: string, availableUntil: string | null): boolean {
  return availableUntil !== null && availableUntil < addMonths(availableFrom, MINIMUM_STAY_MONTHS);
}

/**
 * The home a household lives in on `today`: the one with the latest availableFrom on or before
 * today, else the next upcoming one; null when it has none.
 */
export function currentAccommodation<T extends { availableFrom: string }>(homes: readonly T[], today: string): T | null {
  let current: T | null = null;
  let next: T | null = null;
  for (const home of homes) {
    if (home.availableFrom <= today) {
      // On a tie the later one in the list (the more recently added) counts.
      if (!current || home.availableFrom >= current.availableFrom) current = home;
    } else if (!next || home.availableFrom < next.availableFrom) {
      next = home;
    }
  }
  return current ?? next;
}
