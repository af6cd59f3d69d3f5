import { type TestApp, startTestApp, withoutCost } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { count, gid } from "../households/fixtures";
import { type Report, SECOND_EVALUATOR, auditActions, auditTrail, codeOf, errorCodes, filterOf, savedReportApi, savedReportFootprint, seedSecondEvaluator } from "./saved-report-api";

describe("saved reports", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof savedReportApi>;
  let user: (name: keyof World["users"]) => string;
  let secondEvaluator: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    api = savedReportApi(t);
    user = (name) => gid("User", world.users[name]);
    secondEvaluator = await seedSecondEvaluator(t, world);
  });
  afterAll(() => t.close());

  it("keeps what an evaluator saves and reads it back exactly, audited", async () => {
    const agreements = [gid("Agreement", world.agreements.gent), gid("Agreement", world.agreements.liege)];
    const definition = {
      dimensions: ["AGREEMENT", "ARRIVAL_QUARTER"],
      measures: ["HOUSEHOLDS", "PERSONS"],
      filter: { agreementIds: agreements, provinces: [], arrivalRoutes: null, arrivedFrom: "2025-01-01", arrivedTo: "2026-12-31", householdStatuses: ["IN_ACCOMPANIMENT", "EXTENDED"] },
    };
    const res = await api.save({ name: "Arrivals per agreement", definition });
    expect(res.data.saveReport.userErrors).toEqual([]);
    const report = res.data.saveReport.savedReport;
    const expected = {
      id: report.id,
      name: "Arrivals per agreement",
      version: 1,
      ownedByViewer: true,
      owner: { id: user("evaluator") },
      sharedWith: [],
      definition: {
        dimensions: ["AGREEMENT", "ARRIVAL_QUARTER"],
        measures: ["HOUSEHOLDS", "PERSONS"],
        filter: filterOf({ agreementIds: agreements, arrivedFrom: "2025-01-01", arrivedTo: "2026-12-31", householdStatuses: ["IN_ACCOMPANIMENT", "EXTENDED"] }),
      },
    };
    expect(report).toEqual(expected);
    expect(await api.node(report.id)).toEqual(expected);
    expect((await api.list()).data.savedReports).toMatchObject({ totalCount: 1, nodes: [expected] });
    expect(await auditActions(t, report)).toEqual(["saveReport"]);
  });

  it("refuses a new report without a name or a definition, or with a definition that cannot run, writing nothing", async () => {
    const before = await savedReportFootprint(t);
    const definition = { dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"] };
    expect(errorCodes((await api.save({ definition })).data.saveReport)).toEqual(["input.name REQUIRED"]);
    expect(errorCodes((await api.save({ name: "No definition" })).data.saveReport)).toEqual(["input.definition REQUIRED"]);
    expect(errorCodes((await api.save({})).data.saveReport)).toEqual(["input.name REQUIRED", "input.definition REQUIRED"]);
    const tasksOnly = { dimensions: ["TASK_STATUS"], measures: ["HOUSEHOLDS"] };
    expect(errorCodes((await api.save({ name: "Mixed", definition: tasksOnly })).data.saveReport)).toEqual(["input.definition INVALID"]);
    expect(errorCodes((await api.save({ name: "", definition })).data.saveReport)).toEqual(["input.name INVALID"]);
    expect(errorCodes((await api.save({ name: "Nothing counted", definition: { dimensions: [], measures: [] } })).data.saveReport)).toEqual(["input.definition.measures INVALID"]);
    expect((await api.save({ definition })).data.saveReport.savedReport).toBeNull();
    expect(await savedReportFootprint(t)).toEqual(before);
  });

  it("takes each name once per owner, whatever the case; another owner may use it", async () => {
    const before = await savedReportFootprint(t);
    const res = await api.save({ name: "ARRIVALS PER AGREEMENT", definition: { dimensions: [], measures: ["PERSONS"] } });
    expect(res.data.saveReport.userErrors).toEqual([{ field: ["input", "name"], code: "TAKEN", message: "You already have a report with this name." }]);
    expect(await savedReportFootprint(t)).toEqual(before);
    const other = await api.create("Arrivals per agreement", SECOND_EVALUATOR);
    expect(other.name).toBe("Arrivals per agreement");
  });

  it("renames with the version last read, and refuses a stale version or a name taken, changing nothing", async () => {
    const report = await api.create("Draft");
    const renamed = (await api.save({ reportId: report.id, expectedVersion: 1, name: "Households per province" })).data.saveReport;
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.savedReport).toMatchObject({ id: report.id, name: "Households per province", version: 2, definition: report.definition });
    const before = await savedReportFootprint(t);
    const stale = await api.save({ reportId: report.id, expectedVersion: 1, name: "Too late" });
    expect(errorCodes(stale.data.saveReport)).toEqual(["input.expectedVersion CONFLICT"]);
    expect(errorCodes((await api.save({ reportId: report.id, expectedVersion: 2, name: "arrivals PER agreement" })).data.saveReport)).toEqual(["input.name TAKEN"]);
    expect(errorCodes((await api.save({ reportId: report.id, name: "No version" })).data.saveReport)).toEqual(["input.expectedVersion REQUIRED"]);
    expect(errorCodes((await api.save({ reportId: report.id, expectedVersion: 2 })).data.saveReport)).toEqual(["input.name REQUIRED"]);
    expect(await savedReportFootprint(t)).toEqual(before);
    expect(await api.node(report.id)).toEqual(renamed.savedReport);

    const redefined = (await api.save({ reportId: report.id, expectedVersion: 2, definition: { dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"], filter: { provinces: ["LIEGE"] } } })).data.saveReport;
    expect(redefined.savedReport).toMatchObject({ name: "Households per province", version: 3, definition: { filter: filterOf({ provinces: ["LIEGE"] }) } });
    expect(await auditActions(t, report)).toEqual(["saveReport", "saveReport", "saveReport"]);
    const redefinition = (await auditTrail(t, report))[2];
    expect(redefinition.before.definition).toMatchObject({ dimensions: expect.any(Array) });
    expect(redefinition.after.definition).toEqual({ dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"], filter: { provinces: ["LIEGE"] } });
  });

  it("answers a retried create with its first report", async () => {
    const input = { name: "Retried", definition: { dimensions: [], measures: ["HOUSEHOLDS"] }, idempotencyKey: "saved-report-1" };
    const first = (await api.save(input)).data.saveReport.savedReport;
    const before = await savedReportFootprint(t);
    const again = (await api.save(input)).data.saveReport;
    expect(again).toEqual({ savedReport: first, userErrors: [] });
    expect(await savedReportFootprint(t)).toEqual(before);
    expect(await count(t.app.db, "saved_report")).toBe((before.rows as unknown[]).length);
  });

  it("lists the viewer's reports by name whatever the case, page by page", async () => {
    await api.create("b-side");
    const names = ["Arrivals per agreement", "b-side", "Households per province", "Retried"];
    expect((await api.list()).data.savedReports.nodes.map((r: Report) => r.name)).toEqual(names);
    const first = (await api.list(USERS.evaluator, true, { first: 2 })).data.savedReports;
    expect([first.totalCount, first.pageInfo.hasNextPage, first.nodes.map((r: Report) => r.name)]).toEqual([4, true, names.slice(0, 2)]);
    const rest = (await api.list(USERS.evaluator, true, { first: 2, after: first.pageInfo.endCursor })).data.savedReports;
    expect([rest.pageInfo.hasNextPage, rest.nodes.map((r: Report) => r.name)]).toEqual([false, names.slice(2)]);
  });

  it("saves one of two reports created at once under the same name", async () => {
    const definition = { dimensions: [], measures: ["TASKS"] };
    const answers = await Promise.all([api.save({ name: "Twice", definition }), api.save({ name: "twice", definition })]);
    expect(answers.map((res) => errorCodes(res.data.saveReport)).sort()).toEqual([[], ["input.name TAKEN"]]);
    const [{ n }] = await t.app.db.manager.query(`SELECT count(*)::int AS n FROM saved_report WHERE lower(name) = 'twice'`);
    expect(n).toBe(1);
    const saved = answers.find((res) => res.data.saveReport.savedReport)!.data.saveReport.savedReport;
    expect((await api.remove(saved)).data.deleteReport.userErrors).toEqual([]);
  });

  it("shows nothing of a report to an evaluator it is not shared with, not even that it exists", async () => {
    const report = await api.create("Private");
    const random = { id: gid("SavedReport", "0b3f5c1e-0000-4000-8000-00000000beef"), version: report.version };
    expect((await api.list(SECOND_EVALUATOR)).data.savedReports.nodes.map((r: Report) => r.name)).toEqual(["Arrivals per agreement"]);
    expect(await api.node(report.id, SECOND_EVALUATOR)).toBeNull();
    const before = await savedReportFootprint(t);
    const attempts = [
      (target: { id: string; version: number }) => api.save({ reportId: target.id, expectedVersion: target.version, name: "Taken over" }, SECOND_EVALUATOR),
      (target: { id: string; version: number }) => api.share(target, [secondEvaluator], SECOND_EVALUATOR),
      (target: { id: string; version: number }) => api.remove(target, SECOND_EVALUATOR),
    ];
    for (const attempt of attempts) {
      const [hidden, missing] = [await attempt(report), await attempt(random)];
      expect(codeOf(hidden)).toBe("NOT_FOUND");
      expect(withoutCost(hidden)).toEqual(withoutCost(missing));
    }
    expect(await savedReportFootprint(t)).toEqual(before);
  });

  it("is not for partners", async () => {
    const [report] = (await api.list()).data.savedReports.nodes;
    const before = await savedReportFootprint(t);
    for (const subject of [USERS.gentCoordinator, USERS.liegeStaff]) {
      const list = await api.list(subject);
      expect([codeOf(list), list.data]).toEqual(["FORBIDDEN", null]);
      expect(codeOf(await api.save({ name: "Partner report", definition: { dimensions: [], measures: ["HOUSEHOLDS"] } }, subject))).toBe("FORBIDDEN");
      expect(codeOf(await api.remove(report, subject))).toBe("FORBIDDEN");
      expect(await api.node(report.id, subject)).toBeNull();
    }
    expect(await savedReportFootprint(t)).toEqual(before);
  });

  it("lets an evaluator read the users it may share with, evaluators and Fedasil, but no partner", async () => {
    expect(await api.node(user("fedasilStaff"))).toEqual({ id: user("fedasilStaff"), displayName: USERS.fedasilStaff, role: "FEDASIL_STAFF" });
    expect(await api.node(secondEvaluator)).toEqual({ id: secondEvaluator, displayName: "Second evaluator", role: "EVALUATOR" });
    for (const partner of ["gentStaff", "liegeCoordinator"] as const) expect(await api.node(user(partner))).toBeNull();
  });
});
