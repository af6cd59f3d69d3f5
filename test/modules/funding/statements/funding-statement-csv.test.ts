import { toGlobalId } from "../../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../../support/test-app";
import { USERS, type World, seedWorld } from "../../../support/world";
import { parse } from "csv-parse/sync";
import { seedStatementFixture } from "./statement-fixture";

const STATEMENT = `
  query Statement($filter: FundingStatementFilter!) {
    fundingStatement(filter: $filter) {
      totals { due { amount } settled { amount } unsettled { amount } }
      lines(first: 100) { nodes { lineId householdReference kind explanation dueOn amount { amount } settledOn allocation { amount } agreement { reference } } }
    }
  }`;

const HEADER = ["line_id", "agreement", "household", "kind", "due_on", "explanation", "settled_on", "amount"];
const YEAR = { periodFrom: "2026-01-01", periodTo: "2026-12-31" };

interface Line {
  lineId: string;
  householdReference: string | null;
  kind: string;
  explanation: string;
  dueOn: string;
  amount: { amount: string };
  settledOn: string | null;
  allocation: { amount: string } | null;
  agreement: { reference: string };
}

describe("GET /funding/statement.csv", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedStatementFixture(t.app.db, world);
  });
  afterAll(() => t.close());

  const download = async (params: Record<string, string> | string, subject?: string, authorization?: string) => {
    const query = typeof params === "string" ? params : new URLSearchParams(params).toString();
    const headers: Record<string, string> = {};
    if (subject) headers.authorization = `Bearer ${await t.tokenFor(subject)}`;
    if (authorization) headers.authorization = authorization;
    const response = await fetch(`${t.url}/funding/statement.csv?${query}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const graphql = async (filter: Record<string, unknown>, subject: string) => {
    const res = await t.gql(STATEMENT, { filter }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.fundingStatement as { totals: Record<string, { amount: string }>; lines: { nodes: Line[] } };
  };
  const lineRow = (line: Line) => [line.lineId, line.agreement.reference, line.householdReference ?? "", line.kind, line.dueOn, line.explanation, line.settledOn ?? "", line.amount.amount];
  /** The three totals rows: the figure in the last column of `width`. */
  const totalRows = ([due, settled, unsettled]: string[], width: number) =>
    [["TOTAL_DUE", due], ["TOTAL_SETTLED", settled], ["TOTAL_UNSETTLED", unsettled]].map(([label, figure]) => [label, ...Array(width - 2).fill(""), figure]);
  const amounts = (totals: Record<string, { amount: string }>) => [totals.due.amount, totals.settled.amount, totals.unsettled.amount];

  it("holds the same lines and totals as the GraphQL statement, with a header, as UTF-8 with a file name", async () => {
    const res = await download(YEAR, USERS.gentStaff);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="funding-statement_2026-01-01_2026-12-31.csv"');
    const statement = await graphql(YEAR, USERS.gentStaff);
    const rows = parse(res.text);
    expect(rows).toEqual([HEADER, ...statement.lines.nodes.map(lineRow), ...totalRows(amounts(statement.totals), 8)]);
    // And the numbers worked out by hand from the fixture.
    expect(rows.slice(-3).map((row) => row[7])).toEqual(["14399.99", "9000.00", "5399.99"]);
    expect(rows.find((row) => row[3] === "ADJUSTMENT")?.[5]).toBe('Correction, "second" child born after arrival');
  });

  it("adds the member's share in a member statement, whose totals are the member's", async () => {
    const filter = { ...YEAR, organisationId: toGlobalId("Organisation", world.organisations.gentCity) };
    const rows = parse((await download(filter, USERS.gentCoordinator)).text);
    const statement = await graphql(filter, USERS.gentCoordinator);
    expect(rows[0]).toEqual([...HEADER, "member_share"]);
    expect(rows.slice(1, -3)).toEqual(statement.lines.nodes.map((line) => [...lineRow(line), line.allocation!.amount]));
    expect(rows.slice(-3)).toEqual(totalRows(["6699.99", "4000.00", "2699.99"], 9));
    expect(rows.slice(-3)).toEqual(totalRows(amounts(statement.totals), 9));
  });

  it("gives Fedasil both consortia, the settled filter and accented text intact", async () => {
    const rows = parse((await download(YEAR, USERS.fedasilStaff)).text);
    expect(rows).toHaveLength(1 + 8 + 3);
    expect(rows.filter((row) => row[1] === "RES-2025-LIEGE").map((row) => [row[2], row[5]])).toEqual([
      ["HH-LIEGE-1", "2 x BASE"],
      ["", "Interprétation, frais convenus avec Fedasil"],
    ]);
    expect(rows.at(-3)).toEqual(["TOTAL_DUE", "", "", "", "", "", "", "20649.99"]);
    const settled = parse((await download({ ...YEAR, settled: "true" }, USERS.fedasilStaff)).text);
    expect(settled.slice(1, -3).every((row) => row[6] !== "")).toBe(true);
    expect(settled.slice(-3).map((row) => row[7])).toEqual(["15000.00", "15000.00", "0.00"]);
  });

  it("answers another consortium's organisation with an empty statement", async () => {
    const rows = parse((await download({ ...YEAR, organisationId: toGlobalId("Organisation", world.organisations.liegePcsw) }, USERS.gentStaff)).text);
    expect(rows).toEqual([[...HEADER, "member_share"], ...totalRows(["0.00", "0.00", "0.00"], 9)]);
  });

  it("refuses anonymous callers (401), evaluators (403) and bad parameters (400), as JSON errors", async () => {
    const error = (res: { text: string }) => JSON.parse(res.text).errors[0];
    for (const anonymous of [await download(YEAR), await download(YEAR, undefined, "Bearer not.a.token")]) {
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
      expect(error(anonymous).extensions.code).toBe("UNAUTHENTICATED");
    }
    const evaluator = await download(YEAR, USERS.evaluator);
    expect(evaluator.status).toBe(403);
    expect(error(evaluator).extensions.code).toBe("FORBIDDEN");
    expect(evaluator.text).not.toMatch(/HH-/);
    for (const bad of [
      "periodTo=2026-12-31",
      "periodFrom=2026-02-30&periodTo=2026-12-31",
      "periodFrom=2026-02-01&periodTo=2026-01-31",
      "periodFrom=2026-01-01&periodTo=2026-12-31&organisationID=x",
      "periodFrom=2026-01-01&periodFrom=2026-02-01&periodTo=2026-12-31",
      "periodFrom=2026-01-01&periodTo=2026-12-31&settled=maybe",
    ]) {
      const res = await download(bad, USERS.fedasilAdmin);
      expect(res.status).toBe(400);
      expect(error(res)).toEqual({ message: expect.any(String), extensions: { code: "BAD_USER_INPUT" } });
    }
  });

  it("costs the same number of SQL statements for one line as for eight", async () => {
    const cost = async (params: Record<string, string>) => {
      await t.signedIn(USERS.fedasilAdmin);
      const before = t.app.db.statements.total;
      expect((await download(params, USERS.fedasilAdmin)).status).toBe(200);
      return t.app.db.statements.total - before;
    };
    const one = await cost({ periodFrom: "2026-01-01", periodTo: "2026-01-01" });
    const eight = await cost(YEAR);
    console.log(`statement.csv: 1 line -> ${one} SQL statements; 8 lines -> ${eight}`);
    expect(eight).toBe(one);
  });
});
