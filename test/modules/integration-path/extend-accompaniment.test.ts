import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { EXTEND, footprint, plannedHousehold, recordNotifications, register, tasksOf } from "./support";

describe("extendAccompaniment", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  /** A Gent household registered as arrived on 31 January 2026: its first year ends on 31 January 2027. */
  const arrived = async () => {
    const household = await plannedHousehold(t.app.db, world.agreements.gent, `HH-EXTEND-${++serial}`);
    expect((await register(t, household, USERS.gentCoordinator)).data.registerArrival.userErrors).toEqual([]);
    return household;
  };
  const extend = (householdKey: string, subject: string, input: Record<string, unknown> = {}) =>
    t.gql(EXTEND, { input: { householdId: gid("Household", householdKey), expectedVersion: 2, ...input } }, subject);
  const due = async (householdKey: string) => Object.fromEntries((await tasksOf(t.app.db, householdKey)).map((task) => [`${task.code}${task.child ? `:${task.child}` : ""}`, task.due_on]));

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("grants the second year: the end moves 12 months, and with it the next-home search and the end report", async () => {
    const household = await arrived();
    const before = await due(household);
    const tasks = await tasksOf(t.app.db, household);
    const changed = recordNotifications(t.app.services.taskPubSub, "TASK_CHANGED");
    const res = await extend(household, USERS.gentCoordinator, { grantedOn: "2026-11-02" });
    await changed.stop();
    expect(res.data.extendAccompaniment).toEqual({
      userErrors: [],
      household: { id: gid("Household", household), status: "EXTENDED", accompanimentStartsOn: "2026-01-31", accompanimentEndsOn: "2028-01-31", extendedOn: "2026-11-02", version: 3 },
    });
    expect(await due(household)).toEqual({ ...before, SEARCH_NEXT_HOME: "2027-10-31", KEY_MOMENT_REPORT_END: "2028-01-31" });

    const moved = tasks.filter((task) => ["SEARCH_NEXT_HOME", "KEY_MOMENT_REPORT_END"].includes(task.code)).map((task) => task.id).sort();
    const history = await t.app.db.manager.query(
      `SELECT task_id, to_char(from_due_on, 'YYYY-MM-DD') AS from_due_on, to_char(to_due_on, 'YYYY-MM-DD') AS to_due_on, actor_user_id
         FROM task_event WHERE kind = 'DUE_DATE_CHANGED' AND task_id = ANY($1) ORDER BY from_due_on`,
      [tasks.map((task) => task.id)],
    );
    expect(history).toEqual([
      { task_id: tasks.find((task) => task.code === "SEARCH_NEXT_HOME")!.id, from_due_on: "2026-10-31", to_due_on: "2027-10-31", actor_user_id: world.users.gentCoordinator },
      { task_id: tasks.find((task) => task.code === "KEY_MOMENT_REPORT_END")!.id, from_due_on: "2027-01-31", to_due_on: "2028-01-31", actor_user_id: world.users.gentCoordinator },
    ]);
    expect((await tasksOf(t.app.db, household)).filter((task) => task.version === 2).map((task) => task.id).sort()).toEqual(moved);
    expect(changed.received.map((n) => n.taskKey).sort()).toEqual(moved);
    expect(changed.received.every((n) => n.householdKey === household && n.consortiumKey === world.consortia.gent)).toBe(true);

    const audits = await t.app.db.manager.query(
      `SELECT subject_type, before, after FROM audit_event WHERE action = 'extendAccompaniment' AND consortium_id = $1 ORDER BY subject_type`,
      [world.consortia.gent],
    );
    // The second year also owes its EXTENSION funding line.
    expect(audits.map((a: { subject_type: string }) => a.subject_type)).toEqual(["FundingLine", "Household", "Task", "Task"]);
    expect(audits[1]).toMatchObject({ before: { status: "IN_ACCOMPANIMENT", accompanimentEndsOn: "2027-01-31" }, after: { status: "EXTENDED", accompanimentEndsOn: "2028-01-31", extendedOn: "2026-11-02" } });
  });

  it("leaves closed tasks where they were, and Fedasil staff may grant it, on today by default", async () => {
    const household = await arrived();
    await t.app.db.manager.query(
      `UPDATE task SET status = CASE template.code WHEN 'SEARCH_NEXT_HOME' THEN 'CANCELLED' ELSE 'DONE' END
         FROM task_template template WHERE template.id = task.template_id AND task.household_id = $1 AND template.due_anchor = 'ACCOMPANIMENT_END'`,
      [household],
    );
    const before = await due(household);
    const res = await extend(household, USERS.fedasilStaff);
    expect(res.data.extendAccompaniment.household).toMatchObject({ status: "EXTENDED", accompanimentEndsOn: "2028-01-31", extendedOn: todayInBrussels() });
    expect(await due(household)).toEqual(before);
    const [{ n }] = await t.app.db.manager.query(
      `SELECT count(*)::int AS n FROM task_event e JOIN task ON task.id = e.task_id WHERE task.household_id = $1 AND e.kind = 'DUE_DATE_CHANGED'`,
      [household],
    );
    expect(n).toBe(0);
  });

  it("grants it once: a second time is INVALID_STATE and writes nothing", async () => {
    const household = await arrived();
    expect((await extend(household, USERS.gentCoordinator)).data.extendAccompaniment.userErrors).toEqual([]);
    const before = await footprint(t.app.db);
    for (const expectedVersion of [2, 3]) {
      const again = await extend(household, USERS.gentCoordinator, { expectedVersion });
      expect(again.data.extendAccompaniment).toEqual({ household: null, userErrors: [expect.objectContaining({ field: ["input", "householdId"], code: "INVALID_STATE" })] });
    }
    expect(await footprint(t.app.db)).toEqual(before);
    expect((await due(household)).KEY_MOMENT_REPORT_END).toBe("2028-01-31");
  });

  it.each([
    ["a household that has not arrived", "planned", {}, "input.householdId:INVALID_STATE"],
    ["a grant in the future", "arrived", { grantedOn: addDays(todayInBrussels(), 1) }, "input.grantedOn:INVALID_DATE_RANGE"],
    ["a grant before the start", "arrived", { grantedOn: "2026-01-30" }, "input.grantedOn:INVALID_DATE_RANGE"],
    ["a stale version", "arrived", { expectedVersion: 1 }, "input.expectedVersion:CONFLICT"],
  ])("refuses %s as a user error and writes nothing", async (_what, state, input, error) => {
    const household = state === "planned" ? await plannedHousehold(t.app.db, world.agreements.gent, `HH-EXTEND-${++serial}`) : await arrived();
    const before = await footprint(t.app.db);
    const res = await extend(household, USERS.gentCoordinator, { expectedVersion: state === "planned" ? 1 : 2, ...input });
    expect(res.data.extendAccompaniment.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join(".")}:${e.code}`)).toEqual([error]);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it.each([
    ["Gent staff", USERS.gentStaff, "FORBIDDEN"],
    ["Liège's coordinator", USERS.liegeCoordinator, "NOT_FOUND"],
    ["an evaluator", USERS.evaluator, "NOT_FOUND"],
  ])("refuses %s (%s: %s) and writes nothing", async (_who, subject, code) => {
    const household = await arrived();
    const before = await footprint(t.app.db);
    const res = await extend(household, subject);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("lets a Fedasil admin grant it too", async () => {
    const household = await arrived();
    expect((await extend(household, USERS.fedasilAdmin)).data.extendAccompaniment.household).toMatchObject({ status: "EXTENDED" });
  });
});
