import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";

/** One operation as a request body. */
const operation = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const fragmentBomb = Array.from({ length: 30 }, (_, i) => `fragment f${i} on Query { ${i === 29 ? "viewer { roles }" : `...f${i + 1} ...f${i + 1}`} }`);
const page100 = `organisations(first: 100) { nodes { id name kind postalCode municipality province version createdAt updatedAt } }`;
/** 19 aliases (the limit is 20) of 1,001 points: 19,019 of a full bucket's 20,000. */
const nearlyABucket = `{ ${Array.from({ length: 19 }, (_, i) => `o${i}: ${page100}`).join(" ")} }`;

/**
 * Attack-sized requests against the default configuration (hardening.test.ts checks each limit at
 * its threshold): each is answered with a code, before any resolver runs (no more SQL than the
 * caller's sign-in), and leaves the server serving.
 */
const HOSTILE: Array<[string, string, number, Record<string, unknown>]> = [
  ["nesting 501 levels deep", operation(`{ ${"a { ".repeat(500)} b ${"} ".repeat(500)} }`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxDepth" }],
  ["nesting 20,000 levels deep, past the token limit", operation(`{ ${"a { ".repeat(20_000)} }`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxTokens" }],
  ["300 aliases", operation(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: viewer { roles }`).join(" ")} }`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxAliases" }],
  ["a fragment cycle", operation(`{ ...a } fragment a on Query { viewer { roles } ...b } fragment b on Query { ...a }`), 400, { code: "GRAPHQL_VALIDATION_FAILED" }],
  ["fragments spread 2^30 times", operation(`{ ...f0 } ${fragmentBomb.join(" ")}`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxCost" }],
  ["250 directives on one field", operation(`{ __typename ${"@skip(if: false) ".repeat(250)} }`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxDirectives" }],
  ["nested introspection", operation(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`), 400, { code: "GRAPHQL_VALIDATION_FAILED" }],
  ["pages within pages", operation(`{ households(first: 100) { nodes { tasks(first: 100) { nodes { id } } } } }`), 400, { code: "QUERY_TOO_COMPLEX", limit: "maxCost" }],
  ["a string literal of 5 MB", operation(`{ organisations(filter: { nameContains: "${"x".repeat(5_000_000)}" }) { totalCount } }`), 413, { code: "PAYLOAD_TOO_LARGE" }],
  // Within the body limit a string is one token, cheap to parse: the argument's own rule answers it.
  ["a string literal of 90 kB", operation(`{ organisations(filter: { nameContains: "${"x".repeat(90_000)}" }) { totalCount } }`), 200, { code: "BAD_USER_INPUT" }],
  ["a body of 5 MB", operation(`{ viewer { roles } }`, { padding: "x".repeat(5_000_000) }), 413, { code: "PAYLOAD_TOO_LARGE" }],
  ["a batch of 1,000 operations", JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ viewer { roles } }" }))), 400, { code: "BAD_REQUEST" }],
];

describe("hostile queries", () => {
  let t: TestApp;
  let signInStatements: number;

  beforeAll(async () => {
    t = await startTestApp({ COST_RESTORE_RATE: "1000" });
    await seedWorld(t.app.db);
    signInStatements = (await statementsOf(() => t.gql(`{ __typename }`, {}, USERS.fedasilAdmin))).statements;
  }, 180_000);
  afterAll(() => t.close());

  async function statementsOf<T>(send: () => Promise<T>): Promise<{ statements: number; result: T }> {
    const before = t.app.db.statements.total;
    const result = await send();
    return { statements: t.app.db.statements.total - before, result };
  }

  async function expectServing(subject: string = USERS.fedasilAdmin) {
    expect((await t.gql(`{ viewer { roles } }`, {}, subject)).data?.viewer.roles).toHaveLength(1);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  }

  it.each(HOSTILE)("answers %s with a code, runs nothing and keeps serving", async (_label, body, status, extensions) => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${await t.tokenFor(USERS.fedasilAdmin)}` };
    const { statements, result: res } = await statementsOf(() => fetch(`${t.url}/graphql`, { method: "POST", headers, body }));
    expect(res.status).toBe(status);
    const answer = await res.json();
    expect(answer.errors).toContainEqual(expect.objectContaining({ extensions }));
    expect(answer.data ?? null).toBeNull();
    expect(statements).toBeLessThanOrEqual(signInStatements);
    await expectServing();
  });

  it("throttles a flood of costly queries from one organisation; the others are served", async () => {
    const first = await t.gql(nearlyABucket, {}, USERS.liegeCoordinator);
    expect(first.errors).toBeUndefined();
    const { statements, result: flood } = await statementsOf(() => t.gql(nearlyABucket, {}, USERS.liegeCoordinator));
    expect(flood.status).toBe(200);
    expect(flood.errors?.[0].extensions).toEqual({ code: "THROTTLED" });
    expect(flood.data).toBeUndefined();
    expect(statements).toBeLessThanOrEqual(signInStatements);
    await expectServing();
    await expectServing(USERS.liegeStaff);
  });
});
