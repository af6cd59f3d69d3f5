/** GraphQL operations and helpers for the funding line tests: households go through the API end to end. */
import type { TestApp } from "../../support/test-app";
import { USERS } from "../../support/world";
import { count, gid } from "../households/fixtures";

export const LINE = `id kind quantity rate { amount } amount { amount currencyCode } dueOn explanation reason correctsKind
  settledOn settlementReference settledBy { displayName } version household { id } agreement { reference }
  rateSchedule { effectiveFrom } corrects { id } allocations { organisation { name } weight amount { amount } }`;
export const HOUSEHOLD_LINES = `query Lines($id: ID!) { node(id: $id) { ... on Household { fundingLines { ${LINE} } } } }`;
export const NODE_LINE = `query Line($id: ID!) { node(id: $id) { id ... on FundingLine { kind amount { amount } } } }`;
export const SETTLE = `mutation Settle($input: SettleFundingLinesInput!) {
  settleFundingLines(input: $input) { fundingLines { ${LINE} } userErrors { field code message } }
}`;
export const ADJUST = `mutation Adjust($input: CreateFundingAdjustmentInput!) {
  createFundingAdjustment(input: $input) { fundingLine { ${LINE} } userErrors { field code message } }
}`;
const CREATE = `mutation Create($input: CreateHouseholdInput!) {
  createHousehold(input: $input) { household { id version persons { id givenName version } } userErrors { field code message } }
}`;
const REGISTER = `mutation Register($input: RegisterArrivalInput!) { registerArrival(input: $input) { household { version } userErrors { field code message } } }`;
const EXTEND = `mutation Extend($input: ExtendAccompanimentInput!) { extendAccompaniment(input: $input) { household { version } userErrors { field code message } } }`;

export interface Allocation {
  organisation: { name: string };
  weight: number;
  amount: { amount: string };
}
export interface Line {
  id: string;
  kind: string;
  quantity: number;
  amount: { amount: string; currencyCode: string };
  dueOn: string;
  explanation: string;
  reason: string | null;
  correctsKind: string | null;
  settledOn: string | null;
  version: number;
  corrects: { id: string } | null;
  allocations: Allocation[];
  [field: string]: unknown;
}
export interface CreatedHousehold {
  id: string;
  version: number;
  persons: Array<{ id: string; givenName: string; version: number }>;
}

/** A person of the family; the first is the head. */
export const person = (givenName: string, birthDate: string, relationship?: string) => ({
  givenName,
  familyName: "Haddad",
  birthDate,
  sex: "X",
  ...(relationship ? { relationship } : {}),
});
export const ADULT = person("Amina", "1990-04-02");
/** Head, partner and three children: DESIGN's family of five. */
export const FIVE = [ADULT, person("Karim", "1988-07-22", "PARTNER"), person("Lina", "2013-09-01", "CHILD"), person("Sami", "2018-11-20", "CHILD"), person("Nour", "2023-05-05", "CHILD")];

/** Each line in a line of text: kind, quantity, amount, due date, then each member's share. */
export const summary = (lines: Line[]): string[] =>
  lines.map((l) => `${l.kind} ${l.quantity} ${l.amount.amount} ${l.dueOn}: ${l.allocations.map((a) => `${a.organisation.name} ${a.amount.amount}`).join(", ")}`);

export const cents = (amount: string): number => Math.round(Number(amount) * 100);
export const totalOf = (lines: Line[]): string => (lines.reduce((sum, l) => sum + cents(l.amount.amount), 0) / 100).toFixed(2);

/** Every line's shares add up to it exactly, to the cent. */
export function expectExactSplits(lines: Line[]): void {
  for (const line of lines) expect(line.allocations.reduce((sum, a) => sum + cents(a.amount.amount), 0)).toBe(cents(line.amount.amount));
}

export function fundingApi(t: TestApp, agreementKey: () => string) {
  let serial = 0;
  const ok = <T>(payload: { userErrors: unknown[] } & T): T => {
    expect(payload.userErrors).toEqual([]);
    return payload;
  };
  return {
    /** createHousehold with its persons, as Gent's coordinator. */
    async household(persons: Array<Record<string, unknown>>, arrivalRoute = "VIA_RECEPTION"): Promise<CreatedHousehold> {
      const [head, ...members] = persons;
      const input = { agreementId: gid("Agreement", agreementKey()), reference: `HH-FUND-${++serial}`, arrivalRoute, expectedArrivalOn: "2026-01-10", head, members };
      const res = await t.gql(CREATE, { input }, USERS.gentCoordinator);
      return ok(res.data.createHousehold).household;
    },
    /** registerArrival: DIRECT on 31 January 2026, or via reception arriving on 10 and transferred on 31 January. */
    async arrive(household: CreatedHousehold, arrivalRoute = "VIA_RECEPTION"): Promise<number> {
      const transfer = arrivalRoute === "DIRECT" ? {} : { accompanimentStartsOn: "2026-01-31" };
      const input = { householdId: household.id, arrivedOn: arrivalRoute === "DIRECT" ? "2026-01-31" : "2026-01-10", arrivalRoute, expectedVersion: household.version, ...transfer };
      const res = await t.gql(REGISTER, { input }, USERS.gentCoordinator);
      return ok(res.data.registerArrival).household.version;
    },
    /** extendAccompaniment: the second year starts on 31 January 2027. */
    async extend(householdId: string, expectedVersion: number): Promise<number> {
      const res = await t.gql(EXTEND, { input: { householdId, expectedVersion, grantedOn: "2026-11-02" } }, USERS.gentCoordinator);
      return ok(res.data.extendAccompaniment).household.version;
    },
    async lines(householdId: string, subject: string = USERS.gentStaff): Promise<Line[]> {
      const res = await t.gql(HOUSEHOLD_LINES, { id: householdId }, subject);
      expect(res.errors).toBeUndefined();
      return res.data.node.fundingLines;
    },
    settle: (lineIds: string[], subject: string = USERS.fedasilAdmin, extra: Record<string, unknown> = {}) =>
      t.gql(SETTLE, { input: { lineIds, settledOn: "2026-11-02", settlementReference: " PAY-2026-117 ", ...extra } }, subject),
    adjust: (input: Record<string, unknown>, subject: string = USERS.fedasilAdmin) =>
      t.gql(ADJUST, { input: { agreementId: gid("Agreement", agreementKey()), ...input } }, subject),
  };
}

/** Row counts and line versions: a refused mutation leaves all of them as they were. */
export async function fundingFootprint(t: TestApp): Promise<Record<string, number>> {
  const tables = ["funding_line", "funding_allocation", "audit_event", "idempotency_record"];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(t.app.db, table)])));
  const [{ versions, settled }] = await t.app.db.manager.query(`SELECT coalesce(sum(version), 0)::int AS versions, count(settled_on)::int AS settled FROM funding_line`);
  return { ...counts, versions, settled };
}
