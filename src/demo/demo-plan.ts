import { withCheckDigits } from "../modules/organisations/enterprise-number";
import { addDays, addMonths } from "../shared/calendar";
import { DEMO_HOUSEHOLDS, planHousehold } from "./demo-households";
import { DEMO_CONSORTIA, DEMO_ORGANISATIONS, type DemoConsortium, type DemoOrganisationKey } from "./demo-organisations";
import { DEMO_USERS } from "./demo-users";
import { SeededRandom } from "./random";

export type Row = Record<string, string | number | boolean | null | readonly string[]>;

/** Rows per table, in an order that satisfies the foreign keys. */
export interface DemoRows {
  organisation: Row[];
  app_user: Row[];
  consortium: Row[];
  consortium_membership: Row[];
  agreement: Row[];
  household: Row[];
  person: Row[];
  accommodation: Row[];
}

const SEED = 20_240_601;

/**
 * The whole demo programme as table rows, dated relative to `today` so the households stay in
 * their accompaniment year whenever the demo starts. The same day gives the same rows.
 */
export function planDemoData(today: string): DemoRows {
  const random = new SeededRandom(SEED);
  const rows: DemoRows = {
    organisation: [],
    app_user: [],
    consortium: [],
    consortium_membership: [],
    agreement: [],
    household: [],
    person: [],
    accommodation: [],
  };
  const organisationIds = planOrganisations(random, rows);
  const userIds = planUsers(random, rows, organisationIds);
  const fedasilContact = userIds.get(DEMO_USERS.find((user) => user.role === "FEDASIL_STAFF")!.login)!;
  const agreementIds = new Map<string, string>();
  for (const consortium of DEMO_CONSORTIA) {
    agreementIds.set(consortium.code, planConsortium(random, rows, consortium, organisationIds, fedasilContact, today));
  }
  planHouseholds(random, rows, agreementIds, today);
  return rows;
}

function planOrganisations(random: SeededRandom, rows: DemoRows): Record<DemoOrganisationKey, string> {
  const ids = {} as Record<DemoOrganisationKey, string>;
  for (const key of Object.keys(DEMO_ORGANISATIONS) as DemoOrganisationKey[]) {
    const o = DEMO_ORGANISATIONS[key];
    ids[key] = random.uuid();
    rows.organisation.push({
      id: ids[key],
      kind: o.kind,
      name: o.name,
      enterprise_number: withCheckDigits(o.enterpriseNumberBase),
      postal_code: o.postalCode,
      municipality: o.municipality,
      province: o.province,
    });
  }
  return ids;
}

/** The users, keyed by login. */
function planUsers(random: SeededRandom, rows: DemoRows, organisationIds: Record<DemoOrganisationKey, string>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    ids.set(user.login, random.uuid());
    rows.app_user.push({
      id: ids.get(user.login)!,
      subject: user.login,
      display_name: user.displayName,
      role: user.role,
      organisation_id: organisationIds[user.organisation],
    });
  }
  return ids;
}

/** Households with their members and homes; references count up per consortium (GENT-001, …). */
function planHouseholds(random: SeededRandom, rows: DemoRows, agreementIds: Map<string, string>, today: string): void {
  const sequence = new Map<string, number>();
  for (const spec of DEMO_HOUSEHOLDS) {
    const consortium = DEMO_CONSORTIA.find((c) => c.code === spec.consortium)!;
    const n = (sequence.get(spec.consortium) ?? 0) + 1;
    sequence.set(spec.consortium, n);
    const planned = planHousehold(random, spec, consortium, today);
    const householdId = random.uuid();
    const reference = `${spec.consortium}-${String(n).padStart(3, "0")}`;
    rows.household.push({ id: householdId, agreement_id: agreementIds.get(spec.consortium)!, reference, ...planned.household });
    for (const person of planned.persons) rows.person.push({ id: random.uuid(), household_id: householdId, ...person });
    for (const home of planned.accommodations) rows.accommodation.push({ id: random.uuid(), household_id: householdId, ...home });
  }
}

/** A consortium, its dated memberships (the first member leads) and its active three-year agreement. */
function planConsortium(
  random: SeededRandom,
  rows: DemoRows,
  consortium: DemoConsortium,
  organisationIds: Record<DemoOrganisationKey, string>,
  fedasilContact: string,
  today: string,
): string {
  const startsOn = `${addMonths(today, -18).slice(0, 7)}-01`;
  const signedOn = addDays(startsOn, -random.int(10, 30));
  const foundedOn = addDays(signedOn, -random.int(15, 60));
  const consortiumId = random.uuid();
  rows.consortium.push({ id: consortiumId, name: consortium.name });
  consortium.members.forEach((member, index) => {
    rows.consortium_membership.push({
      id: random.uuid(),
      consortium_id: consortiumId,
      organisation_id: organisationIds[member.organisation],
      role: index === 0 ? "LEAD" : "MEMBER",
      joined_on: member.joinedLater ? addMonths(startsOn, 6) : foundedOn,
    });
  });
  const agreementId = random.uuid();
  rows.agreement.push({
    id: agreementId,
    consortium_id: consortiumId,
    reference: `RES-${startsOn.slice(0, 4)}-${consortium.code}`,
    status: "ACTIVE",
    signed_on: signedOn,
    starts_on: startsOn,
    ends_on: addDays(addMonths(startsOn, 36), -1),
    capacity: consortium.capacity,
    fedasil_contact_id: fedasilContact,
  });
  return agreementId;
}
