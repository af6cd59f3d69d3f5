import { todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertHousehold } from "../households/fixtures";
import { footprint, insertTask, insertTemplate, record } from "./support";

interface TaskRow {
  id: string;
  status: string;
  version: number;
  done_by_user_id: string | null;
}

describe("a key-moment report completes its key-moment task", () => {
  let t: TestApp;
  let world: World;
  const today = todayInBrussels();
  const households: Record<string, string> = {};
  const tasks: Record<string, string> = {};
  const taskRow = async (id: string): Promise<TaskRow> =>
    (await t.app.db.manager.query(`SELECT id, status, version, done_by_user_id FROM task WHERE id = $1`, [id]))[0];
  const report = (householdIds: string[], extra: Record<string, unknown> = {}) => ({
    agreementId: gid("Agreement", world.agreements.gent),
    kind: "KEY_MOMENT_REPORT",
    keyMoment: "MONTH_3",
    occurredOn: today,
    title: "Three months in Gent",
    householdIds,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db;
    const month3 = await insertTemplate(db, "TEST_REPORT_MONTH_3", "MONTH_3");
    const month6 = await insertTemplate(db, "TEST_REPORT_MONTH_6", "MONTH_6");
    const plain = await insertTemplate(db, "TEST_PLAIN_STEP", null);
    const gent = world.agreements.gent;
    const head = [{ given_name: "Head", birth_date: "1980-01-01", relationship: "HEAD" }];
    households.open = world.households.gent;
    households.inProgress = await insertHousehold(db, gent, "HH-KM-2", {}, head);
    households.notArrived = await insertHousehold(db, gent, "HH-KM-3", {}, head);
    households.cancelled = await insertHousehold(db, gent, "HH-KM-4", {}, head);
    households.untouched = await insertHousehold(db, gent, "HH-KM-5", {}, head);
    const task = (household: string, template: string, status = "OPEN") =>
      insertTask(db, { agreement: gent, household, template, assignee: world.organisations.gentCity, status });
    tasks.open = await task(households.open, month3);
    tasks.openMonth6 = await task(households.open, month6);
    tasks.openPlain = await task(households.open, plain);
    tasks.inProgress = await task(households.inProgress, month3, "IN_PROGRESS");
    tasks.cancelled = await task(households.cancelled, month3, "CANCELLED");
    tasks.untouched = await task(households.untouched, month3);
  });
  afterAll(() => t.close());

  it("writes nothing, tasks included, when the report is refused", async () => {
    const before = await footprint(t.app.db);
    const res = await record(t, report([gid("Household", households.open), gid("Household", world.households.liege)]), USERS.gentNgoStaff);
    expect(res.data.recordCooperationEvent.userErrors.map((e: { code: string }) => e.code)).toEqual(["UNKNOWN_REFERENCE"]);
    expect(await footprint(t.app.db)).toEqual(before);
    expect((await taskRow(tasks.open)).status).toBe("OPEN");
  });

  it("completes each named household's open task for that moment, through the task's own history and audit", async () => {
    const changed: string[] = [];
    const subscription = t.app.services.taskPubSub.subscribe("TASK_CHANGED");
    const listening = (async () => {
      for await (const notification of subscription) {
        changed.push(notification.taskKey);
        if (changed.length === 2) break;
      }
    })();
    const named = [households.open, households.inProgress, households.notArrived, households.cancelled].map((h) => gid("Household", h));
    const res = await record(t, report(named, { idempotencyKey: "km-1" }), USERS.gentNgoStaff);
    const payload = res.data.recordCooperationEvent;
    expect(payload.userErrors).toEqual([]);
    expect(payload.cooperationEvent).toMatchObject({ kind: "KEY_MOMENT_REPORT", keyMoment: "MONTH_3" });
    expect(payload.cooperationEvent.households.map((h: { reference: string }) => h.reference)).toEqual(["HH-GENT-1", "HH-KM-2", "HH-KM-3", "HH-KM-4"]);
    const completed = [tasks.open, tasks.inProgress].map((key) => gid("Task", key)).sort();
    expect(payload.completedTasks.map((task: { id: string }) => task.id).sort()).toEqual(completed);
    expect(payload.completedTasks.every((task: { status: string; doneAt: string }) => task.status === "DONE" && task.doneAt)).toBe(true);

    for (const key of [tasks.open, tasks.inProgress]) {
      expect(await taskRow(key)).toMatchObject({ status: "DONE", version: 2, done_by_user_id: world.users.gentNgoStaff });
    }
    const history = await t.app.db.manager.query(
      `SELECT task_id, from_status, to_status, actor_user_id FROM task_event WHERE kind = 'STATUS_CHANGED' ORDER BY from_status`,
    );
    expect(history).toEqual([
      { task_id: tasks.inProgress, from_status: "IN_PROGRESS", to_status: "DONE", actor_user_id: world.users.gentNgoStaff },
      { task_id: tasks.open, from_status: "OPEN", to_status: "DONE", actor_user_id: world.users.gentNgoStaff },
    ]);
    const audits = await t.app.db.manager.query(`SELECT subject_type, count(*)::int AS n FROM audit_event WHERE action = 'recordCooperationEvent' GROUP BY subject_type ORDER BY subject_type`);
    expect(audits).toEqual([{ subject_type: "CooperationEvent", n: 1 }, { subject_type: "Task", n: 2 }]);
    await listening;
    expect(changed.sort()).toEqual([tasks.inProgress, tasks.open].sort());
  });

  it("leaves closed tasks, other moments, other steps and other households alone", async () => {
    expect(await taskRow(tasks.cancelled)).toMatchObject({ status: "CANCELLED", version: 1 });
    for (const key of [tasks.openMonth6, tasks.openPlain, tasks.untouched]) {
      expect(await taskRow(key)).toMatchObject({ status: "OPEN", version: 1, done_by_user_id: null });
    }
  });

  it("answers a retry with the first event and the tasks it completed, writing nothing new", async () => {
    const before = await footprint(t.app.db);
    const named = [households.open, households.inProgress, households.notArrived, households.cancelled].map((h) => gid("Household", h));
    const first = await t.app.db.manager.query(`SELECT id FROM cooperation_event`);
    const res = await record(t, report(named, { idempotencyKey: "km-1" }), USERS.gentNgoStaff);
    const payload = res.data.recordCooperationEvent;
    expect(payload.userErrors).toEqual([]);
    expect(payload.cooperationEvent.id).toBe(gid("CooperationEvent", first[0].id));
    expect(payload.completedTasks.map((task: { id: string }) => task.id).sort()).toEqual([tasks.open, tasks.inProgress].map((key) => gid("Task", key)).sort());
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("completes nothing a second time: a later report of the same moment finds the tasks closed", async () => {
    const res = await record(t, report([gid("Household", households.open)], { title: "Second report" }), USERS.fedasilStaff);
    expect(res.data.recordCooperationEvent.userErrors).toEqual([]);
    expect(res.data.recordCooperationEvent.completedTasks).toEqual([]);
    expect(await taskRow(tasks.open)).toMatchObject({ status: "DONE", version: 2, done_by_user_id: world.users.gentNgoStaff });
  });

  it("completes the moment's task of a household when Fedasil reports on it", async () => {
    const res = await record(t, report([gid("Household", households.untouched)], { title: "Fedasil's look at month 3" }), USERS.fedasilStaff);
    expect(res.data.recordCooperationEvent.completedTasks.map((task: { id: string }) => task.id)).toEqual([gid("Task", tasks.untouched)]);
    expect(await taskRow(tasks.untouched)).toMatchObject({ status: "DONE", done_by_user_id: world.users.fedasilStaff });
  });
});
