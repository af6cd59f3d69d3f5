import { keyOf } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { type Report, SECOND_EVALUATOR, auditActions, auditTrail, codeOf, errorCodes, savedReportApi, savedReportFootprint, seedSecondEvaluator } from "./saved-report-api";

const sharesOf = async (t: TestApp, report: Report): Promise<number> =>
  (await t.app.db.manager.query(`SELECT count(*)::int AS n FROM saved_report_share WHERE saved_report_id = $1`, [keyOf(report.id, "SavedReport")]))[0].n;

describe("sharing and deleting saved reports", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof savedReportApi>;
  let user: (name: keyof World["users"]) => string;
  let secondEvaluator: string;
  let report: Report;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    api = savedReportApi(t);
    user = (name) => gid("User", world.users[name]);
    secondEvaluator = await seedSecondEvaluator(t, world);
    report = await api.create("To share");
    const res = await api.share(report, [user("fedasilStaff"), secondEvaluator]);
    expect(res.data.shareReport.userErrors).toEqual([]);
    report = res.data.shareReport.savedReport;
  });
  afterAll(() => t.close());

  it("is read by those it is shared with, in the order given, who may not change it", async () => {
    expect(report).toMatchObject({ version: 2, sharedWith: [{ id: user("fedasilStaff") }, { id: secondEvaluator }] });
    for (const subject of [USERS.fedasilStaff, SECOND_EVALUATOR]) {
      const seen = { ...report, ownedByViewer: false };
      expect((await api.list(subject)).data.savedReports.nodes).toEqual([seen]);
      expect((await api.list(subject, true)).data.savedReports.nodes).toEqual([]);
      expect(await api.node(report.id, subject)).toEqual(seen);
    }
    const before = await savedReportFootprint(t);
    for (const subject of [USERS.fedasilStaff, SECOND_EVALUATOR]) {
      expect(codeOf(await api.save({ reportId: report.id, expectedVersion: report.version, name: "Mine now" }, subject))).toBe("FORBIDDEN");
      expect(codeOf(await api.share(report, [], subject))).toBe("FORBIDDEN");
      expect(codeOf(await api.remove(report, subject))).toBe("FORBIDDEN");
    }
    expect(await savedReportFootprint(t)).toEqual(before);
  });

  it("is not shared with Fedasil users it was not shared with", async () => {
    expect((await api.list(USERS.fedasilAdmin)).data.savedReports.nodes).toEqual([]);
    expect(await api.node(report.id, USERS.fedasilAdmin)).toBeNull();
  });

  it("refuses partners, unknown users, other ids and the owner as recipients, by position, and a stale version, writing nothing", async () => {
    const before = await savedReportFootprint(t);
    const unknown = gid("User", "0b3f5c1e-0000-4000-8000-00000000dead");
    const res = await api.share(report, [user("fedasilAdmin"), user("gentStaff"), unknown, gid("Organisation", world.organisations.fedasil), user("evaluator")]);
    expect(errorCodes(res.data.shareReport)).toEqual(["input.userIds.1 UNKNOWN_REFERENCE", "input.userIds.2 UNKNOWN_REFERENCE", "input.userIds.3 UNKNOWN_REFERENCE", "input.userIds.4 INVALID"]);
    expect(res.data.shareReport.savedReport).toBeNull();
    expect(errorCodes((await api.share({ ...report, version: 1 }, [])).data.shareReport)).toEqual(["input.expectedVersion CONFLICT"]);
    expect(await savedReportFootprint(t)).toEqual(before);
  });

  it("replaces the list: those kept keep their place, those added follow in the order given; audited with both lists", async () => {
    const res = (await api.share(report, [user("fedasilAdmin"), secondEvaluator, user("fedasilAdmin")])).data.shareReport;
    expect(res.userErrors).toEqual([]);
    expect(res.savedReport).toMatchObject({ version: 3, sharedWith: [{ id: secondEvaluator }, { id: user("fedasilAdmin") }] });
    report = res.savedReport;
    expect((await api.list(USERS.fedasilStaff)).data.savedReports.nodes).toEqual([]);
    expect((await api.list(USERS.fedasilAdmin)).data.savedReports.nodes).toEqual([{ ...report, ownedByViewer: false }]);
    const [, , shared] = await auditTrail(t, report);
    const keys = (...ids: string[]) => ids.map((id) => keyOf(id, "User"));
    expect(shared.before).toMatchObject({ version: 2, sharedWith: keys(user("fedasilStaff"), secondEvaluator) });
    expect(shared.after).toMatchObject({ version: 3, sharedWith: keys(user("fedasilAdmin"), secondEvaluator) });
  });

  it("is unshared by sharing it with nobody", async () => {
    const res = (await api.share(report, [])).data.shareReport;
    expect(res.savedReport).toMatchObject({ version: 4, sharedWith: [] });
    expect(await sharesOf(t, report)).toBe(0);
    for (const subject of [USERS.fedasilAdmin, SECOND_EVALUATOR]) {
      expect((await api.list(subject)).data.savedReports.nodes).toEqual([]);
      expect(await api.node(report.id, subject)).toBeNull();
    }
    report = (await api.share(res.savedReport, [user("fedasilStaff")])).data.shareReport.savedReport;
    expect(await auditActions(t, report)).toEqual(["saveReport", "shareReport", "shareReport", "shareReport", "shareReport"]);
  });

  it("shows a Fedasil user's report shared with an evaluator with its owner and recipients", async () => {
    const own = await api.create("Fedasil's", USERS.fedasilStaff);
    const shared = (await api.share(own, [user("evaluator"), user("fedasilAdmin")], USERS.fedasilStaff)).data.shareReport.savedReport;
    expect(await api.node(own.id)).toEqual({ ...shared, ownedByViewer: false, owner: { id: user("fedasilStaff") } });
    expect((await api.remove(shared, USERS.fedasilStaff)).data.deleteReport.deletedReportId).toBe(own.id);
  });

  it("is deleted by its owner with the version last read, for everyone, shares and all", async () => {
    const before = await savedReportFootprint(t);
    expect(errorCodes((await api.remove({ ...report, version: 1 })).data.deleteReport)).toEqual(["input.expectedVersion CONFLICT"]);
    expect((await api.remove({ ...report, version: 1 })).data.deleteReport.deletedReportId).toBeNull();
    expect(await savedReportFootprint(t)).toEqual(before);
    expect((await api.remove(report)).data.deleteReport).toEqual({ deletedReportId: report.id, userErrors: [] });
    for (const subject of [USERS.evaluator, USERS.fedasilStaff]) {
      expect(await api.node(report.id, subject)).toBeNull();
      expect((await api.list(subject)).data.savedReports.nodes).toEqual([]);
    }
    expect(await sharesOf(t, report)).toBe(0);
    expect(await auditActions(t, report)).toEqual(["saveReport", "shareReport", "shareReport", "shareReport", "shareReport", "deleteReport"]);
    expect(codeOf(await api.remove(report))).toBe("NOT_FOUND");
  });
});
