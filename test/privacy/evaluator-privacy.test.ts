import { type GraphQLSchema, buildClientSchema, getIntrospectionQuery } from "graphql";
import { toGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { FIXED_DATE, type PersonalFixture, seedPersonalData } from "./personal-fixture";
import { type WalkInputs, type WalkQuery, personalTypes, walkQueries } from "./schema-walk";
import { type Answer, codesOf, madeUpKey, objectsIn, runWalk, textOf, valuesIn } from "./walk-runner";

/**
 * Issue 5, privacy: an evaluator tries every path to personal data (node, nested fields, filters,
 * report dimensions, error messages) and gets nothing; a partner of Liège gets nothing of Gent's;
 * Gent's own staff, walking the same way, does find it all (else the walk would prove nothing).
 * The queries come from the schema by introspection: new fields are walked without being listed.
 */

/** Levels of objects with an identity each root field is walked to, and its variants (connections, rows, amounts are free). */
const LEVELS = { whole: 4, variants: 1 };
/** Codes a walk may meet: refusals and input the server turns down, never a fault or an invalid query. */
const EXPECTED_CODES = new Set(["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"]);
const UNSEEN = [USERS.evaluator, USERS.liegeStaff];

let t: TestApp;
let world: World;
let fixture: PersonalFixture;
let schema: GraphQLSchema;
let personal: Set<string>;
let queries: WalkQuery[];
/** Gent's objects the walk probes with, by type. */
let probed: Record<string, string[]>;
const walks = new Map<string, Promise<Answer[]>>();
const visible = new Map<string, Promise<Set<string>>>();

const decoyId = (typeName: string) => toGlobalId(typeName, madeUpKey(typeName));

/** The walk as one user, sent once and shared by the tests that read it; Gent's staff needs no decoys nor every enum value. */
function walkAs(subject: string): Promise<Answer[]> {
  if (!walks.has(subject)) {
    const control = subject === USERS.gentStaff;
    walks.set(subject, runWalk(t, control ? queries.filter((q) => q.whole || q.probe) : queries, subject, !control));
  }
  return walks.get(subject)!;
}

/** The probed IDs `subject` can fetch with `nodes`: a probe of any other must answer as its decoy. */
function visibleTo(subject: string): Promise<Set<string>> {
  if (!visible.has(subject)) {
    const fetch = async (ids: string[]): Promise<string[]> => {
      const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, subject);
      expect(res.errors).toBeUndefined();
      return ids.filter((_, i) => res.data.nodes[i] !== null);
    };
    const ids = allProbedIds();
    const pages = Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => fetch(ids.slice(i * 100, i * 100 + 100)));
    visible.set(subject, Promise.all(pages).then((found) => new Set(found.flat())));
  }
  return visible.get(subject)!;
}

beforeAll(async () => {
  // The hardening limits stop a whole-schema query before it runs; they are not what is tested here.
  const limits = { MAX_QUERY_DEPTH: "100", MAX_QUERY_ALIASES: "10000", MAX_QUERY_TOKENS: "1000000", MAX_QUERY_COST: "1000000000", MAX_BODY_SIZE: "5mb" };
  t = await startTestApp(limits);
  world = await seedWorld(t.app.db);
  fixture = await seedPersonalData(t, world);
  const introspection = await t.gql(getIntrospectionQuery(), {}, USERS.evaluator);
  schema = buildClientSchema(introspection.data);
  personal = personalTypes(schema);
  probed = {
    ...fixture.gentIds,
    Agreement: [toGlobalId("Agreement", world.agreements.gent)],
    Consortium: [toGlobalId("Consortium", world.consortia.gent)],
    Organisation: [toGlobalId("Organisation", world.organisations.gentPcsw)],
  };
  queries = walkQueries(schema, "query", LEVELS, inputs());
}, 120_000);

afterAll(() => t?.close());

/** Required IDs get Gent's object of the type the argument names; probes take the first and last of each type (or the first). */
function inputs(perType = 2): WalkInputs {
  const sample = (ids: string[]) => [...new Set([ids[0], ids[ids.length - 1]])].slice(0, perType);
  return {
    date: FIXED_DATE,
    defaultId: (typeName) => probed[typeName ?? "Household"]?.[0] ?? decoyId(typeName ?? "Household"),
    probeIds: (typeName) =>
      Object.entries(probed)
        .filter(([name]) => typeName === null || name === typeName)
        .flatMap(([name, ids]) => sample(ids).map((id) => ({ typeName: name, id }))),
    searchTexts: fixture.searchTexts,
    decoyId,
  };
}

/** An answer as text without the probe the client sent itself. */
const sentBack = (a: Answer) => textOf(a.response, a.query.probe?.real);

/** Every answer to a probe of what `subject` cannot fetch that differs from the answer to its decoy. */
async function probesTelling(subject: string): Promise<string[]> {
  const seen = await visibleTo(subject);
  return (await walkAs(subject))
    .filter((a) => a.query.probe && !seen.has(a.query.probe.real))
    .filter((a) => textOf(a.response, a.query.probe!.real) !== textOf(a.decoyResponse!, a.query.probe!.decoy))
    .map((a) => `${a.query.label}: ${textOf(a.response).slice(0, 300)} <> ${textOf(a.decoyResponse!).slice(0, 300)}`);
}

/** Where the walk's answers hold any of `values`, as "query: values". */
async function leaksOf(subject: string, values: string[]): Promise<string[]> {
  return (await walkAs(subject)).flatMap((a) => {
    const found = [...valuesIn(sentBack(a), values), ...(a.decoyResponse ? valuesIn(textOf(a.decoyResponse), values) : [])];
    return found.length > 0 ? [`${a.query.label}: ${found.join(", ")}`] : [];
  });
}

const allProbedIds = () => Object.values(probed).flat();
const gentPersonalIds = () => Object.entries(fixture.gentIds).flatMap(([, ids]) => ids);

describe("the schema walk", () => {
  it("reaches every root query field with queries the server accepts, for each role", async () => {
    const roots = Object.keys(schema.getQueryType()!.getFields());
    expect([...new Set(queries.map((q) => q.root))].sort()).toEqual([...roots].sort());
    for (const subject of [...UNSEEN, USERS.gentStaff]) {
      const unexpected = (await walkAs(subject)).flatMap((a) =>
        [...codesOf(a.response), ...(a.decoyResponse ? codesOf(a.decoyResponse) : [])]
          .filter((code) => !EXPECTED_CODES.has(code))
          .map((code) => `${subject} ${a.query.label}: ${code} ${a.response.errors?.[0]?.message}`),
      );
      expect(unexpected).toEqual([]);
    }
    // Walks the whole schema as three roles (the later tests reuse the answers): ~20 s alone, minutes on a busy machine.
  }, 300_000);

  it("has fixture rows for every personal type node can fetch (a new one needs its rows in personal-fixture.ts)", () => {
    const nodeTypes = schema.getPossibleTypes(schema.getType("Node") as never).map((type) => type.name);
    const personalNodes = nodeTypes.filter((name) => personal.has(name));
    expect(personalNodes.filter((name) => !(fixture.gentIds[name]?.length > 0))).toEqual([]);
    expect(personalNodes).toEqual(expect.arrayContaining(["Household", "Person", "Accommodation", "Task", "TaskComment", "Handover", "CooperationEvent", "FundingLine"]));
  });
});

describe("Gent's staff, on the same walk (the control: the walk can find personal data)", () => {
  it("finds each of Gent's names, birth dates, references and its street address", async () => {
    const text = (await walkAs(USERS.gentStaff)).map(sentBack).join("\n");
    expect(fixture.gentValues.filter((value) => !text.includes(value))).toEqual([]);
  });

  it("finds an object of every personal type, and can fetch each of Gent's personal objects", async () => {
    const answers = await walkAs(USERS.gentStaff);
    const typesSeen = new Set(answers.flatMap((a) => [...objectsIn(a.response.data)].map((o) => String(o.__typename))));
    expect(Object.keys(fixture.gentIds).filter((name) => !typesSeen.has(name))).toEqual([]);
    const seen = await visibleTo(USERS.gentStaff);
    expect(gentPersonalIds().filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe("the evaluator", () => {
  it("never reads a name, birth date, reference or street address, nor a key of a personal row, in data or errors", async () => {
    expect(await leaksOf(USERS.evaluator, [...fixture.gentValues, ...fixture.liegeValues, ...fixture.rawKeys])).toEqual([]);
    expect(await leaksOf(USERS.evaluator, gentPersonalIds())).toEqual([]);
  });

  it("never receives an object about a person, and every list of them (a filter by household included) counts 0", async () => {
    const answers = await walkAs(USERS.evaluator);
    const found = answers.flatMap((a) =>
      [...objectsIn(a.response.data)]
        .filter((o) => personal.has(String(o.__typename)) || (/Connection$/.test(String(o.__typename)) && personal.has(String(o.__typename).replace(/Connection$/, "")) && Number(o.totalCount) > 0))
        .map((o) => `${a.query.label}: ${String(o.__typename)}`),
    );
    expect(found).toEqual([]);
    // Not vacuous: the evaluator does read agreements, organisations and aggregates on the same walk.
    expect(new Set(answers.filter((a) => a.response.data && !a.response.errors).map((a) => a.query.root)).size).toBeGreaterThan(3);
  });

  it("cannot fetch any personal object", async () => {
    const seen = await visibleTo(USERS.evaluator);
    expect(gentPersonalIds().filter((id) => seen.has(id))).toEqual([]);
  });

  it("gets, for every argument and filter given a personal object or text, the answer for one that does not exist", async () => {
    expect(await probesTelling(USERS.evaluator)).toEqual([]);
  });
});

describe("a partner of Liège", () => {
  it("never reads Gent's personal values, nor a key of a personal row, nor the ID of an object of Gent it cannot fetch", async () => {
    // Beyond the personal values: the reference of Gent's agreement and its consortium's name, which Liège cannot fetch either.
    expect(await leaksOf(USERS.liegeStaff, [...fixture.gentValues, ...fixture.rawKeys, "RES-2025-GENT", "Consortium Gent"])).toEqual([]);
    const seen = await visibleTo(USERS.liegeStaff);
    expect(await leaksOf(USERS.liegeStaff, allProbedIds().filter((id) => !seen.has(id)))).toEqual([]);
    expect(gentPersonalIds().filter((id) => seen.has(id))).toEqual([]);
  });

  it("gets, for every argument and filter given Gent's objects or text, the answer for ones that do not exist", async () => {
    expect(await probesTelling(USERS.liegeStaff)).toEqual([]);
  });

  it("does read its own household on the same walk", async () => {
    expect(await leaksOf(USERS.liegeStaff, ["HH-LIEGE-1", "Nasser"])).not.toEqual([]);
  });
});

describe("node and nodes", () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

  /** Forged variants of a real global ID: other encodings, cases, types, padding, suffixes, the raw key. */
  const tampered = (id: string): string[] => {
    const decoded = Buffer.from(id, "base64url").toString("utf8");
    const [typeName, key] = [decoded.slice(0, decoded.indexOf(":")), decoded.slice(decoded.indexOf(":") + 1)];
    const encode = (text: string) => Buffer.from(text, "utf8").toString("base64url");
    return [
      Buffer.from(decoded, "utf8").toString("base64"),
      encode(`${typeName}:${key.toUpperCase()}`),
      encode(`${typeName.toLowerCase()}:${key}`),
      encode(`${typeName}:${key} `),
      encode(`${typeName}:${key}:x`),
      encode(`Person:${key}`),
      encode(`Household:${key}`),
      encode(`Node:${key}`),
      `${id}=`,
      id.slice(0, -2),
      key,
      decoded,
    ].filter((forged) => forged !== id);
  };

  it("answer Gent's personal objects, and forged IDs of them, exactly as made-up IDs of the same type", async () => {
    const differ: string[] = [];
    for (const subject of UNSEEN) {
      for (const [typeName, ids] of Object.entries(fixture.gentIds)) {
        const nothing = textOf(await t.gql(NODE, { id: decoyId(typeName) }, subject));
        expect(nothing).toBe(JSON.stringify({ data: { node: null } }));
        for (const id of [ids[0], ...tampered(ids[0])]) {
          const answer = textOf(await t.gql(NODE, { id }, subject), id);
          if (answer !== nothing) differ.push(`${subject} ${typeName} ${id}: ${answer}`);
        }
        const many = textOf(await t.gql(NODES, { ids }, subject));
        const made = textOf(await t.gql(NODES, { ids: ids.map(() => decoyId(typeName)) }, subject));
        if (many !== made) differ.push(`${subject} nodes ${typeName}: ${many}`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe("mutations", () => {
  it("given a personal object of Gent, answer the evaluator and Liège as for one that does not exist, and write nothing", async () => {
    const before = await footprint();
    const probes = walkQueries(schema, "mutation", { whole: 1, variants: 1 }, inputs(1)).filter((q) => q.probe && personal.has(String(q.probe.typeName)));
    expect(probes.length).toBeGreaterThan(10);
    const differ: string[] = [];
    for (const subject of UNSEEN) {
      for (const answer of await runWalk(t, probes, subject, true)) {
        const [real, decoy] = [textOf(answer.response, answer.query.probe!.real), textOf(answer.decoyResponse!, answer.query.probe!.decoy)];
        if (real !== decoy || valuesIn(real, [...fixture.gentValues, ...fixture.rawKeys]).length > 0) differ.push(`${subject} ${answer.query.label}: ${real} <> ${decoy}`);
      }
    }
    expect(differ).toEqual([]);
    expect(await footprint()).toEqual(before);
  });
});

/** Row counts and versions of the personal tables, to prove that the refused mutations wrote nothing. */
async function footprint(): Promise<unknown> {
  const tables = ["household", "person", "accommodation", "task", "task_event", "task_comment", "handover", "cooperation_event", "funding_line", "split_rule", "audit_event"];
  return t.app.db.manager.query(`SELECT ${tables.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}`).join(", ")}, (SELECT sum(version) FROM household) AS household_versions, (SELECT sum(version) FROM task) AS task_versions`);
}
