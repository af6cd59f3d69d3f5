import type { Pool } from "pg";
import { ArrivalQueue } from "../../bench/arrivals";
import { AGREEMENT_FUNDING, MY_WORK, PERSONS_BY_PROVINCE_AND_QUARTER, type Picks, REGISTER_ARRIVAL, arrivalRequest, householdPageDocument } from "../../bench/operations";
import { pickOperands } from "../../bench/picks";
import { seedScale } from "../../bench/seed-scale/seed-scale";
import type { Database } from "../../src/database/database";
import { toGlobalId } from "../../src/graphql/global-id";
import { todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";

/** The bench's picks and arrivals read through `pg`'s query shape; here the test database answers. */
const poolOf = (db: Database) => ({ query: async (sql: string, params?: unknown[]) => ({ rows: await db.manager.query(sql, params) }) }) as unknown as Pool;

/**
 * Issue 6: each reference operation of the benchmark runs a constant number of SQL statements,
 * whatever the page size or the amount of data it covers. Requests run one at a time, so the
 * counts are exact.
 */
describe("reference operations: SQL statements per request", () => {
  let t: TestApp;
  let picks: Picks;
  const today = todayInBrussels();

  beforeAll(async () => {
    t = await startTestApp();
    await seedScale(t.app.db, { households: 400, today });
    picks = await pickOperands(poolOf(t.app.db), today);
  });
  afterAll(() => t.close());

  const statements = async (document: string, variables: Record<string, unknown>, subject: string) => (await t.measure(document, variables, subject)).statements;

  it("(a) a page of households with members, home and tasks: the same for 2 households as for 20", async () => {
    const few = await statements(householdPageDocument(2, 3), {}, picks.fedasilSubject);
    const many = await t.measure(householdPageDocument(20, 50), {}, picks.fedasilSubject);
    expect(many.data.households.nodes).toHaveLength(20);
    expect(many.statements).toBe(few);
  });

  it("(b) my work: the same for the 5 as for the 50 most urgent open tasks", async () => {
    const few = await statements(MY_WORK, { first: 5 }, picks.myWork.subject);
    const many = await t.measure(MY_WORK, { first: 50 }, picks.myWork.subject);
    expect(many.data.tasks.nodes.length).toBeGreaterThan(5);
    expect(many.statements).toBe(few);
  });

  it("(c) an agreement's funding by member and kind: one statement after authentication, for one quarter as for ten years", async () => {
    const agreementId = toGlobalId("Agreement", picks.funding.agreementKey);
    const authentication = await statements("{ __typename }", {}, picks.fedasilSubject);
    const quarter = await statements(AGREEMENT_FUNDING, { agreementId, from: picks.funding.from, to: picks.funding.to }, picks.fedasilSubject);
    expect(quarter).toBe(authentication + 1);
    const decade = await t.measure(AGREEMENT_FUNDING, { agreementId, from: "2015-01-01", to: "2030-12-31" }, picks.fedasilSubject);
    expect(decade.data.fundingStatement.totals.lineCount).toBeGreaterThan(picks.funding.linesInPeriod);
    expect(decade.statements).toBe(quarter);
  });

  it("(d) an evaluator's report: one statement after authentication, however many rows", async () => {
    const authentication = await statements("{ __typename }", {}, picks.evaluatorSubject);
    const report = await t.measure(PERSONS_BY_PROVINCE_AND_QUARTER, {}, picks.evaluatorSubject);
    expect(report.data.report.rows.length).toBeGreaterThan(10);
    expect(report.statements).toBe(authentication + 1);
  });

  it("(e) registerArrival: the same for a household of one person as for one of four", async () => {
    const queue = new ArrivalQueue(poolOf(t.app.db), picks.arrivals.agreementKey, today, "STATEMENTS");
    await queue.fill(4);
    const counts: number[] = [];
    for (let persons = 1; persons <= 4; persons++) {
      const { subject, variables } = arrivalRequest(picks, queue.take()!);
      const arrival = await t.measure(REGISTER_ARRIVAL, variables, subject);
      expect(arrival.data.registerArrival.userErrors).toEqual([]);
      counts.push(arrival.statements);
    }
    expect(new Set(counts).size).toBe(1);
  });
});
