import { readFileSync } from "node:fs";
import { type GraphQLNamedType, type GraphQLSchema, buildClientSchema, buildSchema, getIntrospectionQuery, getNamedType, isInputObjectType, isObjectType } from "graphql";
import { schemaFile } from "../../../src/scripts/print-schema";
import { fromGlobalId } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { seedCoordinators } from "../funding/split-rules/split-rule-api";
import { type MutationExample, mutationExamples } from "./mutation-examples";

/**
 * DESIGN: "Every mutation writes its audit event in the same database transaction." Every
 * Mutation field the schema has (by introspection) runs once with its example from
 * mutation-examples.ts (a mutation without one fails here), and must leave an event with its
 * name about the object it changed, written by the transaction that wrote that object. Given a
 * stale expectedVersion, each that takes one answers user errors and writes no event.
 */

interface WrittenEvent {
  action: string;
  subject_type: string;
  subject_id: string;
  actor_user_id: string;
  request_id: string | null;
  removed: boolean;
  tx: string;
}

/** The tests are named when the file loads, from the committed schema (test/schema.test.ts keeps it current); the first test compares the live one. */
const COMMITTED_MUTATIONS = Object.keys(buildSchema(readFileSync(schemaFile(), "utf8")).getMutationType()!.getFields());

let t: TestApp;
let world: World;
let schema: GraphQLSchema;
let examples: Record<string, MutationExample>;

beforeAll(async () => {
  t = await startTestApp();
  world = await seedWorld(t.app.db);
  await seedCoordinators(t, world);
  schema = buildClientSchema((await t.gql(getIntrospectionQuery(), {}, USERS.fedasilAdmin)).data);
  examples = mutationExamples({ t, world, run: succeed });
}, 120_000);

afterAll(() => t?.close());

const mutationFields = () => schema.getMutationType()!.getFields();

/** `name(input: $input)` selecting every field of its payload: the IDs (and versions) of the objects it returns, and its user errors. */
function operation(name: string): string {
  const field = mutationFields()[name];
  const input = field.args.find((arg) => arg.name === "input")!;
  return `mutation($input: ${getNamedType(input.type).name}!) { ${name}(input: $input) { ${selection(getNamedType(field.type))} } }`;
}

function selection(payload: GraphQLNamedType): string {
  if (!isObjectType(payload)) throw new Error(`${payload.name} is not a payload`);
  return Object.values(payload.getFields())
    .map((field) => {
      const type = getNamedType(field.type);
      if (!isObjectType(type)) return field.name;
      const fields = Object.keys(type.getFields());
      return `${field.name} { ${fields.includes("id") ? fields.filter((name) => name === "id" || name === "version").join(" ") : fields.join(" ")} }`;
    })
    .join(" ");
}

async function send(subject: string, name: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await t.gql(operation(name), { input }, subject);
  expect({ name, errors: res.errors }).toEqual({ name, errors: undefined });
  return res.data[name];
}

async function succeed(subject: string, name: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const payload = await send(subject, name, input);
  expect({ name, userErrors: payload.userErrors }).toEqual({ name, userErrors: [] });
  return payload;
}

/** The objects a payload names: the IDs it gives (removedPersonId), else the single objects it returns, else those of its lists. */
function returnedSubjects(payload: Record<string, any>): string[] {
  const values = Object.entries(payload).filter(([field, value]) => field !== "userErrors" && value !== null).map(([, value]) => value);
  const ids = values.filter((value): value is string => typeof value === "string");
  if (ids.length > 0) return ids;
  const single = values.filter((value) => !Array.isArray(value)).map((value) => value.id as string);
  return single.length > 0 ? single : values.flat().map((value) => value.id as string);
}

const trail = async (): Promise<{ events: number; last: number }> =>
  (await t.app.db.manager.query(`SELECT count(*)::int AS events, coalesce(max(position), 0) AS last FROM audit_event`))[0];

/** The events written since `last`, with the transaction that wrote each (xmin). */
const writtenSince = (last: number): Promise<WrittenEvent[]> =>
  t.app.db.manager.query(
    `SELECT action, subject_type, subject_id::text, actor_user_id::text, request_id, after IS NULL AS removed, xmin::text AS tx
       FROM audit_event WHERE position > $1 ORDER BY position`,
    [last],
  );

/** The transaction that last wrote an object's row, or null when the row is gone. */
async function writerOf(typeName: string, key: string): Promise<string | null> {
  const table = t.app.db.dataSource.getMetadata(typeName).tableName;
  const [row] = await t.app.db.manager.query(`SELECT xmin::text AS tx FROM ${table} WHERE id = $1`, [key]);
  return row?.tx ?? null;
}

const userKeyOf = async (subject: string): Promise<string> => (await t.app.db.manager.query(`SELECT id::text FROM app_user WHERE subject = $1`, [subject]))[0].id;

const takesVersion = (name: string): boolean => {
  const input = getNamedType(mutationFields()[name].args.find((arg) => arg.name === "input")!.type);
  return isInputObjectType(input) && "expectedVersion" in input.getFields();
};

it("has an example for every mutation of the schema, and none for a mutation it lacks", () => {
  const names = Object.keys(mutationFields()).sort();
  expect(names.length).toBeGreaterThan(30);
  expect(names.filter((name) => !examples[name])).toEqual([]);
  expect(Object.keys(examples).filter((name) => !names.includes(name))).toEqual([]);
});

describe.each(COMMITTED_MUTATIONS)("%s", (name) => {
  it("writes its audit event about the object it changed, in the transaction that changed it; a refusal writes none", async () => {
    const example = examples[name];
    expect(example).toBeDefined();
    const input = await example.input();

    if (takesVersion(name) && typeof input.expectedVersion === "number") {
      const before = await trail();
      const refused = await send(example.as, name, { ...input, expectedVersion: input.expectedVersion + 100 });
      expect(refused.userErrors.length).toBeGreaterThan(0);
      expect(await trail()).toEqual(before);
    }

    const { last } = await trail();
    const payload = await succeed(example.as, name, input);
    const written = await writtenSince(last);
    expect(written.length).toBeGreaterThan(0);
    // One change, one transaction: each of its events carries the mutation, the caller and the request.
    expect([...new Set(written.map((event) => event.action))]).toEqual([name]);
    expect(new Set(written.map((event) => event.tx)).size).toBe(1);
    expect(new Set(written.map((event) => event.actor_user_id))).toEqual(new Set([await userKeyOf(example.as)]));
    expect(written.filter((event) => !event.request_id)).toEqual([]);

    const subjects = example.subject ? [await example.subject(input)] : returnedSubjects(payload);
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) {
      const { typeName, key } = fromGlobalId(subject)!;
      const event = written.find((e) => e.subject_type === typeName && e.subject_id === key);
      expect({ subject: `${typeName} ${key}`, found: Boolean(event) }).toEqual({ subject: `${typeName} ${key}`, found: true });
      // The object's row was written by the event's transaction; a removed object has no row left.
      const writer = await writerOf(typeName, key);
      if (writer === null) expect(event!.removed).toBe(true);
      else expect(writer).toBe(event!.tx);
    }
  }, 60_000);
});
