import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertTask } from "./fixtures";

const STATUS = `mutation($input: UpdateTaskStatusInput!) { updateTaskStatus(input: $input) { task { status version } userErrors { code } } }`;
const PROPOSE = `mutation($input: ProposeHandoverInput!) { proposeHandover(input: $input) { handover { id } userErrors { code } } }`;
const ACCEPT = `mutation($input: AcceptHandoverInput!) { acceptHandover(input: $input) { handover { status } userErrors { code } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { version } userErrors { code } } }`;

/**
 * Concurrent changes of one task. On PostgreSQL (TEST_DATABASE_URL) the requests really overlap
 * and the row lock decides; on PGlite they run one at a time. Either way exactly one wins.
 */
describe(`concurrent task changes on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let t: TestApp;
  let world: World;
  const newTask = async () =>
    gid("Task", await insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw }));
  /** The payloads' outcomes: "ok" or the user error code. */
  const outcomes = (payloads: Array<{ userErrors: Array<{ code: string }> }>) => payloads.map((p) => p.userErrors[0]?.code ?? "ok").sort();

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("lets exactly one of two updateTaskStatus with the same expectedVersion win; the other gets CONFLICT", async () => {
    for (let round = 0; round < 5; round++) {
      const taskId = await newTask();
      const [a, b] = await Promise.all([
        t.gql(STATUS, { input: { taskId, status: "DONE", expectedVersion: 1 } }, USERS.gentStaff),
        t.gql(STATUS, { input: { taskId, status: "IN_PROGRESS", expectedVersion: 1 } }, USERS.gentStaff),
      ]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      expect(outcomes([a.data.updateTaskStatus, b.data.updateTaskStatus])).toEqual(["CONFLICT", "ok"]);
      const winner = [a, b].find((r) => r.data.updateTaskStatus.task)!.data.updateTaskStatus.task;
      const [row] = await t.app.db.manager.query(`SELECT status, version, (SELECT count(*)::int FROM task_event e WHERE e.task_id = task.id) AS events FROM task WHERE id = $1`, [
        Buffer.from(taskId, "base64url").toString().split(":")[1],
      ]);
      expect(row).toEqual({ status: winner.status, version: 2, events: 1 });
    }
  });

  it("lets an accept and a reassignment of the same task race without deadlock: exactly one wins", async () => {
    for (let round = 0; round < 3; round++) {
      const taskId = await newTask();
      const proposed = await t.gql(PROPOSE, { input: { taskId, toOrganisationId: gid("Organisation", world.organisations.gentNgo), expectedVersion: 1 } }, USERS.gentStaff);
      const handoverId = proposed.data.proposeHandover.handover.id;
      const [accepted, assigned] = await Promise.all([
        t.gql(ACCEPT, { input: { handoverId, expectedVersion: 1 } }, USERS.gentNgoStaff),
        t.gql(ASSIGN, { input: { taskId, organisationId: gid("Organisation", world.organisations.gentCity), expectedVersion: 2 } }, USERS.gentCoordinator),
      ]);
      expect([accepted.errors, assigned.errors]).toEqual([undefined, undefined]);
      expect(outcomes([accepted.data.acceptHandover, assigned.data.assignTask])).toEqual(["CONFLICT", "ok"]);
    }
  });
});
