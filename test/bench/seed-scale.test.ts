import { withForeignKeysCheckedOnce } from "../../bench/seed-scale/foreign-keys";
import { checkInvariants } from "../../bench/seed-scale/invariants";
import { type SeedReport, SeedRefused, seedScale } from "../../bench/seed-scale/seed-scale";
import { todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";

const HOUSEHOLDS = 60;

let t: TestApp;
let report: SeedReport;
const today = todayInBrussels();

const query = async (sql: string, params: unknown[] = []): Promise<any[]> => t.app.db.manager.query(sql, params);
const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await query(sql, params))[0].n);
const euros = (cents: number): string => (cents / 100).toFixed(2);
const subject = (role: string): string => report.programme.organisations.all.flatMap((o) => o.users).find((u) => u.role === role)!.subject;

/** Every table's rows and the programme's content, to compare two seeds. */
const fingerprint = () =>
  query(`SELECT
    (SELECT md5(string_agg(h::text, '|' ORDER BY h.id)) FROM household h) AS households,
    (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM person p) AS persons,
    (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM task x) AS tasks,
    (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM funding_allocation a) AS allocations`);

beforeAll(async () => {
  t = await startTestApp();
  report = await seedScale(t.app.db, { households: HOUSEHOLDS, today });
});

afterAll(() => t.close());

describe("seedScale", () => {
  it("writes each table in batches of multi-row inserts, and counts what it wrote", async () => {
    const rows = Object.fromEntries(report.tables.map((table) => [table.table, table]));
    for (const table of report.tables) {
      expect(await count(`SELECT count(*) AS n FROM ${table.table}`)).toBe(table.rows);
      if (table.rows > 0) expect(table.statements).toBeLessThanOrEqual(Math.ceil(table.rows / 10_000) + 1);
    }
    expect(rows.household.rows).toBe(HOUSEHOLDS);
    expect(rows.agreement.rows).toBe(3);
    // Families of 1 to 8, about 3.5; about 15 tasks per arrived household, each with its history.
    expect(rows.person.rows / HOUSEHOLDS).toBeGreaterThan(2.5);
    expect(rows.person.rows / HOUSEHOLDS).toBeLessThan(4.5);
    expect(rows.task.rows / HOUSEHOLDS).toBeGreaterThan(10);
    expect(rows.task_event.rows).toBeGreaterThan(rows.task.rows * 1.5);
    expect(rows.funding_allocation.rows).toBeGreaterThanOrEqual(rows.funding_line.rows);
  });

  it("keeps the programme's invariants", async () => {
    for (const result of await checkInvariants(t.app.db.manager, today)) expect(result).toEqual({ invariant: result.invariant, violations: 0 });
  });

  it("spreads the households over the years and statuses, and the work over its statuses", async () => {
    const statuses = (await query(`SELECT DISTINCT status FROM household`)).map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["PLANNED", "IN_ACCOMPANIMENT", "COMPLETED"]));
    expect(await count(`SELECT count(DISTINCT arrival_route) AS n FROM household`)).toBe(2);
    expect(await count(`SELECT count(DISTINCT extract(year FROM arrived_on)) AS n FROM household`)).toBeGreaterThan(3);
    const taskStatuses = (await query(`SELECT DISTINCT status FROM task`)).map((r) => r.status);
    expect(taskStatuses).toEqual(expect.arrayContaining(["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]));
    expect(await count(`SELECT count(*) AS n FROM task WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND due_on < $1`, [today])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM funding_line WHERE settled_on IS NOT NULL`)).toBeGreaterThan(0);
  });

  it("answers programmeOverview with the figures counted directly", async () => {
    const res = await t.gql(
      `{ programmeOverview { totals { capacity personsPlanned personsInAccompaniment personsExtended personsCompleted personsExited households householdsDirect householdsViaReception overdueTasks fundingDue { amount } fundingSettled { amount } } } }`,
      {},
      subject("FEDASIL_STAFF"),
    );
    expect(res.errors).toBeUndefined();
    const persons = async (status: string) => count(`SELECT count(*) AS n FROM person p JOIN household h ON h.id = p.household_id WHERE h.status = $1`, [status]);
    const [money] = await query(`SELECT coalesce(sum(amount_cents), 0) AS due, coalesce(sum(amount_cents) FILTER (WHERE settled_on IS NOT NULL), 0) AS settled FROM funding_line`);
    expect(res.data.programmeOverview.totals).toEqual({
      capacity: await count(`SELECT sum(capacity) AS n FROM agreement`),
      personsPlanned: await persons("PLANNED"),
      personsInAccompaniment: await persons("IN_ACCOMPANIMENT"),
      personsExtended: await persons("EXTENDED"),
      personsCompleted: await persons("COMPLETED"),
      personsExited: await persons("EXITED"),
      households: HOUSEHOLDS,
      householdsDirect: await count(`SELECT count(*) AS n FROM household WHERE arrival_route = 'DIRECT'`),
      householdsViaReception: await count(`SELECT count(*) AS n FROM household WHERE arrival_route = 'VIA_RECEPTION'`),
      overdueTasks: await count(`SELECT count(*) AS n FROM task WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED') AND due_on < $1`, [today]),
      fundingDue: { amount: euros(Number(money.due)) },
      fundingSettled: { amount: euros(Number(money.settled)) },
    });
  });

  it("answers a report by arrival year with the figures counted directly", async () => {
    const definition = { dimensions: ["ARRIVAL_YEAR"], measures: ["HOUSEHOLDS", "PERSONS", "TASKS", "FUNDING_DUE"] };
    const res = await t.gql(
      `query ($definition: ReportDefinitionInput!) { report(definition: $definition) {
         rows { dimensions { key } measures { value money { amount } } } totals { measures { value money { amount } } } } }`,
      { definition },
      subject("FEDASIL_STAFF"),
    );
    expect(res.errors).toBeUndefined();
    const year = (alias: string) => `(extract(year FROM ${alias}.arrived_on)::int)::text`;
    const byYear = async (sql: string) => new Map((await query(sql)).map((r) => [r.year, Number(r.n)]));
    const households = await byYear(`SELECT ${year("h")} AS year, count(*) AS n FROM household h GROUP BY 1`);
    const persons = await byYear(`SELECT ${year("h")} AS year, count(*) AS n FROM person p JOIN household h ON h.id = p.household_id GROUP BY 1`);
    const tasks = await byYear(`SELECT ${year("h")} AS year, count(*) AS n FROM task x LEFT JOIN household h ON h.id = x.household_id GROUP BY 1`);
    const funding = await byYear(`SELECT ${year("h")} AS year, sum(l.amount_cents) AS n FROM funding_line l LEFT JOIN household h ON h.id = l.household_id GROUP BY 1`);
    const expected = [...new Set([...households.keys(), ...tasks.keys(), ...funding.keys()])].map((key) => ({
      dimensions: [{ key }],
      measures: [
        { value: households.get(key) ?? 0, money: null },
        { value: persons.get(key) ?? 0, money: null },
        { value: tasks.get(key) ?? 0, money: null },
        { value: null, money: { amount: euros(funding.get(key) ?? 0) } },
      ],
    }));
    expect(res.data.report.rows).toEqual(expect.arrayContaining(expected));
    expect(res.data.report.rows).toHaveLength(expected.length);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(res.data.report.totals.measures).toEqual([
      { value: HOUSEHOLDS, money: null },
      { value: sum(persons), money: null },
      { value: sum(tasks), money: null },
      { value: null, money: { amount: euros(sum(funding)) } },
    ]);
  });

  it("checks the foreign keys once it has loaded, and commits nothing that refers to a missing row", async () => {
    const orphan = `INSERT INTO person (household_id, given_name, family_name, birth_date, sex, relationship) VALUES (gen_random_uuid(), 'Nobody', 'Nowhere', '2000-01-01', 'X', 'OTHER')`;
    const load = t.app.db.exclusive(() => t.app.db.transaction((manager) => withForeignKeysCheckedOnce(manager, () => manager.query(orphan))));
    await expect(load).rejects.toThrow("The load broke foreign keys; nothing is committed. person_household_id_fkey: 1 person rows refer to no household.");
    expect(await count(`SELECT count(*) AS n FROM person WHERE given_name = 'Nobody'`)).toBe(0);
  });

  it("refuses a database that holds a programme, and with reset writes the same programme again", async () => {
    const before = await fingerprint();
    await expect(seedScale(t.app.db, { households: HOUSEHOLDS, today })).rejects.toThrow(SeedRefused);
    const templates = await count(`SELECT count(*) AS n FROM task_template`);
    await seedScale(t.app.db, { households: HOUSEHOLDS, today, reset: true });
    expect(await fingerprint()).toEqual(before);
    expect(await count(`SELECT count(*) AS n FROM task_template`)).toBe(templates);
    expect(await count(`SELECT count(*) AS n FROM funding_rate_schedule`)).toBe(1);
  });
});
