/** Where a household lives: one home, a move after the first year, or a short stay acknowledged. */
import { officeHour } from "../../src/demo/demo-clock";
import { addDays, addMonths } from "../../src/shared/calendar";
import type { Household } from "./households";
import { streetsIn } from "./places";
import type { ScaleRandom } from "./scale-random";
import type { Row } from "./table-columns";

type Landlord = "SOCIAL_HOUSING" | "PCSW" | "PRIVATE" | "NGO";

const RENT_EUROS: Record<Landlord, [number, number]> = { PRIVATE: [650, 950], SOCIAL_HOUSING: [330, 560], PCSW: [280, 450], NGO: [400, 620] };

/** The household's homes as accommodation rows; half the planned households already have one waiting. */
export function homesOf(random: ScaleRandom, household: Household, today: string): Array<Row<"accommodation">> {
  const moveIn = household.startsOn ?? (random.chance(0.5) ? addDays(household.expectedArrivalOn, -random.int(3, 20)) : null);
  if (!moveIn) return [];
  const size = household.persons.length;
  const home = (from: string, until: string | null, landlord: Landlord, shortStay = false): Row<"accommodation"> => {
    const [low, high] = RENT_EUROS[landlord];
    const town = household.agreement.consortium.place;
    const box = random.chance(0.35) ? ` ${town.language === "nl" ? "bus" : "bte"} ${random.int(1, 12)}` : "";
    const created = officeHour(random, addDays(from < today ? from : today, -random.int(1, 10)));
    return {
      id: random.id(), household_id: household.id, street_address: `${random.pick(streetsIn(town))} ${random.int(1, 180)}${box}`, postal_code: town.postalCode,
      municipality: town.name, available_from: from, available_until: until, monthly_rent_cents: Math.round((random.int(low, high) + 25 * Math.max(0, size - 3)) / 5) * 500,
      landlord_kind: landlord, short_stay_acknowledged: shortStay, created_at: created, updated_at: created,
    };
  };
  if (random.chance(0.03)) return [home(moveIn, addMonths(moveIn, random.int(4, 8)), "PCSW", true)];
  const moved = addMonths(moveIn, 12);
  if (household.accompanimentEndsOn && moved < today && moved < household.accompanimentEndsOn && random.chance(0.35)) {
    return [home(moveIn, moved, "PRIVATE"), home(moved, null, random.pick(["SOCIAL_HOUSING", "PRIVATE"] as const))];
  }
  const landlord = random.pick(["PRIVATE", "PRIVATE", "PRIVATE", "SOCIAL_HOUSING", "SOCIAL_HOUSING", "PCSW", "NGO"] as const);
  const openEnded = landlord === "SOCIAL_HOUSING" || random.chance(0.3);
  return [home(moveIn, openEnded ? null : addMonths(moveIn, random.pick([12, 12, 24, 36])), landlord)];
}
