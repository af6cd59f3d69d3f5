import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { signDevelopmentToken } from "../../src/auth/token-verifier";
import { toGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { type Live, type SubscribeOptions, subscribe } from "./live-client";
import { type LiveTask, type LiveTasks, announcer, insertHandover, seedLiveTasks } from "./live-fixtures";

const TASK_ASSIGNED = `subscription { taskAssigned { id title } }`;
const TASK_CHANGED = `subscription { taskChanged { id status statusReason } }`;

const UPDATE_STATUS = `mutation ($input: UpdateTaskStatusInput!) { updateTaskStatus(input: $input) { task { version } userErrors { code } } }`;
const PROPOSE_HANDOVER = `mutation ($input: ProposeHandoverInput!) { proposeHandover(input: $input) { handover { id } userErrors { code } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise's value, or `fallback` when it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How each event is answered: read afresh in the subscriber's scope and language, under the same limits as HTTP. */
describe("subscriptions: what each event delivers", () => {
  let t: TestApp;
  let world: World;
  let tasks: LiveTasks;
  let say: ReturnType<typeof announcer>;
  let probeHandoverKey: string;
  const open: Live[] = [];

  const listen = async (subject: string | null, query: string, options?: SubscribeOptions) => {
    const live = await subscribe(t, subject, query, options);
    open.push(live);
    return live;
  };
  const changed = (task: LiveTask) => (data: any) => data.taskChanged?.id === task.id;
  const changedIds = (live: Live, probe: LiveTask) => live.results.map((r) => r.data?.taskChanged?.id).filter((id) => id !== probe.id);
  const setStatus = (task: LiveTask, status: string, reason: string | null = null) =>
    t.app.db.manager.query(`UPDATE task SET status = $2, status_reason = $3 WHERE id = $1`, [task.key, status, reason]);
  /** The Gent NGO becomes a member of Liège's consortium too, straight in the database (and stops being one). */
  const ngoJoinsLiege = () =>
    t.app.db.manager.query(`INSERT INTO consortium_membership (consortium_id, organisation_id, role, joined_on) VALUES ($1, $2, 'MEMBER', '2025-01-01')`, [
      world.consortia.liege,
      world.organisations.gentNgo,
    ]);
  const ngoUnjoinsLiege = () =>
    t.app.db.manager.query(`DELETE FROM consortium_membership WHERE consortium_id = $1 AND organisation_id = $2`, [world.consortia.liege, world.organisations.gentNgo]);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    tasks = await seedLiveTasks(t.app.db, world);
    say = announcer(t.app.services.taskPubSub);
    probeHandoverKey = (await insertHandover(t.app.db, tasks.gentPcswProbe, world.organisations.gentNgo, world.users.gentStaff)).key;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.close()));
  });
  afterAll(() => t.close());

  const versionOf = async (task: LiveTask): Promise<number> =>
    (await t.app.db.manager.query(`SELECT version FROM task WHERE id = $1`, [task.key]))[0].version;

  it("tells the consortium of a status change made with updateTaskStatus, once committed", async () => {
    const ngo = await listen(USERS.gentNgoStaff, `subscription { taskChanged { id status version } }`);
    await ngo.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    const input = { taskId: tasks.gentPcsw.id, status: "IN_PROGRESS", expectedVersion: await versionOf(tasks.gentPcsw) };
    const res = await t.gql(UPDATE_STATUS, { input }, USERS.gentStaff);
    expect(res.data.updateTaskStatus.userErrors).toEqual([]);
    const event = await ngo.waitFor(changed(tasks.gentPcsw));
    expect(event.taskChanged).toEqual({ id: tasks.gentPcsw.id, status: "IN_PROGRESS", version: res.data.updateTaskStatus.task.version });
  });

  it("tells the receiving member of a hand-over proposed with proposeHandover", async () => {
    const ngo = await listen(USERS.gentNgoStaff, `subscription { handoverProposed { id task { id } fromOrganisation { name } message } }`);
    const about = (task: LiveTask) => (data: any) => data.handoverProposed.task.id === task.id;
    await ngo.ready(() => say.proposed(probeHandoverKey, tasks.gentPcswProbe, world.organisations.gentNgo), about(tasks.gentPcswProbe));
    const input = {
      taskId: tasks.gentPcswTemplated.id,
      toOrganisationId: toGlobalId("Organisation", world.organisations.gentNgo),
      message: "You know the family best.",
      expectedVersion: await versionOf(tasks.gentPcswTemplated),
    };
    const res = await t.gql(PROPOSE_HANDOVER, { input }, USERS.gentStaff);
    expect(res.data.proposeHandover.userErrors).toEqual([]);
    expect((await ngo.waitFor(about(tasks.gentPcswTemplated))).handoverProposed).toEqual({
      id: res.data.proposeHandover.handover.id,
      task: { id: tasks.gentPcswTemplated.id },
      fromOrganisation: { name: "OCMW Gent" },
      message: "You know the family best.",
    });
  });

  it("reads each event afresh: a second change of the same task shows its new state", async () => {
    const staff = await listen(USERS.gentStaff, TASK_CHANGED);
    await staff.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    await setStatus(tasks.gentSecondHousehold, "IN_PROGRESS");
    say.changed(tasks.gentSecondHousehold);
    await staff.waitFor((data) => changed(tasks.gentSecondHousehold)(data) && data.taskChanged.status === "IN_PROGRESS");
    await setStatus(tasks.gentSecondHousehold, "BLOCKED", "Waiting for the residence card");
    say.changed(tasks.gentSecondHousehold);
    const blocked = await staff.waitFor((data) => changed(tasks.gentSecondHousehold)(data) && data.taskChanged.status === "BLOCKED");
    expect(blocked.taskChanged.statusReason).toBe("Waiting for the residence card");
  });

  it("skips an event whose object the subscriber may not see, or that no longer exists", async () => {
    const staff = await listen(USERS.gentStaff, TASK_CHANGED);
    await staff.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    // Notifications that pass the key filter (Gent's consortium) but name a Liège task or none at all.
    say.changed({ ...tasks.liegeNgo, consortiumKey: world.consortia.gent });
    say.changed({ ...tasks.gentNgo, key: randomUUID() });
    say.changed(tasks.gentNgo);
    await staff.waitFor(changed(tasks.gentNgo));
    expect(changedIds(staff, tasks.gentPcswProbe)).toEqual([tasks.gentNgo.id]);
  });

  it("stops the events of a consortium the subscriber's organisation has left", async () => {
    const { consortia, organisations } = world;
    await ngoJoinsLiege();
    const ngo = await listen(USERS.gentNgoStaff, TASK_CHANGED);
    await ngo.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    const leave = `UPDATE consortium_membership SET left_on = $3 WHERE consortium_id = $1 AND organisation_id = $2`;
    await t.app.db.manager.query(leave, [consortia.gent, organisations.gentNgo, "2025-06-01"]);
    // Changed straight in the database: the server forgets the viewer it kept once it hears of it.
    await t.app.viewerChangesHeard();
    try {
      say.changed(tasks.gentPcsw);
      say.changed(tasks.liegeNgo);
      await ngo.waitFor(changed(tasks.liegeNgo));
      expect(changedIds(ngo, tasks.gentPcswProbe)).toEqual([tasks.liegeNgo.id]);
    } finally {
      await t.app.db.manager.query(leave, [consortia.gent, organisations.gentNgo, null]);
      await ngoUnjoinsLiege();
    }
  });

  it("brings the events of a consortium the subscriber's organisation has joined since subscribing", async () => {
    const ngo = await listen(USERS.gentNgoStaff, TASK_CHANGED);
    await ngo.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    await ngoJoinsLiege();
    await t.app.viewerChangesHeard();
    try {
      say.changed(tasks.liegeNgo);
      await ngo.waitFor(changed(tasks.liegeNgo));
    } finally {
      await ngoUnjoinsLiege();
    }
  });

  it("answers in the language of the connection's params, else of the upgrade request", async () => {
    const french = await listen(USERS.gentStaff, TASK_ASSIGNED, { connectionParams: { "Accept-Language": "fr-BE, nl;q=0.5" } });
    const dutch = await listen(USERS.gentStaff, TASK_ASSIGNED, { headers: { "Accept-Language": "nl-BE" } });
    const templated = (data: any) => data.taskAssigned.id === tasks.gentPcswTemplated.id;
    await french.ready(() => say.assigned(tasks.gentPcswTemplated), templated);
    await dutch.ready(() => say.assigned(tasks.gentPcswTemplated), templated);
    expect((await french.waitFor(templated)).taskAssigned.title).toBe("Inscription au CPAS");
    expect((await dutch.waitFor(templated)).taskAssigned.title).toBe("Inschrijving bij het OCMW");
  });

  it("closes the connection with 4403 once the token has expired, delivering nothing more", async () => {
    // Long enough for the probe to arrive on a loaded machine before the token expires.
    const token = await signDevelopmentToken(t.config.auth, USERS.gentStaff, "4s");
    const staff = await listen(null, TASK_CHANGED, { token });
    await staff.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    await sleep(decodeJwt(token).exp! * 1000 + 1100 - Date.now());
    say.changed(tasks.gentNgo);
    expect((await within(staff.ended, 5000, { code: "still open after 5 s" })).code).toBe(4403);
    expect(changedIds(staff, tasks.gentPcswProbe)).toEqual([]);
  });

  it("delivers an event only after a running request's transaction, never its uncommitted rows", async () => {
    const ngo = await listen(USERS.gentNgoStaff, TASK_CHANGED);
    await ngo.ready(() => say.changed(tasks.gentPcswProbe), changed(tasks.gentPcswProbe));
    const rollback = new Error("rolled back on purpose");
    // What an HTTP mutation does under the embedded database's gate; an ungated read meanwhile
    // would run inside this transaction on PGlite's single session and see its DONE.
    const request = t.app.db.exclusive(() =>
      t.app.db.transaction(async (manager) => {
        await manager.query(`UPDATE task SET status = 'DONE' WHERE id = $1`, [tasks.gentNgo.key]);
        say.changed(tasks.gentNgo);
        await sleep(300);
        throw rollback;
      }),
    );
    await expect(request).rejects.toBe(rollback);
    const ended = Date.now();
    expect((await ngo.waitFor(changed(tasks.gentNgo))).taskChanged.status).toBe("OPEN");
    const arrival = ngo.arrivals[ngo.results.findIndex((r) => r.data && changed(tasks.gentNgo)(r.data))];
    if (t.app.db.embedded) expect(arrival).toBeGreaterThanOrEqual(ended);
  });
});

describe("subscriptions: the limits of HTTP requests apply", () => {
  let t: TestApp;
  const open: Live[] = [];

  beforeAll(async () => {
    t = await startTestApp({ MAX_QUERY_ALIASES: "3", MAX_QUERY_TOKENS: "60" });
    await seedWorld(t.app.db);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.close()));
  });
  afterAll(() => t.close());

  const refusal = async (query: string) => {
    const live = await subscribe(t, USERS.gentStaff, query);
    open.push(live);
    return live.ended;
  };

  it("refuses too many aliases with QUERY_TOO_COMPLEX before subscribing", async () => {
    const errors = await refusal(`subscription { taskChanged { a: id b: id c: id d: id } }`);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxAliases" } })]);
  });

  it("refuses a document over the token limit with QUERY_TOO_COMPLEX", async () => {
    const errors = await refusal(`subscription { taskChanged { ${"id ".repeat(60)} } }`);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxTokens" } })]);
  });

  it("refuses an unknown field as a validation error, with its code", async () => {
    const errors = await refusal(`subscription { taskChanged { secret } }`);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
  });

  it("serves only subscriptions: queries and mutations go over HTTP", async () => {
    const errors = await refusal(`query { viewer { roles } }`);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_REQUEST" } })]);
  });

  it("refuses a subscription sent over HTTP, pointing to WebSocket", async () => {
    const res = await t.gql(`subscription { taskChanged { id } }`, {}, USERS.gentStaff);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ message: expect.stringContaining("WebSocket"), extensions: { code: "BAD_REQUEST" } })]);
  });
});
