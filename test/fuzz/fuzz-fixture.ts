import { type GraphQLField, type GraphQLInterfaceType, type GraphQLSchema, getNamedType, isListType, isNonNullType, isObjectType } from "graphql";
import { toGlobalId } from "../../src/graphql/global-id";
import { seedPersonalData } from "../privacy/personal-fixture";
import { madeUpKey } from "../privacy/walk-runner";
import type { TestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import type { FuzzSources } from "./input-arbitrary";

/** Objects of each type the fuzzing picks IDs from; more would only slow the visibility check. */
const PER_TYPE = 20;

/**
 * The world, Gent's household with its arrival, tasks, a comment, a hand-over, a proposed split
 * rule and an adjustment (the privacy walk's fixture), two more open hand-overs and reports of
 * Fedasil's and an evaluator's: something for every mutation to act on, even after a few
 * accepted edge cases removed some of it.
 */
export async function seedFuzzWorld(t: TestApp): Promise<World> {
  const world = await seedWorld(t.app.db);
  await seedPersonalData(t, world);
  const succeed = async (subject: string, mutation: string, input: Record<string, unknown>) => {
    const inputType = `${mutation.replace(/^./, (c) => c.toUpperCase())}Input`;
    const res = await t.gql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input }, subject);
    expect(res.data[mutation].userErrors).toEqual([]);
  };
  const tasks: Array<{ id: string; version: number }> = await t.app.db.manager.query(
    `SELECT t.id, t.version FROM task t WHERE t.assignee_organisation_id = $1 AND t.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM handover h WHERE h.task_id = t.id) ORDER BY t.id LIMIT 2`,
    [world.organisations.gentCity],
  );
  for (const task of tasks) {
    await succeed(USERS.gentCoordinator, "proposeHandover", { taskId: toGlobalId("Task", task.id), expectedVersion: task.version, toOrganisationId: toGlobalId("Organisation", world.organisations.gentNgo) });
  }
  const definition = { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS"] };
  for (const subject of [USERS.fedasilAdmin, USERS.evaluator]) {
    for (const n of [1, 2, 3]) await succeed(subject, "saveReport", { name: `Report ${n} of ${subject}`, definition });
  }
  return world;
}

const nodeTypes = (schema: GraphQLSchema) => schema.getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType).map((t) => t.name);
const capitalised = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/**
 * The Node type an ID field's name points at: its last words (toOrganisationId → Organisation),
 * else the type its name ends (membershipId → ConsortiumMembership); null when none.
 */
function nodeTypeOf(schema: GraphQLSchema, fieldName: string): string | null {
  const stem = fieldName.replace(/Ids?$/, "");
  if (stem === fieldName || stem === "") return null;
  const types = nodeTypes(schema);
  const words = stem.split(/(?=[A-Z])/);
  const exact = words.map((_, i) => capitalised(words.slice(i).join(""))).find((candidate) => types.includes(candidate));
  return exact ?? types.find((type) => type.endsWith(capitalised(stem))) ?? null;
}

/** Global IDs of every Node type's rows (a few of each), read from the tables behind the entities. */
async function allIds(t: TestApp, schema: GraphQLSchema): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const typeName of nodeTypes(schema)) {
    const entity = t.app.db.dataSource.entityMetadatas.find((m) => m.name === typeName);
    const rows: Array<{ id: string }> = entity ? await t.app.db.manager.query(`SELECT id FROM "${entity.tableName}" ORDER BY id LIMIT ${PER_TYPE}`) : [];
    ids.set(typeName, rows.map((row) => toGlobalId(typeName, row.id)));
  }
  return ids;
}

/** What the fuzzing draws from as `subject`: the IDs it can see for the base; for edits, the others, foreign types and made-up keys. */
export async function sourcesFor(t: TestApp, schema: GraphQLSchema, subject: string): Promise<FuzzSources> {
  const all = await allIds(t, schema);
  const flat = [...all.values()].flat();
  const seen = new Set<string>();
  for (let i = 0; i < flat.length; i += 100) {
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: flat.slice(i, i + 100) }, subject);
    for (const node of res.data.nodes) if (node) seen.add(node.id);
  }
  const types = [...all.keys()];
  const someKey = madeUpKey("fuzz");
  const keyOfFirst = (typeName: string) => Buffer.from(all.get(typeName)![0] ?? toGlobalId(typeName, someKey), "base64url").toString().split(":")[1];
  const wrongIds = [
    ...flat.filter((id) => !seen.has(id)).slice(0, 40),
    // A real key under every other type's name, and a key no row has under each.
    ...types.flatMap((typeName, i) => [toGlobalId(typeName, keyOfFirst(types[(i + 1) % types.length])), toGlobalId(typeName, madeUpKey(typeName))]),
  ];
  return {
    visibleIds: (typeName) => (typeName ? all.get(typeName) ?? [] : flat).filter((id) => seen.has(id)),
    wrongIds,
    someKey: keyOfFirst(types[0]),
    typeOfId: (fieldName) => nodeTypeOf(schema, fieldName),
  };
}

/**
 * The version an update's expectedVersion should carry: that of the object the mutation is
 * named after (assignTask: taskId's), or of the object its description names among that
 * object's own (endConsortiumMembership: "the consortium's version"); 1 when it cannot tell.
 */
export async function currentVersion(t: TestApp, schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, input: Record<string, unknown>, subject: string): Promise<number> {
  const inputType = getNamedType(field.args[0]?.type);
  if (!inputType || !("getFields" in inputType)) return 1;
  const fields = Object.values(inputType.getFields());
  const idFields = fields.filter((f) => getNamedType(f.type).name === "ID" && !isListType(f.type) && typeof input[f.name] === "string");
  const primary = idFields.find((f) => field.name.toLowerCase().includes(f.name.replace(/Id$/, "").toLowerCase())) ?? idFields[0];
  const typeName = primary && nodeTypeOf(schema, primary.name);
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!typeName || !isObjectType(type)) return 1;
  const related = Object.values(type.getFields()).filter((f) => {
    const named = getNamedType(f.type);
    return !isListType(isNonNullType(f.type) ? f.type.ofType : f.type) && isObjectType(named) && "version" in named.getFields() && f.args.length === 0;
  });
  const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on ${typeName} { version ${related.map((f) => `${f.name} { version }`).join(" ")} } } }`, { id: input[primary.name] }, subject);
  const node = res.data?.node;
  if (!node) return 1;
  const owner = /the ([\w-]+)'s version/i.exec(fields.find((f) => f.name === "expectedVersion")?.description ?? "")?.[1].replace("-", "").toLowerCase();
  const named = owner && !typeName.toLowerCase().endsWith(owner) ? related.find((f) => getNamedType(f.type).name.toLowerCase().endsWith(owner)) : undefined;
  return (named ? node[named.name]?.version : node.version) ?? 1;
}
