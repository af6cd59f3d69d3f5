import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { toGlobalId } from "../../../src/graphql/global-id";
import { seedReportFixture } from "../../support/report-fixture";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { type Definition, type ReportData, reportApi } from "./report-api";
import { type Report, savedReportApi, savedReportFootprint } from "./saved-report-api";

// Figures written out here are worked out by hand from test/support/report-fixture.ts.
const QUARTERS: Definition = { dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { arrivedFrom: "2025-01-01" } };
const BY_AGREEMENT: Definition = { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"] };
const BY_MEMBER: Definition = { dimensions: ["ORGANISATION"], measures: ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"] };
const TASK_FIGURES: Definition = { dimensions: ["TASK_CATEGORY"], measures: ["TASKS", "OVERDUE_TASKS", "SHARE_DONE_ON_TIME", "MEDIAN_DAYS_TO_COMPLETE"] };
const FUNDING: Definition = { dimensions: ["ORGANISATION"], measures: ["FUNDING_DUE", "FUNDING_SETTLED", "FUNDING_ADJUSTMENT"] };
/** Anything of the fixture a refusal must not give away. */
const FIXTURE_NAMES = /Gent|Li[eè]ge|Caritas|RES-2025|HH-|Family|Person|Arriv|Fedasil's/;

/** The CSV the GraphQL answer makes: labels, then each cell as text (money as its amount, withheld or undefined empty), then the withheld measures. */
function csvOf(report: ReportData): string[][] {
  const line = (row: ReportData["totals"], labels: string[]) => [
    ...labels,
    ...row.measures.map((cell) => (cell.suppressed || (cell.value === null && cell.money === null) ? "" : (cell.money?.amount ?? String(cell.value)))),
    row.measures.filter((cell) => cell.suppressed).map((cell) => cell.measure).join(" "),
  ];
  return [
    [...report.dimensions, ...report.measures, "suppressed"],
    ...report.rows.map((row) => line(row, row.dimensions.map((value) => value.label ?? ""))),
    line(report.totals, report.dimensions.map((_, i) => (i === 0 ? "TOTAL" : ""))),
  ];
}

describe("GET /reports/report.csv", () => {
  let t: TestApp;
  let world: World;
  let reports: ReturnType<typeof reportApi>;
  let saved: ReturnType<typeof savedReportApi>;
  let shared: Report;
  let unshared: Report;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedReportFixture(t.app.db, world);
    reports = reportApi(t);
    saved = savedReportApi(t);
    const created = await saved.save({ name: "Arrivées par trimestre / 2025", definition: QUARTERS });
    expect(created.data.saveReport.userErrors).toEqual([]);
    const res = await saved.share(created.data.saveReport.savedReport, [gid("User", world.users.fedasilStaff)]);
    shared = res.data.shareReport.savedReport;
    unshared = await saved.create("Fedasil's own", USERS.fedasilAdmin);
  });
  afterAll(() => t.close());

  const download = async (query: Record<string, string> | string, subject?: string, headers: Record<string, string> = {}) => {
    const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
    const authorization: Record<string, string> = subject ? { authorization: `Bearer ${await t.tokenFor(subject)}` } : {};
    const response = await fetch(`${t.url}/reports/report.csv?${search}`, { headers: { ...authorization, ...headers } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  /** A download that must succeed, as rows. */
  const rowsOf = async (query: Record<string, string>, subject: string, headers?: Record<string, string>): Promise<string[][]> => {
    const res = await download(query, subject, headers);
    expect(res.status).toBe(200);
    return parse(res.text);
  };
  const byDefinition = (definition: Definition) => ({ definition: JSON.stringify(definition) });
  const error = (res: { text: string }) => JSON.parse(res.text).errors[0];

  describe("for a definition given as JSON", () => {
    it("holds Fedasil's GraphQL answer cell by cell: labels, counts, shares, days and money as two-place decimals", async () => {
      for (const definition of [BY_AGREEMENT, BY_MEMBER, TASK_FIGURES, FUNDING, QUARTERS]) {
        expect(await rowsOf(byDefinition(definition), USERS.fedasilStaff)).toEqual(csvOf(await reports.report(definition, USERS.fedasilStaff)));
      }
      expect(await rowsOf(byDefinition(BY_AGREEMENT), USERS.fedasilStaff)).toEqual([
        ["AGREEMENT", "HOUSEHOLDS", "TASKS", "FUNDING_DUE", "suppressed"],
        ["RES-2025-GENT", "9", "8", "21500.00", ""],
        ["RES-2025-LIEGE", "7", "5", "8899.99", ""],
        ["TOTAL", "16", "13", "30399.99", ""],
      ]);
      expect(await rowsOf(byDefinition(TASK_FIGURES), USERS.fedasilAdmin)).toEqual([
        ["TASK_CATEGORY", "TASKS", "OVERDUE_TASKS", "SHARE_DONE_ON_TIME", "MEDIAN_DAYS_TO_COMPLETE", "suppressed"],
        ["ADMINISTRATION", "5", "0", "0.75", "6", ""],
        ["COOPERATION", "1", "1", "", "", ""],
        ["HEALTH", "2", "1", "", "", ""],
        ["HOUSING", "2", "1", "", "", ""],
        ["INCOME", "3", "1", "0", "33.5", ""],
        ["TOTAL", "13", "4", "0.5", "8.5", ""],
      ]);
      const funding = await rowsOf(byDefinition(FUNDING), USERS.fedasilStaff);
      expect(funding.slice(1, 3)).toEqual([["Caritas Liège", "4450.00", "4500.00", "-50.00", ""], ["CPAS de Liège", "4449.99", "4500.00", "-50.01", ""]]);
      expect(funding.at(-1)).toEqual(["TOTAL", "30399.99", "24500.00", "-100.01", ""]);
    });

    it("withholds for an evaluator exactly the cells GraphQL withholds: empty, and named in `suppressed`", async () => {
      const quarters = await reports.report(QUARTERS, USERS.evaluator);
      expect(quarters.suppressedCellCount).toBe(4);
      expect(await rowsOf(byDefinition(QUARTERS), USERS.evaluator)).toEqual(csvOf(quarters));
      expect(await rowsOf(byDefinition(QUARTERS), USERS.evaluator)).toEqual([
        ["ARRIVAL_QUARTER", "HOUSEHOLDS", "PERSONS", "suppressed"],
        ["2025-Q1", "", "", "HOUSEHOLDS PERSONS"],
        ["2025-Q2", "6", "23", ""],
        ["2025-Q3", "", "", "HOUSEHOLDS PERSONS"],
        ["TOTAL", "14", "40", ""],
      ]);
      // One family withheld beside another shown, and withheld totals.
      expect(await rowsOf(byDefinition(BY_AGREEMENT), USERS.evaluator)).toEqual([
        ["AGREEMENT", "HOUSEHOLDS", "TASKS", "FUNDING_DUE", "suppressed"],
        ["RES-2025-GENT", "9", "", "", "TASKS FUNDING_DUE"],
        ["RES-2025-LIEGE", "7", "", "", "TASKS FUNDING_DUE"],
        ["TOTAL", "16", "13", "", "FUNDING_DUE"],
      ]);
      for (const definition of [BY_AGREEMENT, TASK_FIGURES, FUNDING]) {
        expect(await rowsOf(byDefinition(definition), USERS.evaluator)).toEqual(csvOf(await reports.report(definition, USERS.evaluator)));
      }
    });

    it("names task templates in the request's language, as GraphQL does", async () => {
      const templates = { dimensions: ["TASK_TEMPLATE"], measures: ["TASKS"] };
      const dutch = { "accept-language": "nl" };
      const rows = await rowsOf(byDefinition(templates), USERS.fedasilStaff, dutch);
      expect(rows).toEqual(csvOf(await reports.report(templates, USERS.fedasilStaff, dutch)));
      expect(rows[1]).toEqual(["Aansluiting bij een ziekenfonds", "1", ""]);
      expect(rows.at(-2)).toEqual(["", "2", ""]);
    });

    it("gives a Gent coordinator Gent's figures only", async () => {
      const res = await download(byDefinition(BY_MEMBER), USERS.gentCoordinator);
      expect(parse(res.text)).toEqual(csvOf(await reports.report(BY_MEMBER, USERS.gentCoordinator)));
      expect(parse(res.text)).toEqual([
        ["ORGANISATION", "HOUSEHOLDS", "TASKS", "FUNDING_DUE", "suppressed"],
        ["OCMW Gent", "9", "2", "9500.00", ""],
        ["Stad Gent", "9", "4", "8000.00", ""],
        ["Vluchtelingenwerk Gent", "3", "2", "4000.00", ""],
        ["TOTAL", "9", "8", "21500.00", ""],
      ]);
      expect(res.text).not.toMatch(/Li[eè]ge|Caritas|8899\.99|30399\.99/);
      const liege = { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS", "FUNDING_DUE"], filter: { agreementIds: [toGlobalId("Agreement", world.agreements.liege)] } };
      expect(await rowsOf(byDefinition(liege), USERS.gentCoordinator)).toEqual([["AGREEMENT", "HOUSEHOLDS", "FUNDING_DUE", "suppressed"], ["TOTAL", "0", "0.00", ""]]);
    });
  });

  describe("for a saved report", () => {
    it("downloads as its owner and those it is shared with see it, named after it, not to be cached", async () => {
      for (const subject of [USERS.evaluator, USERS.fedasilStaff]) {
        const res = await download({ savedReportId: shared.id }, subject);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(res.headers.get("content-disposition")).toBe('attachment; filename="report_Arrivees-par-trimestre-2025.csv"');
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(parse(res.text)).toEqual(csvOf(await reports.report(QUARTERS, subject)));
      }
      // The evaluator sees the withheld quarters; Fedasil, with whom it is shared, every figure.
      expect((await rowsOf({ savedReportId: shared.id }, USERS.fedasilStaff)).slice(1)).toEqual([
        ["2025-Q1", "5", "12", ""],
        ["2025-Q2", "6", "23", ""],
        ["2025-Q3", "3", "5", ""],
        ["TOTAL", "14", "40", ""],
      ]);
      expect((await download(byDefinition(QUARTERS), USERS.evaluator)).headers.get("content-disposition")).toBe('attachment; filename="report_report.csv"');
    });
  });

  describe("refusals", () => {
    it("asks for a token (401) before anything else", async () => {
      for (const res of [
        await download({ savedReportId: shared.id }),
        await download(byDefinition(QUARTERS), undefined, { authorization: "Bearer not.a.token" }),
        await download("definition=%7B"),
      ]) {
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe("Bearer");
        expect(error(res)).toEqual({ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } });
      }
    });

    it("answers a report not shared with the caller, a random id, another type's id and any partner with the same 404", async () => {
      const before = await savedReportFootprint(t);
      const notFound = await download({ savedReportId: unshared.id }, USERS.evaluator);
      expect(notFound.status).toBe(404);
      expect(error(notFound)).toEqual({ message: expect.any(String), extensions: { code: "NOT_FOUND" } });
      const others = [
        await download({ savedReportId: toGlobalId("SavedReport", randomUUID()) }, USERS.evaluator),
        await download({ savedReportId: gid("Agreement", world.agreements.gent) }, USERS.evaluator),
        await download({ savedReportId: "not-an-id" }, USERS.fedasilStaff),
        await download({ savedReportId: unshared.id }, USERS.fedasilStaff),
        await download({ savedReportId: shared.id }, USERS.gentCoordinator),
        await download({ savedReportId: shared.id }, USERS.liegeStaff),
      ];
      for (const res of others) expect({ status: res.status, text: res.text }).toEqual({ status: 404, text: notFound.text });
      expect(notFound.text).not.toMatch(FIXTURE_NAMES);
      expect(await savedReportFootprint(t)).toEqual(before);
    });

    it("refuses bad parameters with 400 BAD_USER_INPUT, writing nothing and naming nothing of the fixture", async () => {
      const before = await savedReportFootprint(t);
      const json = (definition: unknown) => `definition=${encodeURIComponent(JSON.stringify(definition))}`;
      const id = `savedReportId=${encodeURIComponent(shared.id)}`;
      const bad: Record<string, string> = {
        none: "",
        both: `${id}&${json(QUARTERS)}`,
        unknown: `${id}&format=xlsx`,
        "unknown only": "reportId=x",
        "repeated id": `${id}&${id}`,
        "repeated definition": `${json(QUARTERS)}&${json(QUARTERS)}`,
        "invalid JSON": `definition=${encodeURIComponent("{dimensions: [PROVINCE]")}`,
        "JSON null": "definition=null",
        "JSON array": json([QUARTERS]),
        "unknown dimension": json({ dimensions: ["HOUSEHOLD_REFERENCE"], measures: ["HOUSEHOLDS"] }),
        "unknown measure": json({ dimensions: [], measures: ["INCOME"] }),
        "unknown filter value": json({ ...QUARTERS, filter: { provinces: ["ATLANTIS"] } }),
        "unknown field": json({ ...QUARTERS, groupBy: "PROVINCE" }),
        "no measures": json({ dimensions: [] }),
        "bad date": json({ ...QUARTERS, filter: { arrivedFrom: "2025-02-30" } }),
        "5 dimensions": json({ dimensions: ["AGREEMENT", "PROVINCE", "ARRIVAL_ROUTE", "ARRIVAL_YEAR", "HOUSEHOLD_SIZE_BAND"], measures: ["HOUSEHOLDS"] }),
        "repeated dimension": json({ dimensions: ["PROVINCE", "PROVINCE"], measures: ["HOUSEHOLDS"] }),
        "task dimension with households": json({ dimensions: ["TASK_STATUS"], measures: ["TASKS", "HOUSEHOLDS"] }),
        "task filter with funding": json({ dimensions: [], measures: ["FUNDING_DUE"], filter: { taskStatuses: ["DONE"] } }),
      };
      for (const [problem, query] of Object.entries(bad)) {
        for (const subject of [USERS.evaluator, USERS.fedasilAdmin]) {
          const res = await download(query, subject);
          expect({ problem, status: res.status, error: error(res) }).toEqual({ problem, status: 400, error: { message: expect.any(String), extensions: { code: "BAD_USER_INPUT" } } });
          expect(res.text).not.toMatch(FIXTURE_NAMES);
        }
      }
      expect(error(await download(bad["5 dimensions"], USERS.evaluator)).message).toMatch(/definition\.dimensions/);
      expect(error(await download(bad["unknown dimension"], USERS.evaluator)).message).toMatch(/HOUSEHOLD_REFERENCE/);
      expect(error(await download(bad["task dimension with households"], USERS.evaluator)).message).toMatch(/TASK_STATUS.*HOUSEHOLDS/);
      expect(await savedReportFootprint(t)).toEqual(before);
    });
  });
});
