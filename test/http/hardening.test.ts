import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";

/** Small limits so each rejection is easy to provoke; the defaults are far above these. */
const LIMITS = { MAX_QUERY_DEPTH: "3", MAX_QUERY_ALIASES: "3", MAX_QUERY_TOKENS: "600", MAX_QUERY_COST: "300", MAX_BODY_SIZE: "4kb" };

describe("hardening", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  const organisationCount = async () => (await t.app.db.manager.query(`SELECT count(*)::int AS n FROM organisation`))[0].n as number;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const bearer = async (subject: string = USERS.fedasilAdmin) => ({ authorization: `Bearer ${await t.tokenFor(subject)}` });

  const createMutation = (aliases: number, firstNumber: number) => `mutation {
    ${Array.from({ length: aliases }, (_, i) => `o${i}: createOrganisation(input: {
      kind: NGO, name: "Alias ${i}", enterpriseNumber: "${withCheckDigits(`0${firstNumber + i}`)}",
      postalCode: "1000", municipality: "Brussel", province: BRUSSELS_CAPITAL }) { organisation { id } userErrors { code } }`).join("\n")}
  }`;

  describe.each([
    ["maxDepth", `{ viewer { user { organisation { name } } } }`, /depth limit of 3 exceeded, found 4/],
    ["maxAliases", `{ a: viewer { roles } b: viewer { roles } c: viewer { roles } d: viewer { roles } }`, /Aliases limit of 3 exceeded, found 4/],
    ["maxDirectives", `{ ${Array.from({ length: 51 }, (_, i) => `t${i}: __typename @skip(if: false)`).join(" ")} }`, /Directives limit of 50 exceeded, found 51/],
    ["maxTokens", `{ ${"a ".repeat(600)} }`, /more than 600 tokens/],
    ["maxCost", `{ organisations(first: 30) { nodes { id name kind postalCode municipality province version createdAt updatedAt } } }`, /cost limit of 300 exceeded, found 301/],
    ["maxCost", `query($n: Int) { organisations(first: $n) { nodes { id name kind } } }`, /cost limit of 300 exceeded, found 401/],
  ])("the %s limit", (limit, query, message) => {
    it("rejects the operation with 400, QUERY_TOO_COMPLEX and no stack", async () => {
      const res = await t.gql(query, { n: 1 }, USERS.fedasilAdmin);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].message).toMatch(message);
      expect(res.errors![0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit });
    });
  });

  it("accepts operations just under the limits", async () => {
    const res = await t.gql(
      `{ a: viewer { user { displayName } } b: viewer { roles } c: organisations(first: 29) { nodes { id name kind postalCode municipality province version createdAt updatedAt } } }`,
      {},
      USERS.fedasilAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.c.nodes.length).toBeGreaterThan(0);
  });

  it("rejects an over-limit mutation before it runs: nothing is written", async () => {
    const before = await organisationCount();
    const accepted = await t.gql(createMutation(3, 3000000), {}, USERS.fedasilAdmin);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.o2.userErrors).toEqual([]);
    expect(await organisationCount()).toBe(before + 3);
    const res = await t.gql(createMutation(4, 3100000), {}, USERS.fedasilAdmin);
    expect(res.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(await organisationCount()).toBe(before + 3);
  });

  it("answers a syntax error with 400 GRAPHQL_PARSE_FAILED, not a fault", async () => {
    const res = await t.gql(`{ organisations { `, {}, USERS.fedasilAdmin);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
  });

  it("refuses a batch (a JSON array body) before authenticating it", async () => {
    const one = { query: "{ viewer { roles } }" };
    for (const headers of [{}, await bearer()]) {
      const res = await post(JSON.stringify([one, one]), headers);
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("refuses a simple (non-preflighted) request: CSRF prevention", async () => {
    const body = JSON.stringify({ query: "{ viewer { roles } }" });
    const plain = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain", ...(await bearer()) }, body });
    expect(plain.status).toBe(400);
    expect((await plain.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ viewer { roles } }")}`, { headers: await bearer() });
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("executes a GET with a query string when preflighted, but never a mutation", async () => {
    const preflighted = { "apollo-require-preflight": "true", ...(await bearer()) };
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ viewer { roles } }")}`, { headers: preflighted });
    expect(get.status).toBe(200);
    expect((await get.json()).data).toEqual({ viewer: { roles: ["FEDASIL_ADMIN"] } });
    const before = await organisationCount();
    const mutation = await fetch(`${t.url}/graphql?query=${encodeURIComponent(createMutation(1, 3200000))}`, { headers: preflighted });
    expect(mutation.status).toBe(405);
    expect(await organisationCount()).toBe(before);
  });

  it("answers a body over the limit with 413 PAYLOAD_TOO_LARGE", async () => {
    const res = await post(JSON.stringify({ query: `{ viewer { roles } }`, variables: { padding: "x".repeat(5000) } }), await bearer());
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it.each([["not JSON", "{query"], ["a bare number", "42"]])("answers a malformed body (%s) with 400 BAD_REQUEST", async (_label, body) => {
    const res = await post(body, await bearer());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: "Request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("answers a body in an unsupported charset with 415 and a code", async () => {
    const res = await post(JSON.stringify({ query: "{ viewer { roles } }" }), { ...(await bearer()), "content-type": "application/json; charset=latin1" });
    expect(res.status).toBe(415);
    expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await fetch(`${t.url}/wp-admin`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("keeps suggestions outside production, but never a stack for the client's own mistakes", async () => {
    const res = await t.gql(`{ organisationz { totalCount } }`, {}, USERS.fedasilAdmin);
    expect(res.errors?.[0].message).toMatch(/Did you mean "organisations"\?/);
    expect(res.errors?.[0].extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("answers /healthz and /readyz while the database is up", async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});
