import { toGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { type Live, rawSession, subscribe } from "./live-client";
import { type LiveTask, type LiveTasks, announcer, insertHandover, seedLiveTasks } from "./live-fixtures";

const TASK_ASSIGNED = `subscription { taskAssigned { id status } }`;
const TASK_CHANGED = `subscription Changed($householdId: ID) { taskChanged(householdId: $householdId) { id status } }`;
const HANDOVER_PROPOSED = `subscription { handoverProposed { id status task { id } } }`;

/** Who receives which live event: authentication first, then the filters of each subscription. */
describe("subscriptions: who receives what", () => {
  let t: TestApp;
  let world: World;
  let tasks: LiveTasks;
  let say: ReturnType<typeof announcer>;
  const open: Live[] = [];

  const listen = async (subject: string | null, query: string, variables?: Record<string, unknown>) => {
    const live = await subscribe(t, subject, query, { variables });
    open.push(live);
    return live;
  };
  const ids = (live: Live, field: string) => live.results.map((r) => r.data?.[field]?.id);
  const isTask = (field: string, task: LiveTask) => (data: any) => data[field]?.id === task.id;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    tasks = await seedLiveTasks(t.app.db, world);
    say = announcer(t.app.services.taskPubSub);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.close()));
  });
  afterAll(() => t.close());

  describe("authentication", () => {
    it("closes a connection whose token does not verify with 4403, sending nothing", async () => {
      const session = await rawSession(t, { Authorization: "Bearer not.a.token" });
      expect(await session.closed).toBe(4403);
      expect(session.messages).toEqual([]);
    });

    it("closes a connection whose valid token names no user", async () => {
      const session = await rawSession(t, { Authorization: `Bearer ${await t.tokenFor("nobody-we-know")}` });
      expect(await session.closed).toBe(4403);
      expect(session.messages).toEqual([]);
    });

    it("closes an anonymous connection at its first operation, answering nothing to it", async () => {
      const session = await rawSession(t, {});
      await session.received("connection_ack");
      session.send({ id: "1", type: "subscribe", payload: { query: TASK_CHANGED } });
      expect(await session.closed).toBe(4403);
      expect(session.messages.map((m) => m.type)).toEqual(["connection_ack"]);
    });

    it("takes the token from the operation's extensions, where GraphiQL sends its headers", async () => {
      const session = await rawSession(t, {});
      await session.received("connection_ack");
      const headers = { authorization: `Bearer ${await t.tokenFor(USERS.gentStaff)}` };
      session.send({ id: "1", type: "subscribe", payload: { query: TASK_CHANGED, extensions: { headers } } });
      const deadline = Date.now() + 5000;
      while (!session.messages.some((m) => m.type === "next") && Date.now() < deadline) {
        say.changed(tasks.gentPcsw);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(session.messages.find((m) => m.type === "next")?.payload).toEqual({ data: { taskChanged: { id: tasks.gentPcsw.id, status: "OPEN" } } });
      session.close();
    });

    it("refuses a bad token in the operation's extensions like one in the connection's params", async () => {
      const session = await rawSession(t, {});
      await session.received("connection_ack");
      session.send({ id: "1", type: "subscribe", payload: { query: TASK_CHANGED, extensions: { headers: { Authorization: "Bearer nope" } } } });
      expect(await session.closed).toBe(4403);
      expect(session.messages.map((m) => m.type)).toEqual(["connection_ack"]);
    });
  });

  describe("taskAssigned", () => {
    it("reaches the organisation the task was assigned to, and no other", async () => {
      const pcsw = await listen(USERS.gentStaff, TASK_ASSIGNED);
      await pcsw.ready(() => say.assigned(tasks.gentPcswProbe), isTask("taskAssigned", tasks.gentPcswProbe));
      say.assigned(tasks.gentNgo);
      say.assigned(tasks.gentPcsw);
      await pcsw.waitFor(isTask("taskAssigned", tasks.gentPcsw));
      expect(ids(pcsw, "taskAssigned").filter((id) => id !== tasks.gentPcswProbe.id)).toEqual([tasks.gentPcsw.id]);
    });

    it("never reaches an organisation outside the task's consortium, even when a notification names it", async () => {
      const liege = await listen(USERS.liegeStaff, TASK_ASSIGNED);
      await liege.ready(() => say.assigned(tasks.liegeNgoProbe), isTask("taskAssigned", tasks.liegeNgoProbe));
      say.assigned({ ...tasks.gentNgo, assigneeKey: world.organisations.liegeNgo });
      say.assigned(tasks.liegeNgo);
      await liege.waitFor(isTask("taskAssigned", tasks.liegeNgo));
      expect(ids(liege, "taskAssigned").filter((id) => id !== tasks.liegeNgoProbe.id)).toEqual([tasks.liegeNgo.id]);
    });
  });

  describe("taskChanged", () => {
    it("tells a partner of another consortium nothing about Gent's tasks", async () => {
      const liege = await listen(USERS.liegeCoordinator, TASK_CHANGED);
      await liege.ready(() => say.changed(tasks.liegeNgoProbe), isTask("taskChanged", tasks.liegeNgoProbe));
      say.changed(tasks.gentPcsw);
      say.changed(tasks.gentNgo);
      say.changed(tasks.liegeNgo);
      await liege.waitFor(isTask("taskChanged", tasks.liegeNgo));
      expect(ids(liege, "taskChanged").filter((id) => id !== tasks.liegeNgoProbe.id)).toEqual([tasks.liegeNgo.id]);
    });

    it("reaches every member of the consortium, whoever the assignee", async () => {
      const ngo = await listen(USERS.gentNgoStaff, TASK_CHANGED);
      await ngo.ready(() => say.changed(tasks.gentPcswProbe), isTask("taskChanged", tasks.gentPcswProbe));
      say.changed(tasks.gentPcsw);
      expect(await ngo.waitFor(isTask("taskChanged", tasks.gentPcsw))).toEqual({ taskChanged: { id: tasks.gentPcsw.id, status: "OPEN" } });
    });

    it("keeps to one household when householdId is given", async () => {
      const household = await listen(USERS.gentStaff, TASK_CHANGED, { householdId: toGlobalId("Household", tasks.secondGentHousehold) });
      await household.ready(() => say.changed(tasks.gentSecondHouseholdProbe), isTask("taskChanged", tasks.gentSecondHouseholdProbe));
      say.changed(tasks.gentPcsw);
      say.changed(tasks.gentSecondHousehold);
      await household.waitFor(isTask("taskChanged", tasks.gentSecondHousehold));
      expect(ids(household, "taskChanged").filter((id) => id !== tasks.gentSecondHouseholdProbe.id)).toEqual([tasks.gentSecondHousehold.id]);
    });

    it("reaches Fedasil staff for every consortium", async () => {
      const fedasil = await listen(USERS.fedasilStaff, TASK_CHANGED);
      await fedasil.ready(() => say.changed(tasks.gentPcswProbe), isTask("taskChanged", tasks.gentPcswProbe));
      say.changed(tasks.liegeNgo);
      say.changed(tasks.gentNgo);
      await fedasil.waitFor(isTask("taskChanged", tasks.gentNgo));
      expect(ids(fedasil, "taskChanged").filter((id) => id !== tasks.gentPcswProbe.id)).toEqual([tasks.liegeNgo.id, tasks.gentNgo.id]);
    });
  });

  describe("handoverProposed", () => {
    it("reaches the organisation asked to take the task, and not the one proposing", async () => {
      const probe = await insertHandover(t.app.db, tasks.gentPcswProbe, world.organisations.gentNgo, world.users.gentStaff);
      const toNgo = await insertHandover(t.app.db, tasks.gentPcsw, world.organisations.gentNgo, world.users.gentStaff);
      const toPcsw = await insertHandover(t.app.db, tasks.gentNgo, world.organisations.gentPcsw, world.users.gentNgoStaff);
      const ngo = await listen(USERS.gentNgoStaff, HANDOVER_PROPOSED);
      await ngo.ready(() => say.proposed(probe.key, tasks.gentPcswProbe, world.organisations.gentNgo), (data) => data.handoverProposed.id === probe.id);
      say.proposed(toPcsw.key, tasks.gentNgo, world.organisations.gentPcsw);
      say.proposed(toNgo.key, tasks.gentPcsw, world.organisations.gentNgo);
      const received = await ngo.waitFor((data) => data.handoverProposed.id === toNgo.id);
      expect(received).toEqual({ handoverProposed: { id: toNgo.id, status: "PROPOSED", task: { id: tasks.gentPcsw.id } } });
      expect(ids(ngo, "handoverProposed").filter((id) => id !== probe.id)).toEqual([toNgo.id]);
    });
  });

  describe("evaluators", () => {
    it.each([
      ["taskAssigned", TASK_ASSIGNED],
      ["taskChanged", TASK_CHANGED],
      ["handoverProposed", HANDOVER_PROPOSED],
    ])("are refused %s with FORBIDDEN: they never see tasks", async (_field, query) => {
      const evaluator = await listen(USERS.evaluator, query);
      await evaluator.ended;
      expect(evaluator.results).toEqual([{ errors: [expect.objectContaining({ extensions: { code: "FORBIDDEN" } })] }]);
    });
  });
});
