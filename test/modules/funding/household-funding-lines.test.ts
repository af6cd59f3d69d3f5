import { keyOf } from "../../../src/graphql/global-id";
import { todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { gid } from "../households/fixtures";
import { USERS, type World, seedWorld } from "../../support/world";
import { type CreatedHousehold, ADULT, FIVE, expectExactSplits, fundingApi, person, summary, totalOf } from "./funding-api";

const ADD = `mutation($input: AddPersonInput!) { addPerson(input: $input) { person { resettled } userErrors { field code } } }`;
const REMOVE = `mutation($input: RemovePersonInput!) { removePerson(input: $input) { household { version } userErrors { field code } } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version } userErrors { field code } } }`;
const UPDATE_HOUSEHOLD = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { version } userErrors { field code } } }`;

const GENT = ["Stad Gent", "OCMW Gent", "Vluchtelingenwerk Gent"];
const thirds = (a: string, b: string, c: string) => GENT.map((name, i) => `${name} ${[a, b, c][i]}`).join(", ");

describe("funding lines of a household, through the API", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof fundingApi>;
  const mutate = async (query: string, input: Record<string, unknown>, field: string) => {
    const res = await t.gql(query, { input }, USERS.gentCoordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data[field].userErrors).toEqual([]);
    return res.data[field];
  };
  const arrived = async (persons: Array<Record<string, unknown>>, route = "VIA_RECEPTION"): Promise<CreatedHousehold & { version: number }> => {
    const household = await api.household(persons, route);
    return { ...household, version: await api.arrive(household, route) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    api = fundingApi(t, () => world.agreements.gent);
  });
  afterAll(() => t.close());

  it("owes nothing before arrival, whatever the expected route", async () => {
    const household = await api.household(FIVE, "DIRECT");
    expect(await api.lines(household.id)).toEqual([]);
  });

  it("one adult via reception, one year: 3,000.00, due at the start of the accompaniment, in three equal shares", async () => {
    const household = await arrived([ADULT]);
    const lines = await api.lines(household.id);
    expect(lines).toEqual([
      {
        id: expect.any(String),
        kind: "BASE",
        quantity: 1,
        rate: { amount: "3000.00" },
        amount: { amount: "3000.00", currencyCode: "EUR" },
        dueOn: "2026-01-31",
        explanation: "1 resettled person × €3,000.00 = €3,000.00 (rates from 2016-01-01)",
        reason: null,
        correctsKind: null,
        settledOn: null,
        settlementReference: null,
        settledBy: null,
        version: 1,
        household: { id: household.id },
        agreement: { reference: "RES-2025-GENT" },
        rateSchedule: { effectiveFrom: "2016-01-01" },
        corrects: null,
        allocations: GENT.map((name) => ({ organisation: { name }, weight: 1, amount: { amount: "1000.00" } })),
      },
    ]);
    const audits = await t.app.db.manager.query(`SELECT action, after FROM audit_event WHERE subject_type = 'FundingLine' AND subject_id = $1`, [keyOf(lines[0].id, "FundingLine")]);
    expect(audits).toEqual([{ action: "registerArrival", after: expect.objectContaining({ kind: "BASE", amountCents: 300000, allocatedCents: [100000, 100000, 100000] }) }]);
  });

  it("a family of five arriving directly: 19,000.00, then 22,000.00 with the second year; 2,000.00 splits 666.67 / 666.67 / 666.66, the lead first", async () => {
    const household = await arrived(FIVE, "DIRECT");
    const firstYear = await api.lines(household.id);
    expect(summary(firstYear)).toEqual([
      `BASE 5 15000.00 2026-01-31: ${thirds("5000.00", "5000.00", "5000.00")}`,
      `DIRECT_ARRIVAL_HEAD 1 2000.00 2026-01-31: ${thirds("666.67", "666.67", "666.66")}`,
      `DIRECT_ARRIVAL_MEMBER 4 2000.00 2026-01-31: ${thirds("666.67", "666.67", "666.66")}`,
    ]);
    expect(firstYear.map((l) => l.explanation)).toEqual([
      "5 resettled persons × €3,000.00 = €15,000.00 (rates from 2016-01-01)",
      "1 household arriving directly × €2,000.00 = €2,000.00 (rates from 2016-01-01)",
      "4 resettled members besides the head × €500.00 = €2,000.00 (rates from 2016-01-01)",
    ]);
    expect(totalOf(firstYear)).toBe("19000.00");

    await api.extend(household.id, household.version);
    const withSecondYear = await api.lines(household.id);
    expect(withSecondYear.slice(0, 3)).toEqual(firstYear);
    expect(summary(withSecondYear.slice(3))).toEqual([`EXTENSION 5 3000.00 2027-01-31: ${thirds("1000.00", "1000.00", "1000.00")}`]);
    expect(withSecondYear[3].explanation).toBe("5 resettled persons × €600.00 for the second year = €3,000.00 (rates from 2016-01-01)");
    expect(totalOf(withSecondYear)).toBe("22000.00");
    expectExactSplits(withSecondYear);
  });

  it("a family of three via reception with the second year: 10,800.00", async () => {
    const household = await arrived([ADULT, person("Karim", "1988-07-22", "PARTNER"), person("Lina", "2013-09-01", "CHILD")]);
    await api.extend(household.id, household.version);
    const lines = await api.lines(household.id);
    expect(summary(lines)).toEqual([
      `BASE 3 9000.00 2026-01-31: ${thirds("3000.00", "3000.00", "3000.00")}`,
      `EXTENSION 3 1800.00 2027-01-31: ${thirds("600.00", "600.00", "600.00")}`,
    ]);
    expect(totalOf(lines)).toBe("10800.00");
    expectExactSplits(lines);
  });

  it("recomputes unsettled lines when a member is added, corrected or removed, or the route corrected", async () => {
    const household = await arrived([ADULT]);
    const [base] = await api.lines(household.id);
    await mutate(ADD, { householdId: household.id, ...person("Karim", "1988-07-22", "PARTNER") }, "addPerson");
    let lines = await api.lines(household.id);
    expect(summary(lines)).toEqual([`BASE 2 6000.00 2026-01-31: ${thirds("2000.00", "2000.00", "2000.00")}`]);
    expect(lines[0]).toMatchObject({ id: base.id, version: 2, explanation: "2 resettled persons × €3,000.00 = €6,000.00 (rates from 2016-01-01)" });

    const route = await mutate(UPDATE_HOUSEHOLD, { householdId: household.id, expectedVersion: household.version, arrivalRoute: "DIRECT" }, "updateHousehold");
    lines = await api.lines(household.id);
    expect(summary(lines)).toEqual([
      `BASE 2 6000.00 2026-01-31: ${thirds("2000.00", "2000.00", "2000.00")}`,
      `DIRECT_ARRIVAL_HEAD 1 2000.00 2026-01-31: ${thirds("666.67", "666.67", "666.66")}`,
      `DIRECT_ARRIVAL_MEMBER 1 500.00 2026-01-31: ${thirds("166.67", "166.67", "166.66")}`,
    ]);

    const karim = (await t.app.db.manager.query(`SELECT id, version FROM person WHERE household_id = $1 AND given_name = 'Karim'`, [keyOf(household.id, "Household")]))[0];
    await mutate(UPDATE_PERSON, { personId: gid("Person", karim.id), expectedVersion: karim.version, resettled: false }, "updatePerson");
    lines = await api.lines(household.id);
    expect(summary(lines).map((line) => line.split(":")[0])).toEqual(["BASE 1 3000.00 2026-01-31", "DIRECT_ARRIVAL_HEAD 1 2000.00 2026-01-31"]);

    await mutate(UPDATE_HOUSEHOLD, { householdId: household.id, expectedVersion: route.household.version, arrivalRoute: "VIA_RECEPTION" }, "updateHousehold");
    lines = await api.lines(household.id);
    expect(summary(lines)).toEqual([`BASE 1 3000.00 2026-01-31: ${thirds("1000.00", "1000.00", "1000.00")}`]);
    expect(lines[0]).toMatchObject({ id: base.id, version: 3 });
    const deleted = await t.app.db.manager.query(`SELECT count(*)::int AS n FROM audit_event WHERE subject_type = 'FundingLine' AND after IS NULL AND action = 'updateHousehold'`);
    expect(deleted).toEqual([{ n: 1 }]);
  });

  it("never changes a settled line: removing a member afterwards adds an ADJUSTMENT of -3,000.00, adding one back +3,000.00", async () => {
    const household = await arrived([ADULT, person("Karim", "1988-07-22", "PARTNER"), person("Lina", "2013-09-01", "CHILD")]);
    const [base] = await api.lines(household.id);
    const settled = (await api.settle([base.id])).data.settleFundingLines;
    expect(settled.userErrors).toEqual([]);
    const settledBase = settled.fundingLines[0];
    expect(settledBase).toMatchObject({ settledOn: "2026-11-02", settlementReference: "PAY-2026-117", settledBy: { displayName: USERS.fedasilAdmin }, version: 2 });

    const karim = household.persons.find((p) => p.givenName === "Karim")!;
    await mutate(REMOVE, { personId: karim.id, expectedVersion: karim.version }, "removePerson");
    let lines = await api.lines(household.id);
    const today = todayInBrussels();
    expect(lines[0]).toEqual(settledBase);
    expect(summary(lines.slice(1))).toEqual([`ADJUSTMENT 1 -3000.00 ${today}: ${thirds("-1000.00", "-1000.00", "-1000.00")}`]);
    expect(lines[1]).toMatchObject({
      correctsKind: "BASE",
      corrects: { id: base.id },
      reason: "Correction after settlement: a member was removed.",
      explanation: "BASE now: 2 resettled persons × €3,000.00 = €6,000.00 (rates from 2016-01-01); settled and adjusted before: €9,000.00; difference -€3,000.00",
      rate: null,
      rateSchedule: null,
      settledOn: null,
    });
    expect(totalOf(lines)).toBe("6000.00");

    await mutate(ADD, { householdId: household.id, ...person("Karim", "1988-07-22", "PARTNER") }, "addPerson");
    lines = await api.lines(household.id);
    expect(lines[0]).toEqual(settledBase);
    expect(lines.slice(1).map((l) => [l.kind, l.correctsKind, l.amount.amount, l.reason])).toEqual([
      ["ADJUSTMENT", "BASE", "-3000.00", "Correction after settlement: a member was removed."],
      ["ADJUSTMENT", "BASE", "3000.00", "Correction after settlement: a member was added."],
    ]);
    expect(totalOf(lines)).toBe("9000.00");
    expectExactSplits(lines);
  });

  it("keeps the lines right when members are removed at the same time (corrections of a household queue up)", async () => {
    const relatives = [person("Hiba", "1960-02-14", "PARENT"), person("Rami", "1992-06-30", "SIBLING"), person("Sara", "1995-10-08", "OTHER_RELATIVE")];
    const household = await arrived([ADULT, person("Karim", "1988-07-22", "PARTNER"), ...relatives]);
    const leaving = household.persons.filter((p) => ["Hiba", "Rami", "Sara"].includes(p.givenName));
    const removals = await Promise.all(leaving.map((child) => t.gql(REMOVE, { input: { personId: child.id, expectedVersion: child.version } }, USERS.gentCoordinator)));
    expect(removals.map((res) => res.data.removePerson.userErrors)).toEqual([[], [], []]);
    const lines = await api.lines(household.id);
    expect(summary(lines)).toEqual([`BASE 2 6000.00 2026-01-31: ${thirds("2000.00", "2000.00", "2000.00")}`]);
    expect(lines[0].version).toBe(4);
  });

  it("adds nothing for a child born after arrival: a member, not a resettled person", async () => {
    const household = await arrived([ADULT, person("Karim", "1988-07-22", "PARTNER")], "DIRECT");
    const before = await api.lines(household.id);
    const added = await mutate(ADD, { householdId: household.id, ...person("Mira", "2026-05-01", "CHILD") }, "addPerson");
    expect(added.person).toEqual({ resettled: false });
    expect(await api.lines(household.id)).toEqual(before);
    expect(totalOf(before)).toBe("8500.00");
  });

  it("lets other members' partners read the lines; other consortia and evaluators see none, not by node either", async () => {
    const household = await arrived([ADULT]);
    const [line] = await api.lines(household.id, USERS.gentNgoStaff);
    expect((await api.lines(household.id, USERS.fedasilStaff)).map((l) => l.id)).toEqual([line.id]);
    for (const subject of [USERS.liegeCoordinator, USERS.liegeStaff, USERS.evaluator]) {
      const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } node(id: "${line.id}") { id } }`, { ids: [line.id, household.id] }, subject);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ nodes: [null, null], node: null });
    }
    const gent = await t.gql(`query($id: ID!) { node(id: $id) { id ... on FundingLine { amount { amount } } } }`, { id: line.id }, USERS.gentStaff);
    expect(gent.data.node).toEqual({ id: line.id, amount: { amount: "3000.00" } });
  });
});
