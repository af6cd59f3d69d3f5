import { fromGlobalId } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertRow, insertTask, listen, taskFootprint, userErrorCodes } from "../tasks/fixtures";

const HANDOVER = `id version status message declineReason decidedAt decidedBy { displayName } proposedBy { displayName }
  fromOrganisation { name } toOrganisation { name }
  task { version assigneeOrganisation { name } assigneeUser { displayName } openHandover { id } history { kind note fromOrganisation { name } toOrganisation { name } } }`;
const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { handover { ${HANDOVER} } userErrors { field code message } } }`;
const PROPOSE = mutation("proposeHandover", "ProposeHandoverInput");
const ACCEPT = mutation("acceptHandover", "AcceptHandoverInput");
const DECLINE = mutation("declineHandover", "DeclineHandoverInput");
const WITHDRAW = mutation("withdrawHandover", "WithdrawHandoverInput");

const keyOf = (id: string): string => fromGlobalId(id)!.key;
type Response = { data?: any; errors?: Array<{ extensions?: Record<string, any> }> };
const topLevelCode = (res: Response) => res.errors?.[0]?.extensions?.code;

describe("hand-overs between members", () => {
  let t: TestApp;
  let world: World;
  let gone: string;
  const org = (name: keyof World["organisations"]) => gid("Organisation", world.organisations[name]);
  /** A fresh open task of Gent's household, assigned to the PCSW. */
  const newTask = async (row: Record<string, unknown> = {}) =>
    gid("Task", await insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw, ...row }));
  const propose = (input: Record<string, unknown>, subject: string = USERS.gentStaff) =>
    t.gql(PROPOSE, { input: { toOrganisationId: org("gentNgo"), expectedVersion: 1, ...input } }, subject);
  /** A task with an open proposal from the PCSW to the NGO; answers hold the hand-over at version 1 and the task at 2. */
  const proposed = async (row: Record<string, unknown> = {}) => {
    const taskId = await newTask(row);
    const res = await propose({ taskId, message: "Your language course covers this" });
    expect(res.data.proposeHandover.userErrors).toEqual([]);
    return { taskId, handoverId: res.data.proposeHandover.handover.id as string };
  };
  const answer = (query: string, input: Record<string, unknown>, subject: string) => t.gql(query, { input: { expectedVersion: 1, ...input } }, subject);
  async function refused(request: () => Promise<Response>): Promise<Response> {
    const before = await taskFootprint(t.app.db);
    const res = await request();
    expect(await taskFootprint(t.app.db)).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    gone = await insertRow(t.app.db, "organisation", { kind: "NGO", name: "Gone vzw", enterprise_number: "0999999999", postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    await insertRow(t.app.db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: gone, role: "MEMBER", joined_on: "2025-01-01", left_on: "2025-06-01" });
  });
  afterAll(() => t.close());

  it("proposes and accepts: the receiver becomes the assignee, for the whole organisation", async () => {
    const taskId = await newTask({ assignee_user_id: world.users.gentStaff });
    const proposals = listen(t.app.services.taskPubSub, "HANDOVER_PROPOSED");
    const assigned = listen(t.app.services.taskPubSub, "TASK_ASSIGNED");
    const changed = listen(t.app.services.taskPubSub, "TASK_CHANGED");
    const res = await propose({ taskId, message: "  Your language course covers this " });
    const handover = res.data.proposeHandover.handover;
    expect(handover).toMatchObject({
      version: 1,
      status: "PROPOSED",
      message: "Your language course covers this",
      proposedBy: { displayName: USERS.gentStaff },
      fromOrganisation: { name: "OCMW Gent" },
      toOrganisation: { name: "Vluchtelingenwerk Gent" },
      decidedBy: null,
      task: { version: 2, openHandover: { id: handover.id }, history: [{ kind: "HANDOVER_PROPOSED", note: "Your language course covers this", fromOrganisation: { name: "OCMW Gent" }, toOrganisation: { name: "Vluchtelingenwerk Gent" } }] },
    });
    expect(proposals.heard).toEqual([{ topic: "HANDOVER_PROPOSED", handoverKey: keyOf(handover.id), toOrganisationKey: world.organisations.gentNgo, consortiumKey: world.consortia.gent }]);

    const accepted = await answer(ACCEPT, { handoverId: handover.id }, USERS.gentNgoStaff);
    proposals.stop();
    assigned.stop();
    changed.stop();
    expect(accepted.data.acceptHandover.userErrors).toEqual([]);
    expect(accepted.data.acceptHandover.handover).toMatchObject({
      version: 2,
      status: "ACCEPTED",
      decidedBy: { displayName: USERS.gentNgoStaff },
      task: { version: 3, assigneeOrganisation: { name: "Vluchtelingenwerk Gent" }, assigneeUser: null, openHandover: null },
    });
    expect(Date.parse(accepted.data.acceptHandover.handover.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(accepted.data.acceptHandover.handover.task.history.map((h: { kind: string }) => h.kind)).toEqual(["HANDOVER_PROPOSED", "HANDOVER_ACCEPTED"]);
    expect(assigned.heard).toEqual([{ topic: "TASK_ASSIGNED", taskKey: keyOf(taskId), assigneeOrganisationKey: world.organisations.gentNgo, consortiumKey: world.consortia.gent }]);
    expect(changed.heard.map((n) => n.taskKey)).toEqual([keyOf(taskId), keyOf(taskId)]);
    const audits = await t.app.db.manager.query(`SELECT action, subject_type FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY occurred_at, subject_type`, [keyOf(taskId), keyOf(handover.id)]);
    expect(audits).toEqual([
      { action: "proposeHandover", subject_type: "Handover" },
      { action: "acceptHandover", subject_type: "Handover" },
      { action: "acceptHandover", subject_type: "Task" },
    ]);
  });

  it("proposes and declines with a reason: the task stays where it was", async () => {
    const { handoverId } = await proposed();
    const noReason = await refused(() => answer(DECLINE, { handoverId, reason: "  " }, USERS.gentNgoStaff));
    expect(userErrorCodes(noReason.data.declineHandover)).toEqual(["input.reason:REQUIRED"]);
    const res = await answer(DECLINE, { handoverId, reason: " No capacity this month " }, USERS.gentNgoStaff);
    expect(res.data.declineHandover.handover).toMatchObject({
      status: "DECLINED",
      declineReason: "No capacity this month",
      decidedBy: { displayName: USERS.gentNgoStaff },
      task: { version: 3, assigneeOrganisation: { name: "OCMW Gent" }, openHandover: null },
    });
    expect(res.data.declineHandover.handover.task.history[1]).toMatchObject({ kind: "HANDOVER_DECLINED", note: "No capacity this month" });
  });

  it("proposes and withdraws: only the proposing member may", async () => {
    const { handoverId } = await proposed();
    expect(topLevelCode(await refused(() => answer(WITHDRAW, { handoverId }, USERS.gentNgoStaff)))).toBe("FORBIDDEN");
    const res = await answer(WITHDRAW, { handoverId }, USERS.gentStaff);
    expect(res.data.withdrawHandover.handover).toMatchObject({ status: "WITHDRAWN", decidedBy: { displayName: USERS.gentStaff }, task: { openHandover: null, assigneeOrganisation: { name: "OCMW Gent" } } });
  });

  it("refuses a second open proposal for the same task", async () => {
    const { taskId } = await proposed();
    const res = await refused(() => propose({ taskId, toOrganisationId: org("gentCity"), expectedVersion: 2 }));
    expect(userErrorCodes(res.data.proposeHandover)).toEqual(["input.taskId:INVALID_STATE"]);
  });

  it.each([
    ["a member that left", () => gid("Organisation", gone), "input.toOrganisationId:NOT_A_MEMBER"],
    ["a member of another consortium", () => org("liegePcsw"), "input.toOrganisationId:NOT_A_MEMBER"],
    ["Fedasil", () => org("fedasil"), "input.toOrganisationId:NOT_A_MEMBER"],
    ["the assignee itself", () => org("gentPcsw"), "input.toOrganisationId:INVALID"],
    ["an id that names no organisation", () => "bm9wZQ", "input.toOrganisationId:UNKNOWN_REFERENCE"],
  ])("refuses a proposal to %s and writes nothing", async (_name, to, code) => {
    const taskId = await newTask();
    const res = await refused(() => propose({ taskId, toOrganisationId: to() }));
    expect(userErrorCodes(res.data.proposeHandover)).toEqual([code]);
  });

  it("refuses a proposal on a stale version of the task or on a closed task", async () => {
    const taskId = await newTask();
    expect(userErrorCodes((await refused(() => propose({ taskId, expectedVersion: 2 }))).data.proposeHandover)).toEqual(["input.expectedVersion:CONFLICT"]);
    const done = await newTask({ status: "DONE" });
    expect(userErrorCodes((await refused(() => propose({ taskId: done }))).data.proposeHandover)).toEqual(["input.taskId:INVALID_STATE"]);
  });

  it.each([
    ["staff of another member", USERS.gentNgoStaff, "FORBIDDEN"],
    ["a coordinator of another member", USERS.gentCoordinator, "FORBIDDEN"],
    ["Fedasil", USERS.fedasilAdmin, "FORBIDDEN"],
    ["an evaluator", USERS.evaluator, "NOT_FOUND"],
    ["another consortium", USERS.liegeCoordinator, "NOT_FOUND"],
  ])("lets only the assignee propose: refuses %s", async (_name, subject, code) => {
    const taskId = await newTask();
    expect(topLevelCode(await refused(() => propose({ taskId }, subject)))).toBe(code);
  });

  it.each([
    ["the proposing member", USERS.gentStaff, "FORBIDDEN"],
    ["a third member's coordinator", USERS.gentCoordinator, "FORBIDDEN"],
    ["Fedasil", USERS.fedasilStaff, "FORBIDDEN"],
    ["an evaluator", USERS.evaluator, "NOT_FOUND"],
    ["another consortium", USERS.liegeStaff, "NOT_FOUND"],
  ])("lets only the receiving member accept or decline: refuses %s", async (_name, subject, code) => {
    const { handoverId } = await proposed();
    expect(topLevelCode(await refused(() => answer(ACCEPT, { handoverId }, subject)))).toBe(code);
    expect(topLevelCode(await refused(() => answer(DECLINE, { handoverId, reason: "no" }, subject)))).toBe(code);
  });

  it("answers a proposal once, and a stale version with CONFLICT", async () => {
    const { handoverId } = await proposed();
    expect(userErrorCodes((await refused(() => answer(ACCEPT, { handoverId, expectedVersion: 2 }, USERS.gentNgoStaff))).data.acceptHandover)).toEqual(["input.expectedVersion:CONFLICT"]);
    await answer(DECLINE, { handoverId, reason: "Not ours" }, USERS.gentNgoStaff);
    const again = await refused(() => answer(ACCEPT, { handoverId, expectedVersion: 2 }, USERS.gentNgoStaff));
    expect(userErrorCodes(again.data.acceptHandover)).toEqual(["input.handoverId:INVALID_STATE"]);
  });

  it("withdraws the open proposal when a coordinator gives the task to another member", async () => {
    const { taskId, handoverId } = await proposed();
    const res = await t.gql(
      `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { openHandover { id } handovers { status decidedBy { displayName } } history { kind note } } userErrors { code } } }`,
      { input: { taskId, organisationId: org("gentCity"), expectedVersion: 2 } },
      USERS.gentCoordinator,
    );
    expect(res.data.assignTask.task).toEqual({
      openHandover: null,
      handovers: [{ status: "WITHDRAWN", decidedBy: { displayName: USERS.gentCoordinator } }],
      history: [
        { kind: "HANDOVER_PROPOSED", note: "Your language course covers this" },
        { kind: "ASSIGNED", note: null },
        { kind: "HANDOVER_WITHDRAWN", note: "The task was assigned to another member." },
      ],
    });
    const late = await refused(() => answer(ACCEPT, { handoverId, expectedVersion: 2 }, USERS.gentNgoStaff));
    expect(userErrorCodes(late.data.acceptHandover)).toEqual(["input.handoverId:INVALID_STATE"]);
  });

  it("keeps the proposal open when the assignee only narrows the task to one of its users", async () => {
    const { taskId, handoverId } = await proposed();
    const res = await t.gql(
      `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { openHandover { id } } userErrors { code } } }`,
      { input: { taskId, organisationId: org("gentPcsw"), userId: gid("User", world.users.gentStaff), expectedVersion: 2 } },
      USERS.gentStaff,
    );
    expect(res.data.assignTask.task.openHandover).toEqual({ id: handoverId });
  });

  it("withdraws the open proposal when the assignee closes the task", async () => {
    const { taskId } = await proposed();
    const res = await t.gql(
      `mutation($input: UpdateTaskStatusInput!) { updateTaskStatus(input: $input) { task { status openHandover { id } handovers { status } history { kind note } } userErrors { code } } }`,
      { input: { taskId, status: "NOT_APPLICABLE", reason: "The family moved to Antwerp", expectedVersion: 2 } },
      USERS.gentStaff,
    );
    expect(res.data.updateTaskStatus.task).toMatchObject({ status: "NOT_APPLICABLE", openHandover: null, handovers: [{ status: "WITHDRAWN" }] });
    expect(res.data.updateTaskStatus.task.history.slice(1)).toEqual([
      { kind: "STATUS_CHANGED", note: "The family moved to Antwerp" },
      { kind: "HANDOVER_WITHDRAWN", note: "The task became NOT_APPLICABLE." },
    ]);
  });

  it("hides another consortium's hand-overs from node and from their mutations", async () => {
    const { handoverId } = await proposed();
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: handoverId }, USERS.liegeStaff)).data.node).toBeNull();
    expect(topLevelCode(await refused(() => answer(WITHDRAW, { handoverId }, USERS.liegeCoordinator)))).toBe("NOT_FOUND");
    expect(topLevelCode(await answer(WITHDRAW, { handoverId: gid("Handover", world.households.gent) }, USERS.gentStaff))).toBe("NOT_FOUND");
  });
});
