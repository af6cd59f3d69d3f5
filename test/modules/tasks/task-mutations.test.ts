import { fromGlobalId } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertRow, insertTask, listen, taskFootprint, userErrorCodes } from "./fixtures";

/** The database key behind a global id. */
const keyOf = (id: string): string => fromGlobalId(id)!.key;

const TASK_FIELDS = `id version status statusReason doneAt doneBy { displayName } assigneeOrganisation { name } assigneeUser { displayName }
  history { kind fromStatus toStatus note actorUser { displayName } fromOrganisation { name } toOrganisation { name } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { ${TASK_FIELDS} } userErrors { field code message } } }`;
const STATUS = `mutation($input: UpdateTaskStatusInput!) { updateTaskStatus(input: $input) { task { ${TASK_FIELDS} } userErrors { field code message } } }`;
const COMMENT = `mutation($input: CommentOnTaskInput!) {
  commentOnTask(input: $input) { comment { id body author { displayName } task { version comments { body } history { kind } } } userErrors { field code message } } }`;

describe("assignTask, updateTaskStatus and commentOnTask", () => {
  let t: TestApp;
  let world: World;
  let gone: string;
  const org = (name: keyof World["organisations"]) => gid("Organisation", world.organisations[name]);
  /** A fresh open task of Gent's household, assigned to the PCSW unless said otherwise. */
  const newTask = async (row: Record<string, unknown> = {}) =>
    gid("Task", await insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw, ...row }));
  const assign = (input: Record<string, unknown>, subject: string = USERS.gentCoordinator) => t.gql(ASSIGN, { input: { expectedVersion: 1, ...input } }, subject);
  const status = (input: Record<string, unknown>, subject: string = USERS.gentStaff) => t.gql(STATUS, { input: { expectedVersion: 1, ...input } }, subject);
  const comment = (input: Record<string, unknown>, subject: string = USERS.gentNgoStaff) => t.gql(COMMENT, { input }, subject);

  /** Runs a request that must be refused and checks that it wrote nothing. */
  async function refused(request: () => Promise<{ data?: any; errors?: Array<{ extensions?: Record<string, any> }> }>) {
    const before = await taskFootprint(t.app.db);
    const res = await request();
    expect(await taskFootprint(t.app.db)).toEqual(before);
    return res;
  }
  const topLevelCode = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    gone = await insertRow(t.app.db, "organisation", { kind: "NGO", name: "Gone vzw", enterprise_number: "0999999999", postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    await insertRow(t.app.db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: gone, role: "MEMBER", joined_on: "2025-01-01", left_on: "2025-06-01" });
  });
  afterAll(() => t.close());

  describe("assignTask", () => {
    it("lets a coordinator give a task to another current member, with history, audit and notifications", async () => {
      const id = await newTask();
      const assigned = listen(t.app.services.taskPubSub, "TASK_ASSIGNED");
      const changed = listen(t.app.services.taskPubSub, "TASK_CHANGED");
      const res = await assign({ taskId: id, organisationId: org("gentNgo") });
      assigned.stop();
      changed.stop();
      expect(res.data.assignTask.userErrors).toEqual([]);
      expect(res.data.assignTask.task).toMatchObject({
        version: 2,
        assigneeOrganisation: { name: "Vluchtelingenwerk Gent" },
        assigneeUser: null,
        history: [{ kind: "ASSIGNED", fromStatus: null, toStatus: null, note: null, actorUser: { displayName: USERS.gentCoordinator }, fromOrganisation: { name: "OCMW Gent" }, toOrganisation: { name: "Vluchtelingenwerk Gent" } }],
      });
      const key = keyOf(id);
      expect(assigned.heard).toEqual([{ topic: "TASK_ASSIGNED", taskKey: key, assigneeOrganisationKey: world.organisations.gentNgo, consortiumKey: world.consortia.gent }]);
      expect(changed.heard).toEqual([{ topic: "TASK_CHANGED", taskKey: key, householdKey: world.households.gent, consortiumKey: world.consortia.gent }]);
      const audit = await t.app.db.manager.query(`SELECT before, after FROM audit_event WHERE action = 'assignTask' AND subject_id = $1`, [key]);
      expect(audit).toHaveLength(1);
      expect([audit[0].before.assigneeOrganisationKey, audit[0].after.assigneeOrganisationKey]).toEqual([world.organisations.gentPcsw, world.organisations.gentNgo]);
    });

    it("narrows a task to one user of the organisation", async () => {
      const res = await assign({ taskId: await newTask(), organisationId: org("gentNgo"), userId: gid("User", world.users.gentNgoStaff) });
      expect(res.data.assignTask.task).toMatchObject({ assigneeOrganisation: { name: "Vluchtelingenwerk Gent" }, assigneeUser: { displayName: USERS.gentNgoStaff } });
    });

    it("lets staff of the assignee narrow the task to one of their own users and clear it, without a new assignee notification", async () => {
      const id = await newTask();
      const assigned = listen(t.app.services.taskPubSub, "TASK_ASSIGNED");
      const narrowed = await assign({ taskId: id, organisationId: org("gentPcsw"), userId: gid("User", world.users.gentStaff) }, USERS.gentStaff);
      expect(narrowed.data.assignTask.task).toMatchObject({ version: 2, assigneeUser: { displayName: USERS.gentStaff } });
      const cleared = await assign({ taskId: id, organisationId: org("gentPcsw"), expectedVersion: 2 }, USERS.gentStaff);
      assigned.stop();
      expect(cleared.data.assignTask.task).toMatchObject({ version: 3, assigneeUser: null, assigneeOrganisation: { name: "OCMW Gent" } });
      expect(assigned.heard).toEqual([]);
    });

    it.each([
      ["a member that left", () => gid("Organisation", gone), "organisationId:NOT_A_MEMBER"],
      ["Fedasil", () => org("fedasil"), "organisationId:NOT_A_MEMBER"],
      ["a member of another consortium", () => org("liegeNgo"), "organisationId:NOT_A_MEMBER"],
      ["an id that names no organisation", () => gid("Household", world.households.gent), "organisationId:UNKNOWN_REFERENCE"],
    ])("refuses work for %s and writes nothing", async (_name, organisationId, code) => {
      const id = await newTask();
      const res = await refused(() => assign({ taskId: id, organisationId: organisationId() }));
      expect(res.data.assignTask.task).toBeNull();
      expect(userErrorCodes(res.data.assignTask).map((c) => c.replace(/^input\./, ""))).toEqual([code]);
    });

    it("refuses a user of another organisation, a stale version and a closed task", async () => {
      const id = await newTask();
      const wrongUser = await refused(() => assign({ taskId: id, organisationId: org("gentNgo"), userId: gid("User", world.users.gentStaff) }));
      expect(userErrorCodes(wrongUser.data.assignTask)).toEqual(["input.userId:NOT_A_MEMBER"]);
      const stale = await refused(() => assign({ taskId: id, organisationId: org("gentNgo"), expectedVersion: 7 }));
      expect(userErrorCodes(stale.data.assignTask)).toEqual(["input.expectedVersion:CONFLICT"]);
      const done = await newTask({ status: "DONE" });
      const closed = await refused(() => assign({ taskId: done, organisationId: org("gentNgo") }));
      expect(userErrorCodes(closed.data.assignTask)).toEqual(["input.taskId:INVALID_STATE"]);
    });

    it.each([
      ["staff of the assignee giving it away", USERS.gentStaff, "gentNgo", "FORBIDDEN"],
      ["staff of another member", USERS.gentNgoStaff, "gentNgo", "FORBIDDEN"],
      ["Fedasil", USERS.fedasilAdmin, "gentNgo", "FORBIDDEN"],
      ["an evaluator", USERS.evaluator, "gentNgo", "NOT_FOUND"],
      ["another consortium's coordinator", USERS.liegeCoordinator, "gentNgo", "NOT_FOUND"],
    ] as const)("refuses %s", async (_name, subject, to, code) => {
      const id = await newTask();
      const res = await refused(() => assign({ taskId: id, organisationId: org(to) }, subject));
      expect(topLevelCode(res)).toBe(code);
    });

    it("lists the open tasks of a member that left until a coordinator reassigns them", async () => {
      const id = await newTask({ assignee_organisation_id: gone, title: "Orphaned" });
      const waiting = `{ tasks(filter: { awaitingReassignment: true }) { nodes { id } } }`;
      expect((await t.gql(waiting, {}, USERS.gentCoordinator)).data.tasks.nodes).toContainEqual({ id });
      expect((await assign({ taskId: id, organisationId: org("gentPcsw") })).data.assignTask.userErrors).toEqual([]);
      expect((await t.gql(waiting, {}, USERS.gentCoordinator)).data.tasks.nodes).not.toContainEqual({ id });
    });
  });

  describe("updateTaskStatus", () => {
    it("moves the assignee's task along its states: a reason for BLOCKED, who and when for DONE", async () => {
      const id = await newTask();
      const changed = listen(t.app.services.taskPubSub, "TASK_CHANGED");
      const started = await status({ taskId: id, status: "IN_PROGRESS" });
      expect(started.data.updateTaskStatus.task).toMatchObject({ status: "IN_PROGRESS", version: 2 });
      const blocked = await status({ taskId: id, status: "BLOCKED", reason: " Waiting for the residence card ", expectedVersion: 2 });
      expect(blocked.data.updateTaskStatus.task).toMatchObject({ status: "BLOCKED", statusReason: "Waiting for the residence card", version: 3 });
      const done = await status({ taskId: id, status: "DONE", expectedVersion: 3 }, USERS.gentStaff);
      changed.stop();
      const task = done.data.updateTaskStatus.task;
      expect(task).toMatchObject({ status: "DONE", statusReason: null, version: 4, doneBy: { displayName: USERS.gentStaff } });
      expect(Date.now() - Date.parse(task.doneAt)).toBeLessThan(60_000);
      expect(task.history.map((h: { fromStatus: string; toStatus: string; note: string | null }) => [h.fromStatus, h.toStatus, h.note])).toEqual([
        ["OPEN", "IN_PROGRESS", null],
        ["IN_PROGRESS", "BLOCKED", "Waiting for the residence card"],
        ["BLOCKED", "DONE", null],
      ]);
      expect(changed.heard).toHaveLength(3);
      const audits = await t.app.db.manager.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'updateTaskStatus' AND subject_id = $1`, [keyOf(id)]);
      expect(audits[0].n).toBe(3);
    });

    it.each([
      ["BLOCKED without a reason", { status: "BLOCKED" }, "input.reason:REQUIRED"],
      ["NOT_APPLICABLE with a blank reason", { status: "NOT_APPLICABLE", reason: "   " }, "input.reason:REQUIRED"],
      ["a stale version", { status: "IN_PROGRESS", expectedVersion: 3 }, "input.expectedVersion:CONFLICT"],
    ])("refuses %s and writes nothing", async (_name, change, code) => {
      const id = await newTask();
      const res = await refused(() => status({ taskId: id, ...change }));
      expect(userErrorCodes(res.data.updateTaskStatus)).toEqual([code]);
    });

    it("refuses a move the state machine does not know", async () => {
      const id = await newTask({ status: "DONE" });
      const res = await refused(() => status({ taskId: id, status: "BLOCKED", reason: "late" }));
      expect(userErrorCodes(res.data.updateTaskStatus)).toEqual(["input.status:INVALID_STATE"]);
    });

    it.each([
      ["staff of another member", USERS.gentNgoStaff, "FORBIDDEN"],
      ["the coordinator of another member", USERS.gentCoordinator, "FORBIDDEN"],
      ["Fedasil", USERS.fedasilStaff, "FORBIDDEN"],
      ["an evaluator", USERS.evaluator, "NOT_FOUND"],
      ["another consortium", USERS.liegeStaff, "NOT_FOUND"],
    ])("refuses %s", async (_name, subject, code) => {
      const id = await newTask();
      expect(topLevelCode(await refused(() => status({ taskId: id, status: "DONE" }, subject)))).toBe(code);
    });

    it("answers an id that names no task like an invisible one", async () => {
      expect(topLevelCode(await status({ taskId: gid("Task", world.households.gent), status: "DONE" }))).toBe("NOT_FOUND");
    });
  });

  describe("commentOnTask", () => {
    it("lets any partner of the consortium comment, with history, audit and a notification; the version stays", async () => {
      const id = await newTask();
      const changed = listen(t.app.services.taskPubSub, "TASK_CHANGED");
      const res = await comment({ taskId: id, body: "  We can take this one.  " });
      changed.stop();
      expect(res.data.commentOnTask).toMatchObject({
        userErrors: [],
        comment: { body: "We can take this one.", author: { displayName: USERS.gentNgoStaff }, task: { version: 1, comments: [{ body: "We can take this one." }], history: [{ kind: "COMMENTED" }] } },
      });
      expect(changed.heard).toHaveLength(1);
      const key = keyOf(res.data.commentOnTask.comment.id);
      expect(await t.app.db.manager.query(`SELECT subject_type FROM audit_event WHERE subject_id = $1`, [key])).toEqual([{ subject_type: "TaskComment" }]);
    });

    it("returns the first comment for a retried idempotency key", async () => {
      const id = await newTask();
      const first = await comment({ taskId: id, body: "Once", idempotencyKey: "comment-once" });
      const again = await refused(() => comment({ taskId: id, body: "Once", idempotencyKey: "comment-once" }));
      expect(again.data.commentOnTask.comment.id).toBe(first.data.commentOnTask.comment.id);
    });

    it("refuses an empty or too long comment and writes nothing", async () => {
      const id = await newTask();
      expect(userErrorCodes((await refused(() => comment({ taskId: id, body: "  " }))).data.commentOnTask)).toEqual(["input.body:REQUIRED"]);
      expect(userErrorCodes((await refused(() => comment({ taskId: id, body: "x".repeat(4001) }))).data.commentOnTask)).toEqual(["input.body:TOO_LONG"]);
    });

    it.each([
      ["Fedasil", USERS.fedasilAdmin, "FORBIDDEN"],
      ["an evaluator", USERS.evaluator, "NOT_FOUND"],
      ["another consortium", USERS.liegeCoordinator, "NOT_FOUND"],
    ])("refuses %s", async (_name, subject, code) => {
      const id = await newTask();
      expect(topLevelCode(await refused(() => comment({ taskId: id, body: "Hello" }, subject)))).toBe(code);
    });
  });
});
