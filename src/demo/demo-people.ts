import { addDays, addMonths } from "../shared/calendar";
import { NAMES, type Origin } from "./demo-names";
import type { SeededRandom } from "./random";

export interface DemoPerson {
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: "FEMALE" | "MALE";
  relationship: "HEAD" | "PARTNER" | "CHILD" | "PARENT";
  resettled: boolean;
}

export interface FamilyShape {
  origin: Origin;
  /** Everyone in the household, the head included (1 to 8). */
  size: number;
  /** Ages are counted back from this day (arrival, or today for a household still to come). */
  agesOn: string;
  /** When set, the youngest child was born in Belgium after this day and today: not resettled. */
  bornAfter?: { arrivedOn: string; today: string };
}

type Sex = DemoPerson["sex"];
type Member = { relationship: DemoPerson["relationship"]; sex: Sex; age: number };

/** A plausible family of `size` persons with exactly one head, eldest first after the adults. */
export function composeFamily(random: SeededRandom, shape: FamilyShape): DemoPerson[] {
  const members = membersOf(random, shape.size);
  const names = new Names(random, shape.origin);
  const headFamily = names.family();
  const partnerFamily = names.family(headFamily);
  const given = members.map((m) => names.given(m.sex));
  const fatherAt = members.findIndex((m) => (m.relationship === "HEAD" || m.relationship === "PARTNER") && m.sex === "MALE");
  // Children carry their father's family name; Eritrean children their father's given name.
  const childFamily = fatherAt < 0 ? headFamily : shape.origin === "ERITREA" ? given[fatherAt] : fatherAt === 0 ? headFamily : partnerFamily;
  const newborn = shape.bornAfter && members[members.length - 1].relationship === "CHILD" ? members.length - 1 : -1;
  return members.map((m, i): DemoPerson => ({
    given_name: given[i],
    family_name: m.relationship === "PARTNER" ? partnerFamily : m.relationship === "CHILD" ? childFamily : headFamily,
    birth_date: i === newborn ? bornBetween(random, shape.bornAfter!) : birthDate(random, shape.agesOn, m.age),
    sex: m.sex,
    relationship: m.relationship,
    resettled: i !== newborn,
  }));
}

/** Who is in a household of `size`: head, perhaps a partner, a grandparent in large families, children. */
function membersOf(random: SeededRandom, size: number): Member[] {
  const withPartner = size >= 3 ? random.chance(0.85) : size === 2 && random.chance(0.5);
  const withParent = size >= 7 || (size >= 5 && random.chance(0.25));
  const childCount = size - 1 - (withPartner ? 1 : 0) - (withParent ? 1 : 0);
  const childAges = ascendingAges(random, childCount).reverse();
  const eldest = childAges[0] ?? 0;
  // Most couples are registered with the husband as head, most single parents are mothers.
  const usually = (sex: Sex): Sex => (random.chance(0.75) ? sex : sex === "MALE" ? "FEMALE" : "MALE");
  const headSex: Sex = withPartner ? usually("MALE") : childCount > 0 ? usually("FEMALE") : random.pick(["FEMALE", "MALE"]);
  const headAge = childCount > 0 ? random.int(eldest + 21, eldest + 32) : random.int(19, 45);
  const members: Member[] = [{ relationship: "HEAD", sex: headSex, age: headAge }];
  if (withPartner) {
    // Husbands tend to be a few years older than their wives.
    const age = headSex === "MALE" ? headAge - random.int(0, 7) : headAge + random.int(0, 7);
    members.push({ relationship: "PARTNER", sex: headSex === "MALE" ? "FEMALE" : "MALE", age: Math.max(age, eldest + 20, 19) });
  }
  if (withParent) members.push({ relationship: "PARENT", sex: random.pick(["FEMALE", "MALE"]), age: headAge + random.int(21, 30) });
  for (const age of childAges) members.push({ relationship: "CHILD", sex: random.pick(["FEMALE", "MALE"]), age });
  return members;
}

/** Children one to three years apart, the youngest under four. */
function ascendingAges(random: SeededRandom, count: number): number[] {
  const ages: number[] = [];
  for (let age = random.int(0, 3); ages.length < count; age += random.int(1, 3)) ages.push(age);
  return ages;
}

function birthDate(random: SeededRandom, agesOn: string, age: number): string {
  return addDays(addMonths(agesOn, -12 * age), -random.int(20, 340));
}

/** Born in Belgium, at least a month after arrival and two weeks before today. */
function bornBetween(random: SeededRandom, { arrivedOn, today }: { arrivedOn: string; today: string }): string {
  const daysSince = Math.round((Date.parse(today) - Date.parse(arrivedOn)) / 86_400_000);
  return addDays(arrivedOn, random.int(30, Math.max(30, daysSince - 14)));
}

/** Draws names from the origin's pool without giving two household members the same one. */
class Names {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom, private readonly origin: Origin) {}

  given(sex: Sex): string {
    return this.fresh(NAMES[this.origin][sex === "FEMALE" ? "female" : "male"]);
  }

  family(other?: string): string {
    return this.fresh(NAMES[this.origin].family.filter((name) => name !== other));
  }

  private fresh(pool: readonly string[]): string {
    const left = pool.filter((name) => !this.used.has(name));
    const name = this.random.pick(left.length > 0 ? left : pool);
    this.used.add(name);
    return name;
  }
}
