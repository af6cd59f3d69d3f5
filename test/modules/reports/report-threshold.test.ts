import { seedReportFixture } from "../../support/report-fixture";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, seedWorld } from "../../support/world";
import { reportApi } from "./report-api";

// The same fixture as report.test.ts, with the threshold lowered to 3 by configuration.
describe("report suppression threshold", () => {
  let t: TestApp;
  let api: ReturnType<typeof reportApi>;

  beforeAll(async () => {
    t = await startTestApp({ REPORT_SUPPRESSION_THRESHOLD: "3" });
    await seedReportFixture(t.app.db, await seedWorld(t.app.db));
    api = reportApi(t);
  });
  afterAll(() => t.close());

  it("shows evaluators counts of 3 households and withholds those of 1 and 2", async () => {
    const quarters = await api.report({ dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { arrivedFrom: "2025-01-01" } }, USERS.evaluator);
    expect(quarters).toMatchObject({ suppressionThreshold: 3, suppressedCellCount: 0 });
    expect(await api.table({ dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { arrivedFrom: "2025-01-01" } }, USERS.evaluator)).toEqual({
      rows: [["2025-Q1", 5, 12], ["2025-Q2", 6, 23], ["2025-Q3", 3, 5]],
      totals: [14, 40],
    });
    expect(await api.table({ dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"], filter: { householdStatuses: ["PLANNED"] } }, USERS.evaluator)).toEqual({
      rows: [["EAST_FLANDERS", "suppressed"], ["LIEGE", "suppressed"]],
      totals: ["suppressed"],
    });
  });
});
