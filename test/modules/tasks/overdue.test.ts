import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { insertTask } from "./fixtures";

const OVERDUE = `query($filter: TaskFilter) { tasks(filter: $filter) { totalCount nodes { title dueOn isOverdue } } }`;

/** Every clock API but Date keeps running for real: the server, its database and fetch need them. */
const REAL_TIMERS = ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] as const;

describe("overdue is measured against today in Europe/Brussels", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const task = (title: string, dueOn: string, status = "OPEN") =>
      insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw, title, due_on: dueOn, status });
    await task("Due yesterday in Brussels", "2026-03-02");
    await task("Due today in Brussels", "2026-03-03");
    await task("Done yesterday", "2026-03-02", "DONE");
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  it("counts a task due on the UTC date as overdue once Brussels is on the next day", async () => {
    // 23:30 UTC on 2 March is 00:30 on 3 March in Brussels: a UTC clock would call nothing overdue yet.
    jest.useFakeTimers({ now: new Date("2026-03-02T23:30:00Z"), doNotFake: [...REAL_TIMERS] });
    const all = await t.gql(OVERDUE, {}, USERS.gentStaff);
    expect(all.errors).toBeUndefined();
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect(all.data.tasks.nodes.sort(byTitle)).toEqual([
      { title: "Done yesterday", dueOn: "2026-03-02", isOverdue: false },
      { title: "Due today in Brussels", dueOn: "2026-03-03", isOverdue: false },
      { title: "Due yesterday in Brussels", dueOn: "2026-03-02", isOverdue: true },
    ]);
    const overdue = await t.gql(OVERDUE, { filter: { overdue: true } }, USERS.gentStaff);
    expect(overdue.data.tasks).toEqual({ totalCount: 1, nodes: [{ title: "Due yesterday in Brussels", dueOn: "2026-03-02", isOverdue: true }] });
  });

  it("calls nothing overdue an hour earlier, when it is still 2 March in Brussels", async () => {
    jest.useFakeTimers({ now: new Date("2026-03-02T22:30:00Z"), doNotFake: [...REAL_TIMERS] });
    const overdue = await t.gql(OVERDUE, { filter: { overdue: true } }, USERS.gentStaff);
    expect(overdue.data.tasks).toEqual({ totalCount: 0, nodes: [] });
  });
});
