/**
 * One household of the scale programme as of today: when it arrived and by which route, whether
 * the second year was granted or it left early, its status, members and homes.
 */
import { dayBetween, earliest, latest, officeHour } from "../../src/demo/demo-clock";
import type { Origin } from "../../src/demo/demo-names";
import { type DemoPerson, composeFamily } from "../../src/demo/demo-people";
import { accompanimentOf, extendedEnd } from "../../src/modules/integration-path/accompaniment-rules";
import { addDays, addMonths } from "../../src/shared/calendar";
import type { Agreement } from "./programme";
import type { ScaleRandom } from "./scale-random";
import { EXIT_REASONS } from "./texts";

export type HouseholdStatus = "PLANNED" | "IN_ACCOMPANIMENT" | "EXTENDED" | "COMPLETED" | "EXITED";
export type Route = "DIRECT" | "VIA_RECEPTION";

export interface Household {
  id: string;
  reference: string;
  agreement: Agreement;
  status: HouseholdStatus;
  route: Route;
  expectedArrivalOn: string;
  arrivedOn: string | null;
  startsOn: string | null;
  /** The end of the first year; accompanimentEndsOn is a year later once extended. */
  firstYearEndsOn: string | null;
  accompanimentEndsOn: string | null;
  extendedOn: string | null;
  exitedOn: string | null;
  exitReason: string | null;
  /** When registerArrival ran: the path's tasks and the funding lines were made then. */
  registeredAt: string | null;
  createdAt: string;
  /** The household's later changes: extension, completion or exit (each bumps its version). */
  changes: string[];
  persons: Array<DemoPerson & { id: string }>;
}

/** Origins shift over the years: Syria first, then DR Congo, Eritrea, Sudan and Afghanistan. */
function originIn(random: ScaleRandom, year: number): Origin {
  if (year < 2019) return random.weighted([["SYRIA", 60], ["DR_CONGO", 20], ["ERITREA", 10], ["SUDAN", 5], ["AFGHANISTAN", 5]]);
  if (year < 2022) return random.weighted([["SYRIA", 40], ["DR_CONGO", 25], ["ERITREA", 15], ["SUDAN", 10], ["AFGHANISTAN", 10]]);
  return random.weighted([["SYRIA", 25], ["AFGHANISTAN", 25], ["DR_CONGO", 20], ["ERITREA", 15], ["SUDAN", 15]]);
}

/** 1 to 8 persons, about 3.5 on average. */
const size = (random: ScaleRandom): number => random.weighted([[1, 22], [2, 14], [3, 17], [4, 17], [5, 13], [6, 9], [7, 5], [8, 3]]);

export function planHousehold(random: ScaleRandom, agreement: Agreement, sequence: number, planned: boolean, today: string): Household {
  const reference = `${agreement.code}-${String(sequence).padStart(5, "0")}`;
  const route: Route = random.chance(0.45) ? "DIRECT" : "VIA_RECEPTION";
  const base = { id: random.id(), reference, agreement, route, changes: [] as string[], exitedOn: null, exitReason: null, extendedOn: null };
  if (planned) {
    const expectedArrivalOn = addDays(today, random.int(10, 120));
    const persons = family(random, originIn(random, Number(today.slice(0, 4))), today);
    return {
      ...base, status: "PLANNED", expectedArrivalOn, arrivedOn: null, startsOn: null, firstYearEndsOn: null, accompanimentEndsOn: null, registeredAt: null,
      createdAt: officeHour(random, addDays(today, -random.int(5, 60))), persons,
    };
  }
  const startsOn = dayBetween(random, agreement.arrivals!.from, agreement.arrivals!.to);
  const arrivedOn = route === "DIRECT" ? startsOn : addDays(startsOn, -random.int(45, 160));
  const period = accompanimentOf({ arrivedOn, arrivalRoute: route, accompanimentStartsOn: startsOn });
  const closesOn = agreement.endedOn ?? agreement.endsOn;
  const grantedOn = addDays(period.endsOn, -random.int(14, 45));
  let extendedOn = random.chance(0.3) && grantedOn < today && extendedEnd(period.endsOn) <= closesOn ? grantedOn : null;
  let exitedOn: string | null = null;
  if (random.chance(0.05)) {
    const leftOn = dayBetween(random, addDays(startsOn, 30), addDays(extendedOn ? extendedEnd(period.endsOn) : period.endsOn, -1));
    // Leaving before the second year was granted means it never was.
    if (leftOn < today) [exitedOn, extendedOn] = [leftOn, extendedOn && leftOn <= extendedOn ? null : extendedOn];
  }
  const endsOn = extendedOn ? extendedEnd(period.endsOn) : period.endsOn;
  const status: HouseholdStatus = exitedOn ? "EXITED" : endsOn < today ? "COMPLETED" : extendedOn ? "EXTENDED" : "IN_ACCOMPANIMENT";
  const registeredAt = officeHour(random, startsOn);
  const changes: string[] = [];
  if (extendedOn) changes.push(officeHour(random, extendedOn));
  if (exitedOn) changes.push(officeHour(random, exitedOn));
  else if (status === "COMPLETED") changes.push(officeHour(random, earliest(addDays(endsOn, random.int(0, 10)), addDays(today, -1))));
  const bornHere = random.chance(0.05) ? { arrivedOn, today: earliest(today, exitedOn ?? endsOn) } : undefined;
  return {
    ...base, status, expectedArrivalOn: startsOn, arrivedOn, startsOn, firstYearEndsOn: period.endsOn, accompanimentEndsOn: endsOn, extendedOn, exitedOn,
    exitReason: exitedOn ? random.pick(EXIT_REASONS[agreement.consortium.place.language]) : null,
    // Recorded as expected a few weeks before arrival, once the agreement was signed.
    registeredAt, createdAt: officeHour(random, latest(addDays(arrivedOn, -random.int(20, 90)), agreement.signedOn!)), changes,
    persons: family(random, originIn(random, Number(startsOn.slice(0, 4))), arrivedOn, bornHere),
  };
}

function family(random: ScaleRandom, origin: Origin, agesOn: string, bornAfter?: { arrivedOn: string; today: string }): Household["persons"] {
  const members = size(random);
  // Only a family with children has one born here, and only once it has been here long enough.
  const newborn = bornAfter && members >= 3 && addMonths(bornAfter.arrivedOn, 3) < bornAfter.today ? bornAfter : undefined;
  return composeFamily(random, { origin, size: members, agesOn, bornAfter: newborn }).map((person) => ({ ...person, id: random.id() }));
}
