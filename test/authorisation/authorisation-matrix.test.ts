import { type GraphQLSchema, buildClientSchema, getIntrospectionQuery } from "graphql";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";
import { MUTATIONS, QUERIES, ROLES, type Row, SUBSCRIPTIONS, VIEWERS, isPartnerRole } from "./access-table";
import { Fixtures, caseContext } from "./matrix-fixtures";
import { type Answer, type Attempt, type Case, type RootType, casesOf, changedTables, footprint, inParallel, operationText, outcomeOf, withMissingObject } from "./matrix-runner";
import { MUTATION_CASES } from "./mutation-cases";
import { QUERY_CASES, seedQueryObjects } from "./query-cases";
import { REFERENCE_CASES } from "./reference-cases";
import { SUBSCRIPTION_CASES, subscriptionOutcome } from "./subscription-cases";

/**
 * Issue 7, authorisation: every root field of the schema (found by introspection), run as every
 * role on an object of the viewer's own consortium and one of another, answers as the access
 * table says; another consortium's object answers exactly as a missing one; a refused mutation
 * writes nothing. Mutations are attempted with inputs that succeed when the role is allowed.
 */

/** The hardening limits would stop the whole-object selections before they run; they are not what is tested here. */
const LIMITS = { MAX_QUERY_DEPTH: "100", MAX_QUERY_ALIASES: "10000", MAX_QUERY_TOKENS: "1000000", MAX_QUERY_COST: "1000000000", MAX_BODY_SIZE: "5mb" };
/** Requests in flight at once. */
const WIDTH = 4;
const TABLES: Record<RootType, Record<string, Row>> = { query: QUERIES, mutation: MUTATIONS, subscription: SUBSCRIPTIONS };
const BUILDERS: Record<RootType, Record<string, unknown>> = { query: QUERY_CASES, mutation: MUTATION_CASES, subscription: SUBSCRIPTION_CASES };

let t: TestApp;
let fixtures: Fixtures;
let schema: GraphQLSchema;

beforeAll(async () => {
  t = await startTestApp(LIMITS);
  fixtures = new Fixtures(t.app.db, await seedWorld(t.app.db));
  schema = buildClientSchema((await t.gql(getIntrospectionQuery(), {}, USERS.fedasilAdmin)).data);
  await seedQueryObjects(fixtures);
  const rows = Object.values(TABLES).flatMap((table) => Object.values(table));
  const cases = Object.values(TABLES).reduce((sum, table) => sum + casesOf(table).length, 0);
  console.log(`authorisation matrix: ${rows.length} operations x ${ROLES.length} roles x own/other (${rows.filter((r) => r.object).length} operations name an object) = ${cases} cases`);
}, 120_000);

afterAll(() => t?.close());

const contextOf = (c: Case) => caseContext(fixtures, c.role, c.side, VIEWERS[c.role]);
const send = (rootType: RootType, c: Case, args: Record<string, unknown>) => t.gql(operationText(schema, rootType, c.field, args), args, VIEWERS[c.role] ?? undefined);
const answerOf = async (rootType: RootType, c: Case, attempt: Attempt): Promise<Answer> => ({
  response: await send(rootType, c, attempt.args),
  missing: attempt.object ? await send(rootType, c, withMissingObject(attempt)) : undefined,
});
const mismatches = (cases: Case[], outcomes: string[]) => cases.flatMap((c, i) => (outcomes[i] === c.expected ? [] : [`${c.label}: expected ${c.expected}, got ${outcomes[i]}`]));

describe("the access table", () => {
  it.each(["query", "mutation", "subscription"] as const)("has a row, and a way to run it, for each %s root field of the schema, and no row without a field", (rootType) => {
    const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[rootType];
    const fields = Object.keys(root?.getFields() ?? {}).sort();
    expect(Object.keys(TABLES[rootType]).sort()).toEqual(fields);
    expect(Object.keys(BUILDERS[rootType]).sort()).toEqual(fields);
  });

  it("lets no partner reach another consortium's object", () => {
    const reaching = Object.values(TABLES).flatMap(casesOf).filter((c) => isPartnerRole(c.role) && c.side === "other" && c.expected === "allowed");
    expect(reaching.map((c) => c.label)).toEqual([]);
  });
});

describe("root queries", () => {
  it("answer every role as the table says, and another consortium's object as a missing one", async () => {
    const cases = casesOf(QUERIES);
    const outcomes = await inParallel(cases, WIDTH, async (c) => {
      const attempt = QUERY_CASES[c.field](contextOf(c));
      return outcomeOf(c, attempt, await answerOf("query", c, attempt));
    });
    expect(mismatches(cases, outcomes)).toEqual([]);
  }, 300_000);
});

describe("root mutations", () => {
  it("answer every role as the table says, and a refused one writes nothing", async () => {
    const problems: string[] = [];
    for (const [field, row] of Object.entries(MUTATIONS)) problems.push(...(await mutationProblems(field, row)));
    expect(problems).toEqual([]);
  }, 600_000);

  /**
   * Fresh objects for every case of the field; then every refused case, and every case's twin
   * naming a missing object, between two footprints of the whole database that must be equal;
   * then the allowed cases, which must succeed.
   */
  async function mutationProblems(field: string, row: Row): Promise<string[]> {
    const cases = casesOf({ [field]: row });
    const attempts: Attempt[] = [];
    for (const c of cases) attempts.push(await MUTATION_CASES[field](contextOf(c)));
    const refused = (c: Case) => c.expected !== "allowed";
    const before = await footprint(t.app.db);
    const firstRound = await inParallel(cases, WIDTH, async (c, i) => ({
      missing: attempts[i].object ? await send("mutation", c, withMissingObject(attempts[i])) : undefined,
      response: refused(c) ? await send("mutation", c, attempts[i].args) : undefined,
    }));
    const changed = changedTables(before, await footprint(t.app.db));
    const allowed = await inParallel(cases, WIDTH, async (c, i) => (refused(c) ? undefined : send("mutation", c, attempts[i].args)));
    const outcomes = cases.map((c, i) => outcomeOf(c, attempts[i], { response: firstRound[i].response ?? allowed[i]!, missing: firstRound[i].missing }));
    return [...(changed.length > 0 ? [`${field}: the refused attempts changed ${changed.join(", ")}`] : []), ...mismatches(cases, outcomes)];
  }
});

describe("objects named in a further field of a mutation's input", () => {
  it("answer as missing ones when the viewer may not see them, and the refusal writes nothing", async () => {
    const references = Object.entries(REFERENCE_CASES);
    const cases: Case[] = references.map(([label, r]) => ({ field: r.field, role: r.role, side: "other", expected: "NOT_FOUND", label: `${label} as ${r.role}` }));
    const attempts: Attempt[] = [];
    for (const [, r] of references) attempts.push(await r.attempt(caseContext(fixtures, r.role, "own", VIEWERS[r.role])));
    const before = await footprint(t.app.db);
    const outcomes = await inParallel(cases, WIDTH, async (c, i) => outcomeOf(c, attempts[i], await answerOf("mutation", c, attempts[i])));
    expect(mismatches(cases, outcomes)).toEqual([]);
    expect(changedTables(before, await footprint(t.app.db))).toEqual([]);
  }, 120_000);
});

describe("root subscriptions, over graphql-ws", () => {
  it("answer every role as the table says, and another consortium's household as a missing one", async () => {
    const cases = casesOf(SUBSCRIPTIONS);
    const outcomes = await inParallel(cases, WIDTH, (c) => subscriptionOutcome(t, schema, c, contextOf(c)));
    expect(mismatches(cases, outcomes)).toEqual([]);
  }, 300_000);
});
