import fc from "fast-check";
import { fromGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { gid, insertRow, insertTask } from "../modules/tasks/fixtures";
import { BACKEND, PATIENCE, type Payload, auditsOf, outcomeOf, race } from "./race-support";

const CREATE_HOUSEHOLD = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } userErrors { field code message } } }`;
const PROPOSE_HANDOVER = `mutation($input: ProposeHandoverInput!) { proposeHandover(input: $input) { handover { id } userErrors { field code message } } }`;
const COMMENT = `mutation($input: CommentOnTaskInput!) { commentOnTask(input: $input) { comment { id } userErrors { field code message } } }`;

/** Two different requests a client could send with one key; "a" and "b" differ in one field. */
type Variant = "a" | "b";

/** A create mutation under test: a fresh target, the request, and what one creation leaves behind. */
interface Create {
  /** Prepares a target and answers how to send the request and what it wrote. */
  prepare(): Promise<{ send: (key: string, variant: Variant) => Promise<any>; written: (id: string) => Promise<{ objects: number; subjects: string[] }> }>;
  /** The audit trail of one creation. */
  audits: string[];
}

/**
 * Many clients send the same create mutation with one idempotency key at once (a retrying client,
 * a double click): one object is created and every client is answered with it; the key with
 * another request is refused with IDEMPOTENCY_KEY_REUSED, whichever came first.
 */
describe(`idempotency keys under concurrent retries on ${BACKEND}`, () => {
  let t: TestApp;
  let world: World;
  let agreement: string;
  let serial = 0;
  const keyOf = (id: string) => fromGlobalId(id)!.key;
  const query = (sql: string, parameters: unknown[]) => t.app.db.manager.query(sql, parameters);
  const newTask = () => insertTask(t.app.db, { agreement_id: world.agreements.gent, household_id: world.households.gent, assignee_organisation_id: world.organisations.gentPcsw });

  const CREATES: Record<string, Create> = {
    createHousehold: {
      async prepare() {
        const reference = `HH-RACE-${++serial}`;
        const head = { givenName: "Amina", familyName: "Haddad", birthDate: "1990-04-02", sex: "FEMALE" };
        const input = (variant: Variant) => ({ agreementId: gid("Agreement", agreement), reference: `${reference}-${variant}`, arrivalRoute: "DIRECT", head, members: [{ ...head, givenName: "Omar", birthDate: "2015-09-12", sex: "MALE", relationship: "CHILD" }] });
        return {
          send: (idempotencyKey, variant) => t.gql(CREATE_HOUSEHOLD, { input: { ...input(variant), idempotencyKey } }, USERS.gentCoordinator),
          written: async (id) => {
            const [{ objects }] = await query(`SELECT count(*)::int AS objects FROM household WHERE reference LIKE $1`, [`${reference}-%`]);
            const persons = await query(`SELECT id FROM person WHERE household_id = $1`, [keyOf(id)]);
            return { objects, subjects: [keyOf(id), ...persons.map((p: { id: string }) => p.id)] };
          },
        };
      },
      audits: ["createHousehold Household", "createHousehold Person", "createHousehold Person"],
    },
    proposeHandover: {
      async prepare() {
        const task = await newTask();
        return {
          send: (idempotencyKey, variant) =>
            t.gql(PROPOSE_HANDOVER, { input: { taskId: gid("Task", task), toOrganisationId: gid("Organisation", world.organisations.gentNgo), expectedVersion: 1, message: variant, idempotencyKey } }, USERS.gentStaff),
          written: async (id) => {
            const [row] = await query(`SELECT (SELECT count(*)::int FROM handover WHERE task_id = $1) AS objects, version, (SELECT count(*)::int FROM task_event WHERE task_id = $1) AS history FROM task WHERE id = $1`, [task]);
            expect(row).toMatchObject({ version: 2, history: 1 });
            return { objects: row.objects, subjects: [keyOf(id), task] };
          },
        };
      },
      audits: ["proposeHandover Handover"],
    },
    commentOnTask: {
      async prepare() {
        const task = await newTask();
        return {
          send: (idempotencyKey, variant) => t.gql(COMMENT, { input: { taskId: gid("Task", task), body: `Called the landlord (${variant})`, idempotencyKey } }, USERS.gentNgoStaff),
          written: async (id) => {
            const [row] = await query(`SELECT (SELECT count(*)::int FROM task_comment WHERE task_id = $1) AS objects, (SELECT count(*)::int FROM task_event WHERE task_id = $1) AS history`, [task]);
            expect(row.history).toBe(1);
            return { objects: row.objects, subjects: [keyOf(id), task] };
          },
        };
      },
      audits: ["commentOnTask TaskComment"],
    },
  };
  const idOf = (payload: Payload): string | undefined => (Object.values(payload).find((value) => value && typeof value === "object" && "id" in value) as { id: string } | undefined)?.id;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    agreement = await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-IDEMPOTENT", status: "ACTIVE", starts_on: "2025-02-01", ends_on: "2027-01-31", capacity: 10000 });
  }, PATIENCE);
  afterAll(() => t.close());

  describe.each(Object.keys(CREATES))("%s", (operation) => {
    it("creates one object for twenty concurrent sends of one request with one key, and answers each with it", async () => {
      const { send, written } = await CREATES[operation].prepare();
      const key = `${operation}-twenty`;
      const payloads = await race(Array.from({ length: 20 }, () => () => send(key, "a")));
      const ids = new Set(payloads.map(idOf));
      expect({ outcomes: [...new Set(payloads.map(outcomeOf))], ids: ids.size }).toEqual({ outcomes: ["ok"], ids: 1 });
      const { objects, subjects } = await written([...ids][0]!);
      expect(objects).toBe(1);
      expect(await auditsOf(t.app.db, subjects)).toEqual(CREATES[operation].audits);
      const [reused] = await race([() => send(key, "b")]);
      expect(reused.userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
      expect((await written([...ids][0]!)).objects).toBe(1);
    }, PATIENCE);

    it("lets the first of two different requests racing with one key win: its senders get its object, the others IDEMPOTENCY_KEY_REUSED", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom<Variant>("a", "b"), { minLength: 2, maxLength: 20 }), async (variants) => {
          const { send, written } = await CREATES[operation].prepare();
          const key = `${operation}-mixed-${++serial}`;
          const payloads = await race(variants.map((variant) => () => send(key, variant)));
          const winner = variants[payloads.findIndex((payload) => outcomeOf(payload) === "ok")];
          const ids = new Set(payloads.filter((_, i) => variants[i] === winner).map(idOf));
          expect(payloads.map(outcomeOf)).toEqual(variants.map((variant) => (variant === winner ? "ok" : "IDEMPOTENCY_KEY_REUSED")));
          expect(ids.size).toBe(1);
          const { objects, subjects } = await written([...ids][0]!);
          expect(objects).toBe(1);
          expect(await auditsOf(t.app.db, subjects)).toEqual(CREATES[operation].audits);
        }),
        { numRuns: 4 },
      );
    }, PATIENCE);
  });
});
