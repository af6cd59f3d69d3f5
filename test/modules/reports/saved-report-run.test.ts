import { randomUUID } from "node:crypto";
import { toGlobalId } from "../../../src/graphql/global-id";
import { seedReportFixture } from "../../support/report-fixture";
import { type TestApp, startTestApp, withoutCost } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { type Definition, REPORT_QUERY, reportApi, tableOf } from "./report-api";
import { type Report, codeOf, savedReportApi, savedReportFootprint } from "./saved-report-api";

/** `report` with both arguments optional, the answer read as in report-api.ts. */
const RUN = REPORT_QUERY.replace("$definition: ReportDefinitionInput!", "$definition: ReportDefinitionInput, $savedReportId: ID").replace(
  "report(definition: $definition)",
  "report(definition: $definition, savedReportId: $savedReportId)",
);
const S = "suppressed";
const QUARTERS: Definition = { dimensions: ["ARRIVAL_QUARTER"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { arrivedFrom: "2025-01-01" } };

describe("report(savedReportId)", () => {
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
    const created = (await saved.save({ name: "Quarters", definition: QUARTERS })).data.saveReport.savedReport;
    shared = (await saved.share(created, [gid("User", world.users.fedasilStaff)])).data.shareReport.savedReport;
    unshared = await saved.create("Fedasil's own", USERS.fedasilAdmin);
  });
  afterAll(() => t.close());

  const run = (variables: Record<string, unknown>, subject: string) => t.gql(RUN, variables, subject);

  it("answers as its saved definition would, for its owner and those it is shared with", async () => {
    for (const subject of [USERS.evaluator, USERS.fedasilStaff]) {
      const res = await run({ savedReportId: shared.id }, subject);
      expect(res.errors).toBeUndefined();
      expect(res.data.report).toEqual(await reports.report(QUARTERS, subject));
    }
    expect(tableOf((await run({ savedReportId: shared.id }, USERS.evaluator)).data.report)).toEqual({
      rows: [["2025-Q1", S, S], ["2025-Q2", 6, 23], ["2025-Q3", S, S]],
      totals: [14, 40],
    });
    expect(tableOf((await run({ savedReportId: shared.id }, USERS.fedasilStaff)).data.report)).toEqual({
      rows: [["2025-Q1", 5, 12], ["2025-Q2", 6, 23], ["2025-Q3", 3, 5]],
      totals: [14, 40],
    });
  });

  it("runs the definition as last saved", async () => {
    const byRoute = { dimensions: ["ARRIVAL_ROUTE"], measures: ["HOUSEHOLDS"] };
    const own = await saved.create("Changing", USERS.fedasilStaff);
    const changed = await saved.save({ reportId: own.id, expectedVersion: own.version, definition: byRoute }, USERS.fedasilStaff);
    expect(changed.data.saveReport.userErrors).toEqual([]);
    const res = await run({ savedReportId: own.id }, USERS.fedasilStaff);
    expect(tableOf(res.data.report)).toEqual({ rows: [["DIRECT", 9], ["VIA_RECEPTION", 7]], totals: [16] });
  });

  it("takes exactly one of definition and savedReportId", async () => {
    for (const variables of [{}, { definition: QUARTERS, savedReportId: shared.id }, { definition: null, savedReportId: null }]) {
      const res = await run(variables, USERS.evaluator);
      expect(codeOf(res)).toBe("BAD_USER_INPUT");
      expect(res.data?.report ?? null).toBeNull();
    }
  });

  it("answers a report not shared with the caller, a random id, another type's id and partners with the same NOT_FOUND, writing nothing", async () => {
    const before = await savedReportFootprint(t);
    const notFound = await run({ savedReportId: unshared.id }, USERS.evaluator);
    expect(codeOf(notFound)).toBe("NOT_FOUND");
    expect(JSON.stringify(notFound)).not.toMatch(/Fedasil's own|Quarters/);
    for (const [savedReportId, subject] of [
      [toGlobalId("SavedReport", randomUUID()), USERS.evaluator],
      [gid("Agreement", world.agreements.gent), USERS.evaluator],
      [unshared.id, USERS.fedasilStaff],
      [shared.id, USERS.gentCoordinator],
      [shared.id, USERS.liegeStaff],
    ]) {
      expect(withoutCost(await run({ savedReportId }, subject))).toEqual(withoutCost(notFound));
    }
    expect(await savedReportFootprint(t)).toEqual(before);
  });
});
