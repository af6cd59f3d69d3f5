/** The facts of a household that funding counts, read from its record and members: pure. */
import { addMonths } from "../../shared/calendar";
import { Relationship } from "../households/person-rules";
import { ACCOMPANIMENT_MONTHS } from "../integration-path/accompaniment-rules";
import type { HouseholdFundingFacts } from "./funding-lines";

export interface FundedHousehold {
  arrivalRoute: HouseholdFundingFacts["route"] | null;
  accompanimentStartsOn: string | null;
  /** The day the second year was granted; null while it is not. */
  extendedOn: string | null;
}

export interface FundedMember {
  relationship: `${Relationship}`;
  /** False for a child born after arrival: a member of the household, not a resettled person. */
  resettled: boolean;
}

/**
 * The funding facts, or null before the arrival is registered (no route or start yet: nothing is
 * owed). The second year starts where the first ends, 12 months after the start, whenever granted.
 */
export function householdFundingFacts(household: FundedHousehold, members: readonly FundedMember[]): HouseholdFundingFacts | null {
  const { arrivalRoute, accompanimentStartsOn, extendedOn } = household;
  if (!arrivalRoute || !accompanimentStartsOn) return null;
  const resettled = members.filter((member) => member.resettled);
  return {
    resettledPersons: resettled.length,
    headResettled: resettled.some((member) => member.relationship === Relationship.HEAD),
    route: arrivalRoute,
    accompanimentStartsOn,
    secondYearStartsOn: extendedOn ? addMonths(accompanimentStartsOn, ACCOMPANIMENT_MONTHS) : null,
  };
}
