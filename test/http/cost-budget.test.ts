import Redis from "ioredis";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";

/** The test suite needs Redis: .ci/run starts it; elsewhere set TEST_REDIS_URL. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A small bucket, refilled so slowly that no test waits long enough to see a point come back. */
const BUDGET = { MAX_QUERY_COST: "500", COST_BUCKET_SIZE: "500", COST_RESTORE_RATE: "1" };

const PAGE_301 = `{ organisations(first: 100) { nodes { id name } } }`;
/** 19 × (1 + 10 + 4) = 285 points: every alias creates the same organisation (one would succeed). */
const CREATE_285 = `mutation($input: CreateOrganisationInput!) { ${Array.from(
  { length: 19 },
  (_, i) => `o${i}: createOrganisation(input: $input) {
    organisation { id name kind postalCode municipality province version createdAt updatedAt } userErrors { field message code } }`,
).join(" ")} }`;
const INPUT = { kind: "NGO", name: "Te veel", enterpriseNumber: withCheckDigits("04000001"), postalCode: "1000", municipality: "Brussel", province: "BRUSSELS_CAPITAL" };

describe.each([
  ["in memory", {}],
  ["in Redis", { REDIS_URL }],
])("each organisation's cost budget, %s", (_label, backend: Record<string, string>) => {
  let t: TestApp;
  let world: World;
  let redis: Redis;
  const bucketKey = (organisation: keyof World["organisations"]) => `thuis:cost:${world.organisations[organisation]}`;
  const organisationCount = async () => (await t.app.db.manager.query(`SELECT count(*)::int AS n FROM organisation`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ ...BUDGET, ...backend });
    world = await seedWorld(t.app.db);
    redis = new Redis(REDIS_URL);
    // Until its client has connected, an instance counts in its own buckets: wait for Redis.
    while (backend.REDIS_URL && !(await redis.exists(bucketKey("evaluators")))) await t.gql(`{ __typename }`, {}, USERS.evaluator);
  }, 180_000);
  afterAll(async () => {
    await redis.del(...Object.keys(world.organisations).map((name) => bucketKey(name as keyof World["organisations"])));
    redis.disconnect();
    await t.close();
  });

  it("tells in every executed response what the operation cost and what is left, as Shopify", async () => {
    const first = await t.gql(`{ viewer { roles } }`, {}, USERS.gentStaff);
    expect(first.extensions).toEqual({
      cost: { requestedQueryCost: 2, throttleStatus: { maximumAvailable: 500, currentlyAvailable: 498, restoreRate: 1 } },
    });
    // Page sizes passed as variables cost what they ask for, not the worst case validation assumes.
    const second = await t.gql(`query($n: Int) { organisations(first: $n) { nodes { id } } }`, { n: 3 }, USERS.gentStaff);
    expect(second.data.organisations.nodes).toHaveLength(3);
    expect(second.extensions?.cost.requestedQueryCost).toBe(1 + 3 * 2);
    expect(second.extensions?.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(491);
    // An operation refused by validation never ran and costs nothing.
    const invalid = await t.gql(`{ viewer { nonsense } }`, {}, USERS.gentStaff);
    expect(invalid.status).toBe(400);
    expect(invalid.extensions).toBeUndefined();
  });

  it("answers THROTTLED, HTTP 200, once the organisation's points are spent (by any of its users), and runs nothing", async () => {
    expect((await t.gql(PAGE_301, {}, USERS.fedasilAdmin)).errors).toBeUndefined();
    const query = await t.gql(PAGE_301, {}, USERS.fedasilStaff);
    expect(query.status).toBe(200);
    expect(query.data).toBeUndefined();
    expect(query.errors).toEqual([{ message: expect.stringMatching(/^Throttled: this operation costs 301 points/), extensions: { code: "THROTTLED" } }]);
    expect(query.extensions?.cost).toEqual({
      requestedQueryCost: 301,
      throttleStatus: { maximumAvailable: 500, currentlyAvailable: expect.any(Number), restoreRate: 1 },
    });
    expect(query.extensions?.cost.throttleStatus.currentlyAvailable).toBeLessThan(301);

    const before = await organisationCount();
    const mutation = await t.gql(CREATE_285, { input: INPUT }, USERS.fedasilAdmin);
    expect(mutation.errors?.[0].extensions?.code).toBe("THROTTLED");
    expect(mutation.extensions?.cost.requestedQueryCost).toBe(285);
    expect(await organisationCount()).toBe(before);
  });

  it("keeps one bucket per organisation: another organisation is not held back", async () => {
    const res = await t.gql(PAGE_301, {}, USERS.liegeStaff);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cost.throttleStatus.currentlyAvailable).toBe(199);
  });

  it("keeps the buckets in Redis only when REDIS_URL is set", async () => {
    expect(await redis.exists(bucketKey("fedasil"))).toBe(backend.REDIS_URL ? 1 : 0);
  });
});
