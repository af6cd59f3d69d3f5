import { toGlobalId } from "../../../src/graphql/global-id";
import { seedReportFixture } from "../../support/report-fixture";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { REPORT_QUERY, reportApi } from "./report-api";

// Every figure below is worked out by hand from the tables in test/support/report-fixture.ts.
const S = "suppressed";
const FUNDING = ["FUNDING_DUE", "FUNDING_SETTLED", "FUNDING_BASE", "FUNDING_EXTENSION", "FUNDING_DIRECT_ARRIVAL_HEAD", "FUNDING_DIRECT_ARRIVAL_MEMBER", "FUNDING_ADJUSTMENT"];
const TASK_FIGURES = ["TASKS", "OVERDUE_TASKS", "SHARE_DONE_ON_TIME", "MEDIAN_DAYS_TO_COMPLETE"];

describe("report", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof reportApi>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedReportFixture(t.app.db, world);
    api = reportApi(t);
  });
  afterAll(() => t.close());

  describe("for Fedasil, every agreement and no suppression", () => {
    it("counts households and persons by province and arrival quarter", async () => {
      const report = await api.report({ dimensions: ["PROVINCE", "ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS", "RESETTLED_PERSONS"] }, USERS.fedasilStaff);
      expect(report).toMatchObject({ suppressionThreshold: null, suppressedCellCount: 0, dimensions: ["PROVINCE", "ARRIVAL_QUARTER"] });
      expect(report.rows[0].dimensions).toEqual([
        { dimension: "PROVINCE", key: "EAST_FLANDERS", label: "EAST_FLANDERS" },
        { dimension: "ARRIVAL_QUARTER", key: "2025-Q1", label: "2025-Q1" },
      ]);
      expect(await api.table({ dimensions: ["PROVINCE", "ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS", "RESETTLED_PERSONS"] }, USERS.fedasilAdmin)).toEqual({
        rows: [
          ["EAST_FLANDERS", "2025-Q1", 3, 8, 7],
          ["EAST_FLANDERS", "2025-Q2", 3, 14, 14],
          ["EAST_FLANDERS", "2025-Q3", 2, 3, 3],
          ["EAST_FLANDERS", null, 1, 2, 2],
          ["LIEGE", "2025-Q1", 2, 4, 4],
          ["LIEGE", "2025-Q2", 3, 9, 9],
          ["LIEGE", "2025-Q3", 1, 2, 2],
          ["LIEGE", null, 1, 2, 2],
        ],
        totals: [16, 44, 43],
      });
    });

    it("attributes a household to every member sharing it when it started, and counts it once in the totals", async () => {
      const report = await api.report({ dimensions: ["ORGANISATION"], measures: ["HOUSEHOLDS"] }, USERS.fedasilStaff);
      expect(report.rows.map((row) => [row.dimensions[0].key, row.dimensions[0].label, row.measures[0].value])).toEqual([
        [toGlobalId("Organisation", world.organisations.liegeNgo), "Caritas Liège", 7],
        [toGlobalId("Organisation", world.organisations.liegePcsw), "CPAS de Liège", 7],
        [toGlobalId("Organisation", world.organisations.gentPcsw), "OCMW Gent", 9],
        [toGlobalId("Organisation", world.organisations.gentCity), "Stad Gent", 9],
        // The NGO left on 2025-04-01: only G1-G3 started before.
        [toGlobalId("Organisation", world.organisations.gentNgo), "Vluchtelingenwerk Gent", 3],
      ]);
      expect(report.totals.measures[0].value).toBe(16);
      expect(await api.table({ dimensions: [], measures: ["HOUSEHOLDS"], filter: { organisationKinds: ["NGO"] } }, USERS.fedasilStaff)).toEqual({ rows: [], totals: [10] });
    });

    it("bands households by size and reads arrival year, month and route", async () => {
      expect(await api.table({ dimensions: ["HOUSEHOLD_SIZE_BAND"], measures: ["HOUSEHOLDS"] }, USERS.fedasilStaff)).toEqual({
        rows: [["1", 4], ["2", 6], ["3-4", 3], ["5-6", 2], ["7+", 1]],
        totals: [16],
      });
      expect(await api.table({ dimensions: ["ARRIVAL_YEAR", "ARRIVAL_ROUTE"], measures: ["HOUSEHOLDS"] }, USERS.fedasilStaff)).toEqual({
        rows: [["2025", "DIRECT", 7], ["2025", "VIA_RECEPTION", 7], [null, "DIRECT", 2]],
        totals: [16],
      });
      const march = { arrivedFrom: "2025-03-01", arrivedTo: "2025-03-31" };
      expect(await api.table({ dimensions: ["ARRIVAL_MONTH", "HOUSEHOLD_STATUS"], measures: ["PERSONS"], filter: march }, USERS.fedasilStaff)).toEqual({
        rows: [["2025-03", "IN_ACCOMPANIMENT", 4]],
        totals: [4],
      });
    });

    it("counts tasks by category with overdue ones, the share done on time (Brussels days) and the median days from arrival", async () => {
      expect(await api.table({ dimensions: ["TASK_CATEGORY"], measures: TASK_FIGURES }, USERS.fedasilStaff)).toEqual({
        rows: [
          ["ADMINISTRATION", 5, 0, 0.75, 6],
          ["COOPERATION", 1, 1, null, null],
          ["HEALTH", 2, 1, null, null],
          ["HOUSING", 2, 1, null, null],
          ["INCOME", 3, 1, 0, 33.5],
        ],
        totals: [13, 4, 0.5, 8.5],
      });
      expect(await api.table({ dimensions: ["TASK_CATEGORY", "TASK_STATUS"], measures: ["TASKS"] }, USERS.fedasilStaff)).toEqual({
        rows: [
          ["ADMINISTRATION", "DONE", 4],
          ["ADMINISTRATION", "NOT_APPLICABLE", 1],
          ["COOPERATION", "OPEN", 1],
          ["HEALTH", "CANCELLED", 1],
          ["HEALTH", "OPEN", 1],
          ["HOUSING", "IN_PROGRESS", 1],
          ["HOUSING", "OPEN", 1],
          ["INCOME", "BLOCKED", 1],
          ["INCOME", "DONE", 2],
        ],
        totals: [13],
      });
      expect(await api.table({ dimensions: ["AGREEMENT"], measures: ["TASKS"], filter: { taskStatuses: ["DONE"] } }, USERS.fedasilStaff)).toEqual({
        rows: [["RES-2025-GENT", 3], ["RES-2025-LIEGE", 3]],
        totals: [6],
      });
    });

    it("names task templates in the request's language; tasks outside the path have none", async () => {
      const report = await api.report({ dimensions: ["TASK_TEMPLATE"], measures: ["TASKS"] }, USERS.fedasilStaff, { "accept-language": "nl" });
      expect(report.rows.map((row) => [row.dimensions[0].label, row.measures[0].value])).toEqual([
        ["Aansluiting bij een ziekenfonds", 1],
        ["Aanvraag leefloon", 3],
        ["Bankrekening openen", 2],
        ["Inschrijving bij de gemeente", 3],
        ["Woning zoeken", 2],
        [null, 2],
      ]);
      const [template] = await t.app.db.manager.query(`SELECT id FROM task_template WHERE code = 'HEALTH_INSURANCE'`);
      expect(report.rows[0].dimensions[0].key).toBe(toGlobalId("TaskTemplate", template.id));
      expect(report.rows[5].dimensions[0]).toEqual({ dimension: "TASK_TEMPLATE", key: null, label: null });
    });

    it("sums funding by kind per member from the allocations, in Money", async () => {
      const report = await api.report({ dimensions: ["ORGANISATION"], measures: FUNDING }, USERS.fedasilAdmin);
      expect(report.totals.measures[0]).toEqual({ measure: "FUNDING_DUE", value: null, money: { amount: "30399.99", currencyCode: "EUR" }, suppressed: false });
      expect(await api.table({ dimensions: ["ORGANISATION"], measures: FUNDING }, USERS.fedasilAdmin)).toEqual({
        rows: [
          ["Caritas Liège", "4450.00", "4500.00", "4500.00", "0.00", "0.00", "0.00", "-50.00"],
          ["CPAS de Liège", "4449.99", "4500.00", "4500.00", "0.00", "0.00", "0.00", "-50.01"],
          ["OCMW Gent", "9500.00", "5000.00", "5500.00", "3000.00", "1000.00", "0.00", "0.00"],
          ["Stad Gent", "8000.00", "6500.00", "5500.00", "0.00", "1000.00", "1500.00", "0.00"],
          ["Vluchtelingenwerk Gent", "4000.00", "4000.00", "4000.00", "0.00", "0.00", "0.00", "0.00"],
        ],
        totals: ["30399.99", "24500.00", "24000.00", "3000.00", "2000.00", "1500.00", "-100.01"],
      });
    });

    it("puts the families side by side on the same dimension values", async () => {
      expect(await api.table({ dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"] }, USERS.fedasilStaff)).toEqual({
        rows: [["RES-2025-GENT", 9, 8, "21500.00"], ["RES-2025-LIEGE", 7, 5, "8899.99"]],
        totals: [16, 13, "30399.99"],
      });
      // Households not arrived and the agreement-level task share the quarter "none".
      expect(await api.table({ dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "TASKS"] }, USERS.fedasilStaff)).toEqual({
        rows: [["2025-Q1", 5, 6], ["2025-Q2", 6, 5], ["2025-Q3", 3, 1], [null, 2, 1]],
        totals: [16, 13],
      });
    });
  });

  describe("for evaluators, with counts below 5 households withheld", () => {
    const quarters = { dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { arrivedFrom: "2025-01-01" } };

    it("withholds a cell of 3 households and, to protect it, the visible one on the fewest households", async () => {
      const report = await api.report(quarters, USERS.evaluator);
      expect(report).toMatchObject({ suppressionThreshold: 5, suppressedCellCount: 4 });
      expect(report.rows.map((row) => row.suppressed)).toEqual([true, false, true]);
      expect(await api.table(quarters, USERS.evaluator)).toEqual({
        rows: [["2025-Q1", S, S], ["2025-Q2", 6, 23], ["2025-Q3", S, S]],
        totals: [14, 40],
      });
      expect(await api.table(quarters, USERS.fedasilStaff)).toEqual({
        rows: [["2025-Q1", 5, 12], ["2025-Q2", 6, 23], ["2025-Q3", 3, 5]],
        totals: [14, 40],
      });
    });

    it("withholds the totals when they rest on fewer than 5 households", async () => {
      const planned = await api.report({ dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"], filter: { householdStatuses: ["PLANNED"] } }, USERS.evaluator);
      expect(planned.suppressedCellCount).toBe(3);
      expect(planned.totals.suppressed).toBe(true);
      expect(await api.table({ dimensions: ["AGREEMENT"], measures: ["FUNDING_DUE", "FUNDING_BASE"] }, USERS.evaluator)).toEqual({
        rows: [["RES-2025-GENT", S, S], ["RES-2025-LIEGE", S, S]],
        totals: [S, S],
      });
    });

    it("suppresses each family on its own households; facts about no household are about no person", async () => {
      expect(await api.table({ dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS", "TASKS"] }, USERS.evaluator)).toEqual({
        rows: [["RES-2025-GENT", 9, S], ["RES-2025-LIEGE", 7, S]],
        totals: [16, 13],
      });
      expect(await api.table({ dimensions: ["TASK_CATEGORY"], measures: ["TASKS", "OVERDUE_TASKS"] }, USERS.evaluator)).toEqual({
        rows: [["ADMINISTRATION", 5, 0], ["COOPERATION", 1, 1], ["HEALTH", S, S], ["HOUSING", S, S], ["INCOME", S, S]],
        totals: [13, 4],
      });
    });
  });

  describe("for partners, their consortia only", () => {
    it("shows a Gent coordinator nothing of Liège", async () => {
      expect(await api.table({ dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS", "PERSONS"] }, USERS.gentCoordinator)).toEqual({ rows: [["EAST_FLANDERS", 9, 27]], totals: [9, 27] });
      const members = await api.report({ dimensions: ["ORGANISATION"], measures: ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"] }, USERS.gentCoordinator);
      expect(members.suppressionThreshold).toBeNull();
      expect(members.rows.map((row) => row.dimensions[0].label)).toEqual(["OCMW Gent", "Stad Gent", "Vluchtelingenwerk Gent"]);
      expect(members.totals.measures.map((m) => m.value ?? m.money?.amount)).toEqual([9, 8, "21500.00"]);
    });

    it("answers an empty report for another consortium's agreement or an id of the wrong type", async () => {
      const liege = { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"], filter: { agreementIds: [toGlobalId("Agreement", world.agreements.liege)] } };
      const empty = { rows: [], totals: [0, 0, "0.00"] };
      expect(await api.table(liege, USERS.gentCoordinator)).toEqual(empty);
      expect(await api.table(liege, USERS.fedasilStaff)).toEqual({ rows: [["RES-2025-LIEGE", 7, 5, "8899.99"]], totals: [7, 5, "8899.99"] });
      const wrongType = { ...liege, filter: { agreementIds: [toGlobalId("Organisation", world.organisations.liegePcsw), "not-an-id"] } };
      expect(await api.table(wrongType, USERS.fedasilStaff)).toEqual(empty);
    });
  });

  it("refuses task dimensions and filters with other measures, naming both", async () => {
    const byStatus = await t.gql(REPORT_QUERY, { definition: { dimensions: ["TASK_STATUS"], measures: ["TASKS", "HOUSEHOLDS"] } }, USERS.evaluator);
    expect(byStatus.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(byStatus.errors?.[0].message).toMatch(/TASK_STATUS.*HOUSEHOLDS/);
    const filtered = await t.gql(REPORT_QUERY, { definition: { dimensions: [], measures: ["FUNDING_DUE"], filter: { taskStatuses: ["DONE"] } } }, USERS.fedasilStaff);
    expect(filtered.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(filtered.errors?.[0].message).toMatch(/taskStatuses.*FUNDING_DUE/);
  });

  it("costs one SQL statement per report, whatever its rows and families", async () => {
    const trivial = await t.measure(`{ __typename }`, {}, USERS.evaluator);
    const small = await t.measure(REPORT_QUERY, { definition: { dimensions: [], measures: ["HOUSEHOLDS"] } }, USERS.evaluator);
    const large = await t.measure(
      REPORT_QUERY,
      { definition: { dimensions: ["ORGANISATION", "ARRIVAL_MONTH", "HOUSEHOLD_SIZE_BAND"], measures: ["HOUSEHOLDS", "PERSONS", "TASKS", "MEDIAN_DAYS_TO_COMPLETE", "FUNDING_DUE"] } },
      USERS.fedasilStaff,
    );
    expect(large.data.report.rows.length).toBeGreaterThan(20);
    expect(small.statements - trivial.statements).toBe(1);
    expect(large.statements - trivial.statements).toBe(1);
  });
});
