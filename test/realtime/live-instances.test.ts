import Redis from "ioredis";
import { type App, createApp, openDatabase } from "../../src/app";
import { toGlobalId } from "../../src/graphql/global-id";
import { createLogger } from "../../src/http/logging";
import { publishTaskNotification } from "../../src/modules/tasks/task-notifications";
import { LogLines } from "../http/log-lines";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { type Live, type LiveServer, subscribe } from "./live-client";
import { type LiveTasks, announcer, seedLiveTasks } from "./live-fixtures";

const NO_KEY = "00000000-0000-0000-0000-000000000000";

/** The test suite needs Redis: .ci/run starts it; elsewhere set TEST_REDIS_URL. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const TASK_ASSIGNED = `subscription { taskAssigned { id assigneeOrganisation { name } } }`;
const ASSIGN = `
  mutation Assign($input: AssignTaskInput!) {
    assignTask(input: $input) { task { id version } userErrors { code message } }
  }`;

/**
 * A second server instance on the first one's database. On PostgreSQL it opens its own pool on
 * the same scratch database, as a second machine would. On PGlite (one instance per process) it
 * shares the first one's Database object; that still proves delivery between instances: each
 * app has its own in-memory pub/sub, so an event published on one reaches the other only through Redis.
 */
async function secondInstance(first: TestApp): Promise<LiveServer & { app: App; close(): Promise<void> }> {
  const db = first.app.db.embedded ? first.app.db : await openDatabase(first.config);
  const app = await createApp(first.config, db, createLogger("silent"));
  const url = await app.listen(0);
  return {
    app,
    url,
    tokenFor: first.tokenFor,
    async close() {
      await app.close();
      await new Promise((resolve) => app.httpServer.close(resolve));
    },
  };
}

describe("subscriptions across server instances, through Redis", () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  let world: World;
  let tasks: LiveTasks;
  let redisMessages: Array<{ channel: string; message: string }>;
  let watcher: Redis;
  const open: Live[] = [];

  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL });
    b = await secondInstance(a);
    world = await seedWorld(a.app.db);
    tasks = await seedLiveTasks(a.app.db, world);
    redisMessages = [];
    watcher = new Redis(REDIS_URL);
    watcher.on("pmessage", (_pattern, channel, message) => redisMessages.push({ channel, message }));
    await watcher.psubscribe("thuis:*");
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.close()));
  });
  afterAll(async () => {
    watcher.disconnect();
    await b.close();
    await a.close();
  });

  it("delivers a mutation made on instance A to a subscriber connected to instance B", async () => {
    expect(a.app.services.taskPubSub).not.toBe(b.app.services.taskPubSub);
    const ngo = await subscribe(b, USERS.gentNgoStaff, TASK_ASSIGNED);
    open.push(ngo);
    // The probe is published on A too: once it arrives, B's Redis subscription is in place.
    const probe = { ...tasks.gentPcswProbe, assigneeKey: world.organisations.gentNgo };
    await ngo.ready(() => announcer(a.app.services.taskPubSub).assigned(probe), (data) => data.taskAssigned.id === probe.id);

    const [{ version }] = await a.app.db.manager.query(`SELECT version FROM task WHERE id = $1`, [tasks.gentPcsw.key]);
    const input = { taskId: tasks.gentPcsw.id, organisationId: toGlobalId("Organisation", world.organisations.gentNgo), expectedVersion: version };
    const res = await a.gql(ASSIGN, { input }, USERS.gentCoordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data.assignTask.userErrors).toEqual([]);

    const received = await ngo.waitFor((data) => data.taskAssigned.id === tasks.gentPcsw.id);
    expect(received.taskAssigned.assigneeOrganisation.name).toBe("Vluchtelingenwerk Gent");
    const published = redisMessages.filter((m) => m.channel === "thuis:TASK_ASSIGNED").map((m) => JSON.parse(m.message));
    expect(published).toContainEqual(expect.objectContaining({ taskKey: tasks.gentPcsw.key, assigneeOrganisationKey: world.organisations.gentNgo }));
  });

  it("ignores a malformed message on its channels and keeps delivering", async () => {
    const staff = await subscribe(b, USERS.gentStaff, `subscription { taskChanged { id } }`);
    open.push(staff);
    const say = announcer(a.app.services.taskPubSub);
    await staff.ready(() => say.changed(tasks.gentPcswProbe), (data) => data.taskChanged.id === tasks.gentPcswProbe.id);
    const stranger = new Redis(REDIS_URL);
    await stranger.publish("thuis:TASK_CHANGED", "{not json");
    await stranger.publish("thuis:TASK_CHANGED", JSON.stringify({ topic: "SOMETHING_ELSE" }));
    stranger.disconnect();
    say.changed(tasks.gentNgo);
    expect((await staff.waitFor((data) => data.taskChanged.id === tasks.gentNgo.id)).taskChanged.id).toBe(tasks.gentNgo.id);
  });
});

describe("with Redis unreachable", () => {
  it("serves requests and subscriptions, drops what it cannot publish, logs the outage once per client, stays up and closes", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const log = new LogLines();
    // Port 1 refuses connections: the clients keep retrying in the background.
    const t = await startTestApp({ REDIS_URL: "redis://127.0.0.1:1", LOG_LEVEL: "warn" }, log);
    try {
      await seedWorld(t.app.db);
      const res = await t.gql(`query { viewer { roles } }`, {}, USERS.gentStaff);
      expect(res.data.viewer.roles).toEqual(["PARTNER_STAFF"]);
      // Its SUBSCRIBE waits for Redis; closing it and the server must not leave a failed promise behind.
      const live = await subscribe(t, USERS.gentStaff, `subscription { taskChanged { id } }`);
      publishTaskNotification(t.app.services.taskPubSub, { topic: "TASK_CHANGED", taskKey: NO_KEY, householdKey: null, consortiumKey: NO_KEY });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await live.close();
      const messages = log.entries.map((entry) => entry.msg as string);
      // Publisher, subscriber and the cost budget's client (which counts per instance meanwhile).
      expect(messages.filter((m) => m.startsWith("Redis connection failed"))).toHaveLength(3);
      expect(messages).toContain("live notification not sent: Redis is unavailable");
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    } finally {
      await t.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
