import fc from "fast-check";
import { fromGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { gid, insertTask } from "../modules/tasks/fixtures";
import { BACKEND, PATIENCE, auditsOf, race, winnersOf } from "./race-support";

const STATUS = `mutation($input: UpdateTaskStatusInput!) { updateTaskStatus(input: $input) { task { id } userErrors { field code message } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { id } userErrors { field code message } } }`;
const PROPOSE = `mutation($input: ProposeHandoverInput!) { proposeHandover(input: $input) { handover { id } userErrors { field code message } } }`;
const step = (name: string) => `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { handover { id } userErrors { field code message } } }`;

type Member = "gentCity" | "gentPcsw" | "gentNgo";
/** The user who works for each Gent member (the city's is its coordinator). */
const WORKER: Record<Member, keyof typeof USERS> = { gentCity: "gentCoordinator", gentPcsw: "gentStaff", gentNgo: "gentNgoStaff" };
const OPEN_STATUSES = ["OPEN", "IN_PROGRESS", "BLOCKED"] as const;

/** A racer on a task: its assignee's worker moves the status or narrows it to themselves, or the coordinator reassigns it. */
type TaskMove = { kind: "status"; to: (typeof OPEN_STATUSES)[number] } | { kind: "narrow" } | { kind: "assign"; to: Member };
const taskMove: fc.Arbitrary<TaskMove> = fc.oneof(
  fc.record({ kind: fc.constant("status" as const), to: fc.constantFrom(...OPEN_STATUSES) }),
  fc.record({ kind: fc.constant("narrow" as const) }),
  fc.record({ kind: fc.constant("assign" as const), to: fc.constantFrom<Member>("gentCity", "gentPcsw", "gentNgo") }),
);

/** A racer on an open hand-over: its three answers, or a change of the task that withdraws it. */
const HANDOVER_MOVES = ["accept", "decline", "withdraw", "reassign", "close"] as const;
type HandoverMove = (typeof HANDOVER_MOVES)[number];
/** What the winner leaves behind: the hand-over's status, the task's assignee and status, its new history, its audit trail. */
const AFTER: Record<HandoverMove, { handover: string; assignee: Member; status: string; history: string[]; audits: string[] }> = {
  accept: { handover: "ACCEPTED", assignee: "gentNgo", status: "OPEN", history: ["HANDOVER_ACCEPTED"], audits: ["acceptHandover Handover", "acceptHandover Task"] },
  decline: { handover: "DECLINED", assignee: "gentPcsw", status: "OPEN", history: ["HANDOVER_DECLINED"], audits: ["declineHandover Handover"] },
  withdraw: { handover: "WITHDRAWN", assignee: "gentPcsw", status: "OPEN", history: ["HANDOVER_WITHDRAWN"], audits: ["withdrawHandover Handover"] },
  reassign: { handover: "WITHDRAWN", assignee: "gentCity", status: "OPEN", history: ["ASSIGNED", "HANDOVER_WITHDRAWN"], audits: ["assignTask Handover", "assignTask Task"] },
  close: { handover: "WITHDRAWN", assignee: "gentPcsw", status: "DONE", history: ["HANDOVER_WITHDRAWN", "STATUS_CHANGED"], audits: ["updateTaskStatus Handover", "updateTaskStatus Task"] },
};

/**
 * Many clients change one task or answer one hand-over at the same time, each from the same
 * version. On PostgreSQL (TEST_DATABASE_URL) the requests overlap and the row locks decide; on
 * PGlite they run one at a time. Either way exactly one wins, every other is told why in a user
 * error, and the history and audit trail hold the winner's change only.
 */
describe(`races on one task on ${BACKEND}`, () => {
  let t: TestApp;
  let world: World;
  const keyOf = (id: string) => fromGlobalId(id)!.key;
  const org = (member: Member) => gid("Organisation", world.organisations[member]);
  const memberOf = (organisationKey: string) => (Object.keys(WORKER) as Member[]).find((m) => world.organisations[m] === organisationKey)!;
  const newTask = async () =>
    insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw });
  const taskRow = async (key: string) =>
    (await t.app.db.manager.query(`SELECT status, version, assignee_organisation_id AS assignee, assignee_user_id AS "assigneeUser" FROM task WHERE id = $1`, [key]))[0];
  const historyOf = async (key: string, kinds: string[] = []): Promise<string[]> =>
    (await t.app.db.manager.query(`SELECT kind FROM task_event WHERE task_id = $1 AND NOT kind = ANY($2) ORDER BY kind`, [key, kinds])).map((r: { kind: string }) => r.kind);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  }, PATIENCE);
  afterAll(() => t.close());

  it("lets exactly one of many changes from the same version win, round after round; the others are told CONFLICT", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(taskMove, { minLength: 2, maxLength: 20 }), { minLength: 1, maxLength: 3 }), async (rounds) => {
        const key = await newTask();
        const taskId = gid("Task", key);
        const won: string[] = [];
        for (const moves of rounds) {
          const { status, version, assignee } = await taskRow(key);
          const worker = WORKER[memberOf(assignee)];
          /** The move's request, and the task it asks for. */
          const request = (move: TaskMove): [() => Promise<any>, Record<string, unknown>] => {
            if (move.kind === "status") {
              const to = move.to === status ? OPEN_STATUSES.find((other) => other !== status) : move.to;
              return [() => t.gql(STATUS, { input: { taskId, status: to, reason: "racing", expectedVersion: version } }, USERS[worker]), { status: to }];
            }
            const [organisation, user] = move.kind === "assign" ? [world.organisations[move.to], null] : [assignee, world.users[worker]];
            const input = { taskId, organisationId: gid("Organisation", organisation), userId: user && gid("User", user), expectedVersion: version };
            return [() => t.gql(ASSIGN, { input }, move.kind === "assign" ? USERS.gentCoordinator : USERS[worker]), { assignee: organisation, assigneeUser: user }];
          };
          const sent = moves.map(request);
          const winners = winnersOf(await race(sent.map(([send]) => send)));
          expect(winners).toHaveLength(1);
          expect(await taskRow(key)).toMatchObject({ version: version + 1, ...sent[winners[0]][1] });
          won.push(moves[winners[0]].kind === "status" ? "updateTaskStatus" : "assignTask");
        }
        const kinds = { updateTaskStatus: "STATUS_CHANGED", assignTask: "ASSIGNED" } as Record<string, string>;
        expect(await historyOf(key)).toEqual(won.map((operation) => kinds[operation]).sort());
        expect(await auditsOf(t.app.db, [key])).toEqual(won.map((operation) => `${operation} Task`).sort());
      }),
      { numRuns: 6 },
    );
  }, PATIENCE);

  it("lets exactly one answer to a hand-over (or change of its task) win; the others are told CONFLICT, then INVALID_STATE when they retry", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...HANDOVER_MOVES), { minLength: 2, maxLength: 20 }), async (moves) => {
        const key = await newTask();
        const taskId = gid("Task", key);
        const proposed = await t.gql(PROPOSE, { input: { taskId, toOrganisationId: org("gentNgo"), expectedVersion: 1 } }, USERS.gentStaff);
        const handoverId: string = proposed.data.proposeHandover.handover.id;
        const send = (move: HandoverMove, handoverVersion: number) => {
          if (move === "reassign") return t.gql(ASSIGN, { input: { taskId, organisationId: org("gentCity"), expectedVersion: 2 } }, USERS.gentCoordinator);
          if (move === "close") return t.gql(STATUS, { input: { taskId, status: "DONE", expectedVersion: 2 } }, USERS.gentStaff);
          const input = { handoverId, expectedVersion: handoverVersion, ...(move === "decline" ? { reason: "No room this month" } : {}) };
          return t.gql(step(`${move}Handover`), { input }, move === "withdraw" ? USERS.gentStaff : USERS.gentNgoStaff);
        };
        const winners = winnersOf(await race(moves.map((move) => () => send(move, 1))));
        expect(winners).toHaveLength(1);
        const expected = AFTER[moves[winners[0]]];
        const [handover] = await t.app.db.manager.query(`SELECT status, version FROM handover WHERE id = $1`, [keyOf(handoverId)]);
        expect(handover).toEqual({ status: expected.handover, version: 2 });
        expect(await taskRow(key)).toEqual({ status: expected.status, version: 3, assignee: world.organisations[expected.assignee], assigneeUser: null });
        expect(await historyOf(key, ["HANDOVER_PROPOSED"])).toEqual(expected.history);
        const audits = await auditsOf(t.app.db, [key, keyOf(handoverId)]);
        expect(audits.filter((line) => !line.startsWith("proposeHandover"))).toEqual(expected.audits);
        // A loser who reloads and answers again learns the hand-over is closed.
        const answers = ["accept", "decline", "withdraw"] as const;
        const retries = await race(answers.filter((move) => moves.includes(move)).map((move) => () => send(move, 2)));
        for (const retry of retries) expect(retry.userErrors.map((e) => e.code)).toEqual(["INVALID_STATE"]);
      }),
      { numRuns: 8 },
    );
  }, PATIENCE);
});
