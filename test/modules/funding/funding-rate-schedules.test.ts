import { fundingLinesFor } from "../../../src/modules/funding/funding-lines";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { count, userErrorCodes } from "../households/fixtures";

const SCHEDULE_FIELDS = `id effectiveFrom note createdAt rates { id kind amount { amount currencyCode } }`;
const LIST = `query List($first: Int, $after: String) {
  fundingRateSchedules(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${SCHEDULE_FIELDS} } }
}`;
const CREATE = `mutation Create($input: CreateFundingRateScheduleInput!) {
  createFundingRateSchedule(input: $input) { fundingRateSchedule { ${SCHEDULE_FIELDS} } userErrors { field code message } }
}`;
const NODE = `query Node($id: ID!) {
  node(id: $id) { id ... on FundingRateSchedule { effectiveFrom } ... on FundingRate { kind amount { amount } schedule { effectiveFrom } } }
}`;

const eur = (amount: string) => ({ amount, currencyCode: "EUR" });
const INITIAL_RATES = [
  { kind: "BASE", amount: eur("3000.00") },
  { kind: "EXTENSION", amount: eur("600.00") },
  { kind: "DIRECT_ARRIVAL_HEAD", amount: eur("2000.00") },
  { kind: "DIRECT_ARRIVAL_MEMBER", amount: eur("500.00") },
];
const rates = (base: string, extension: string, head: string, member: string) => [
  { kind: "BASE", amount: eur(base) },
  { kind: "EXTENSION", amount: eur(extension) },
  { kind: "DIRECT_ARRIVAL_HEAD", amount: eur(head) },
  { kind: "DIRECT_ARRIVAL_MEMBER", amount: eur(member) },
];
const withoutIds = (schedule: { rates: Array<{ id: string }> }) => schedule.rates.map(({ id: _id, ...rate }) => rate);

describe("funding rate schedules", () => {
  let t: TestApp;
  let world: World;
  const footprint = async () => ({
    schedules: await count(t.app.db, "funding_rate_schedule"),
    rates: await count(t.app.db, "funding_rate"),
    audit: await count(t.app.db, "audit_event"),
    idempotency: await count(t.app.db, "idempotency_record"),
  });
  const create = async (input: Record<string, unknown>, subject: string = USERS.fedasilAdmin) => {
    const res = await t.gql(CREATE, { input }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.createFundingRateSchedule;
  };
  const list = async (subject: string, page: { first?: number; after?: string } = { first: 100 }) => {
    const res = await t.gql(LIST, page, subject);
    expect(res.errors).toBeUndefined();
    return res.data.fundingRateSchedules;
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("holds the programme's initial schedule from the migrations, readable by every role", async () => {
    for (const subject of Object.values(USERS)) {
      const schedules = await list(subject);
      expect(schedules.totalCount).toBe(1);
      expect(schedules.nodes[0]).toMatchObject({ effectiveFrom: "2016-01-01", note: "The programme's initial rates." });
      expect(withoutIds(schedules.nodes[0])).toEqual(INITIAL_RATES);
    }
  });

  it("finds a schedule and each rate by node(id) for every role", async () => {
    const [initial] = (await list(USERS.gentStaff)).nodes;
    for (const subject of Object.values(USERS)) {
      expect((await t.gql(NODE, { id: initial.id }, subject)).data.node).toEqual({ id: initial.id, effectiveFrom: "2016-01-01" });
      const rate = (await t.gql(NODE, { id: initial.rates[2].id }, subject)).data.node;
      expect(rate).toEqual({ id: initial.rates[2].id, kind: "DIRECT_ARRIVAL_HEAD", amount: { amount: "2000.00" }, schedule: { effectiveFrom: "2016-01-01" } });
    }
  });

  it("lets a Fedasil admin add a schedule: listed first, rates in the order of the terms, note trimmed, audited", async () => {
    const input = {
      effectiveFrom: "2027-01-01",
      rates: [...rates("3200", "650.5", "2100.00", "525.25")].reverse(),
      note: "  Indexed rates for 2027. ",
    };
    const payload = await create(input);
    expect(payload.userErrors).toEqual([]);
    expect(payload.fundingRateSchedule).toMatchObject({ effectiveFrom: "2027-01-01", note: "Indexed rates for 2027." });
    expect(withoutIds(payload.fundingRateSchedule)).toEqual(rates("3200.00", "650.50", "2100.00", "525.25"));

    const schedules = await list(USERS.liegeStaff);
    expect(schedules.nodes.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(["2027-01-01", "2016-01-01"]);
    expect(schedules.nodes[0].id).toBe(payload.fundingRateSchedule.id);

    const [audit] = await t.app.db.manager.query(`SELECT subject_type, consortium_id, before, after, actor_user_id FROM audit_event WHERE action = 'createFundingRateSchedule'`);
    expect(audit).toMatchObject({
      subject_type: "FundingRateSchedule",
      consortium_id: null,
      before: null,
      after: { effectiveFrom: "2027-01-01", note: "Indexed rates for 2027.", BASE: 320000, EXTENSION: 65050, DIRECT_ARRIVAL_HEAD: 210000, DIRECT_ARRIVAL_MEMBER: 52525 },
      actor_user_id: world.users.fedasilAdmin,
    });
  });

  it("pages newest first", async () => {
    await create({ effectiveFrom: "2026-07-01", rates: rates("3100", "620", "2050", "510") });
    const first = await list(USERS.evaluator, { first: 1 });
    expect(first.nodes.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(["2027-01-01"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list(USERS.evaluator, { first: 5, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(["2026-07-01", "2016-01-01"]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(3);
  });

  it("gives the funding engine every stored schedule, each line at the rates in force on its due date", async () => {
    const schedules = await t.app.services.fundingRateSchedules.engineSchedules();
    const facts = { resettledPersons: 5, headResettled: true, route: "DIRECT" as const, accompanimentStartsOn: "2026-03-01", secondYearStartsOn: "2027-03-01" };
    const outcome = fundingLinesFor(facts, schedules);
    expect(outcome.ok && outcome.lines.map((line) => [line.kind, line.amountCents, line.scheduleEffectiveFrom])).toEqual([
      ["BASE", 1500000, "2016-01-01"],
      ["DIRECT_ARRIVAL_HEAD", 200000, "2016-01-01"],
      ["DIRECT_ARRIVAL_MEMBER", 200000, "2016-01-01"],
      ["EXTENSION", 325250, "2027-01-01"],
    ]);
    expect(schedules.find((s) => s.effectiveFrom === "2026-07-01")).toMatchObject({ key: expect.any(String), rates: { BASE: 310000, EXTENSION: 62000, DIRECT_ARRIVAL_HEAD: 205000, DIRECT_ARRIVAL_MEMBER: 51000 } });
  });

  it("answers a second schedule on a taken day with TAKEN and writes nothing", async () => {
    const before = await footprint();
    const payload = await create({ effectiveFrom: "2016-01-01", rates: rates("1", "1", "1", "1") });
    expect(payload).toMatchObject({ fundingRateSchedule: null, userErrors: [{ field: ["input", "effectiveFrom"], code: "TAKEN" }] });
    expect(await footprint()).toEqual(before);
  });

  it.each<[string, unknown[], string[]]>([
    ["a missing kind", rates("3000", "600", "2000", "500").slice(0, 3), ["input.rates:REQUIRED"]],
    ["a kind given twice", [...rates("3000", "600", "2000", "500"), { kind: "BASE", amount: eur("1.00") }], ["input.rates.4.kind:INVALID"]],
    ["amounts that are zero, negative, over two decimals or not numbers", rates("0", "-600.00", "2000.001", "five"), [
      "input.rates.0.amount.amount:INVALID",
      "input.rates.1.amount.amount:INVALID",
      "input.rates.2.amount.amount:INVALID",
      "input.rates.3.amount.amount:INVALID",
    ]],
    ["an amount above 1000000.00", rates("1000000.01", "600", "2000", "500"), ["input.rates.0.amount.amount:INVALID"]],
    ["no rates at all", [], ["input.rates:REQUIRED"]],
  ])("refuses %s as user errors, writing nothing", async (_, given, codes) => {
    const before = await footprint();
    const payload = await create({ effectiveFrom: "2030-01-01", rates: given });
    expect(payload.fundingRateSchedule).toBeNull();
    expect(userErrorCodes(payload)).toEqual(codes);
    expect(await footprint()).toEqual(before);
  });

  it("refuses a note over 500 characters and a day that does not exist, writing nothing", async () => {
    const before = await footprint();
    const long = await create({ effectiveFrom: "2030-01-01", rates: rates("3000", "600", "2000", "500"), note: "x".repeat(501) });
    expect(userErrorCodes(long)).toEqual(["input.note:TOO_LONG"]);
    const impossible = await t.gql(CREATE, { input: { effectiveFrom: "2030-02-30", rates: rates("3000", "600", "2000", "500") } }, USERS.fedasilAdmin);
    expect(impossible.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint()).toEqual(before);
  });

  it("returns the first result for a retried idempotency key and refuses the key for another request", async () => {
    const input = { effectiveFrom: "2028-01-01", rates: rates("3300", "700", "2200", "550"), idempotencyKey: "rates-2028" };
    const first = await create(input);
    const before = await footprint();
    const again = await create(input);
    expect(again).toEqual(first);
    const other = await create({ ...input, effectiveFrom: "2029-01-01" });
    expect(userErrorCodes(other)).toEqual(["input.idempotencyKey:IDEMPOTENCY_KEY_REUSED"]);
    expect(await footprint()).toEqual(before);
  });

  it.each([USERS.fedasilStaff, USERS.gentCoordinator, USERS.gentStaff, USERS.liegeCoordinator, USERS.evaluator])(
    "refuses a schedule from %s with FORBIDDEN, writing nothing",
    async (subject) => {
      const before = await footprint();
      const res = await t.gql(CREATE, { input: { effectiveFrom: "2031-01-01", rates: rates("3000", "600", "2000", "500") } }, subject);
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(res.data?.createFundingRateSchedule ?? null).toBeNull();
      expect(await footprint()).toEqual(before);
    },
  );

  it("refuses anonymous readers", async () => {
    const res = await t.gql(LIST, { first: 1 });
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps an incomplete schedule out of the database even when written around the API", async () => {
    const before = await footprint();
    const incomplete = t.app.db.transaction(async (manager) => {
      const [{ id }] = await manager.query(`INSERT INTO funding_rate_schedule (effective_from) VALUES ('2032-01-01') RETURNING id`);
      await manager.query(`INSERT INTO funding_rate (schedule_id, kind, amount_cents) VALUES ($1, 'BASE', 300000)`, [id]);
    });
    await expect(incomplete).rejects.toThrow(/needs one rate of each of the four kinds/);
    const zero = t.app.db.manager.query(`INSERT INTO funding_rate (schedule_id, kind, amount_cents) SELECT id, 'BASE', 0 FROM funding_rate_schedule LIMIT 1`);
    await expect(zero).rejects.toThrow();
    expect(await footprint()).toEqual(before);
  });
});
