import { addDays, addMonths } from "../shared/calendar";
import type { Origin } from "./demo-names";
import type { DemoConsortium, DemoStreet } from "./demo-organisations";
import { type DemoPerson, composeFamily } from "./demo-people";
import type { SeededRandom } from "./random";

type Route = "DIRECT" | "VIA_RECEPTION";
type Status = "PLANNED" | "IN_ACCOMPANIMENT" | "EXTENDED";

export interface HouseholdSpec {
  consortium: string;
  origin: Origin;
  size: number;
  route: Route;
  status: Status;
  /** The youngest child was born in Belgium after arrival (a member, not resettled). */
  bornHere?: boolean;
  /** Housed in a transit home for less than a year, acknowledged. */
  shortStay?: boolean;
}

const spec = (consortium: string, origin: Origin, size: number, route: Route, status: Status, flags: Partial<HouseholdSpec> = {}): HouseholdSpec => ({
  consortium, origin, size, route, status, ...flags,
});

/** The demo caseload: 25 households over the three consortia. */
export const DEMO_HOUSEHOLDS: readonly HouseholdSpec[] = [
  spec("GENT", "SYRIA", 5, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("GENT", "SYRIA", 1, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("GENT", "AFGHANISTAN", 7, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("GENT", "ERITREA", 2, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("GENT", "DR_CONGO", 6, "DIRECT", "EXTENDED"),
  spec("GENT", "SYRIA", 4, "VIA_RECEPTION", "IN_ACCOMPANIMENT", { bornHere: true }),
  spec("GENT", "SUDAN", 3, "DIRECT", "IN_ACCOMPANIMENT", { shortStay: true }),
  spec("GENT", "AFGHANISTAN", 4, "DIRECT", "PLANNED"),
  spec("GENT", "ERITREA", 1, "DIRECT", "PLANNED"),
  spec("GENT", "DR_CONGO", 3, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "DR_CONGO", 8, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "SYRIA", 6, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "SUDAN", 2, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "ERITREA", 3, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "AFGHANISTAN", 5, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "DR_CONGO", 4, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("LIEGE", "SYRIA", 2, "DIRECT", "PLANNED"),
  spec("LIEGE", "SUDAN", 6, "DIRECT", "PLANNED"),
  spec("LIEGE", "AFGHANISTAN", 1, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("BXL", "ERITREA", 2, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("BXL", "SYRIA", 3, "VIA_RECEPTION", "IN_ACCOMPANIMENT"),
  spec("BXL", "SUDAN", 5, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("BXL", "DR_CONGO", 1, "DIRECT", "IN_ACCOMPANIMENT"),
  spec("BXL", "AFGHANISTAN", 3, "VIA_RECEPTION", "PLANNED"),
  spec("BXL", "ERITREA", 4, "DIRECT", "IN_ACCOMPANIMENT"),
];

export interface DemoHouseholdDates {
  status: Status;
  arrival_route: Route;
  expected_arrival_on: string;
  arrived_on: string | null;
  accompaniment_starts_on: string | null;
  accompaniment_ends_on: string | null;
  extended_on: string | null;
}

export interface DemoAccommodation {
  street_address: string;
  postal_code: string;
  municipality: string;
  available_from: string;
  available_until: string | null;
  monthly_rent_cents: number;
  landlord_kind: "SOCIAL_HOUSING" | "PCSW" | "PRIVATE" | "NGO";
  short_stay_acknowledged: boolean;
}

export interface DemoHousehold {
  household: DemoHouseholdDates;
  persons: DemoPerson[];
  accommodations: DemoAccommodation[];
}

/** One household of the caseload as of `today`: its dates, members and homes. */
export function planHousehold(random: SeededRandom, spec: HouseholdSpec, consortium: DemoConsortium, today: string): DemoHousehold {
  const household = datesOf(random, spec, today);
  const arrivedOn = household.arrived_on;
  const persons = composeFamily(random, {
    origin: spec.origin,
    size: spec.size,
    agesOn: arrivedOn ?? today,
    bornAfter: spec.bornHere && arrivedOn ? { arrivedOn, today } : undefined,
  });
  return { household, persons, accommodations: homesOf(random, spec, household, consortium) };
}

/** Accompaniment starts on arrival (DIRECT) or on transfer from reception, and lasts 12 months (24 extended). */
function datesOf(random: SeededRandom, spec: HouseholdSpec, today: string): DemoHouseholdDates {
  const base = { status: spec.status, arrival_route: spec.route, extended_on: null };
  if (spec.status === "PLANNED") {
    const expected = addDays(today, random.int(10, 100));
    return { ...base, expected_arrival_on: expected, arrived_on: null, accompaniment_starts_on: null, accompaniment_ends_on: null };
  }
  const startsOn = addDays(today, -daysInAccompaniment(random, spec));
  const arrivedOn = spec.route === "DIRECT" ? startsOn : addDays(startsOn, -random.int(45, 160));
  const extended = spec.status === "EXTENDED";
  return {
    ...base,
    expected_arrival_on: startsOn,
    arrived_on: arrivedOn,
    accompaniment_starts_on: startsOn,
    accompaniment_ends_on: addMonths(startsOn, extended ? 24 : 12),
    extended_on: extended ? addDays(addMonths(startsOn, 12), -random.int(14, 45)) : null,
  };
}

/**
 * How long ago the accompaniment started: over a year for the extended household, long enough
 * for a child to have been born since, recent for the family in a transit home, else any time
 * in the first year.
 */
function daysInAccompaniment(random: SeededRandom, spec: HouseholdSpec): number {
  if (spec.status === "EXTENDED") return random.int(395, 480);
  if (spec.bornHere) return random.int(240, 300);
  if (spec.shortStay) return random.int(30, 90);
  return random.int(20, 330);
}

function homesOf(random: SeededRandom, spec: HouseholdSpec, dates: DemoHouseholdDates, consortium: DemoConsortium): DemoAccommodation[] {
  const moveIn = dates.accompaniment_starts_on ?? (random.chance(0.5) ? addDays(dates.expected_arrival_on, -random.int(3, 20)) : null);
  if (!moveIn) return [];
  const home = (from: string, until: string | null, landlord: DemoAccommodation["landlord_kind"], shortStay = false): DemoAccommodation => ({
    ...addressIn(random, consortium),
    available_from: from,
    available_until: until,
    monthly_rent_cents: rentCents(random, landlord, spec.size),
    landlord_kind: landlord,
    short_stay_acknowledged: shortStay,
  });
  if (spec.shortStay) return [home(moveIn, addMonths(moveIn, random.int(4, 8)), "PCSW", true)];
  if (spec.status === "EXTENDED") {
    // The first lease ran for the first year; the family moved on into social housing.
    const moved = addMonths(moveIn, 12);
    return [home(moveIn, moved, "PRIVATE"), home(moved, null, "SOCIAL_HOUSING")];
  }
  const landlord = random.pick(["PRIVATE", "PRIVATE", "PRIVATE", "SOCIAL_HOUSING", "SOCIAL_HOUSING", "PCSW", "NGO"] as const);
  const openEnded = landlord === "SOCIAL_HOUSING" || random.chance(0.3);
  return [home(moveIn, openEnded ? null : addMonths(moveIn, random.pick([12, 12, 24, 36])), landlord)];
}

function addressIn(random: SeededRandom, consortium: DemoConsortium): Pick<DemoAccommodation, "street_address" | "postal_code" | "municipality"> {
  const street: DemoStreet = random.pick(consortium.streets);
  const box = random.chance(0.4) ? ` ${consortium.language === "nl" ? "bus" : "bte"} ${random.int(1, 12)}` : "";
  return { street_address: `${street.street} ${random.int(1, 180)}${box}`, postal_code: street.postalCode, municipality: street.municipality };
}

const RENT_EUROS = { PRIVATE: [650, 950], SOCIAL_HOUSING: [330, 560], PCSW: [280, 450], NGO: [400, 620] } as const;

/** Monthly rent in cents, rounded to five euros; larger families rent larger homes. */
function rentCents(random: SeededRandom, landlord: DemoAccommodation["landlord_kind"], size: number): number {
  const [low, high] = RENT_EUROS[landlord];
  const euros = random.int(low, high) + 25 * Math.max(0, size - 3);
  return Math.round(euros / 5) * 5 * 100;
}
