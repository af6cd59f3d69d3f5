import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { footprint, gid, insertRow, userErrorCodes } from "./fixtures";

const CREATE = `
  mutation Create($input: CreateHouseholdInput!) {
    createHousehold(input: $input) {
      household { id reference status arrivalRoute expectedArrivalOn version personCount resettledPersonCount
                  head { givenName familyName } persons { givenName relationship resettled version } agreement { reference } }
      userErrors { field message code }
    }
  }`;

const UPDATE = `
  mutation Update($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) {
      household { id reference status arrivalRoute expectedArrivalOn exitedOn exitReason version }
      userErrors { field message code }
    }
  }`;

const person = (givenName: string, birthDate: string, extra: Record<string, unknown> = {}) => ({ givenName, familyName: "Haddad", birthDate, sex: "FEMALE", ...extra });

describe("createHousehold and updateHousehold", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  const input = (overrides: Record<string, unknown> = {}) => ({
    agreementId: gid("Agreement", world.agreements.gent),
    reference: `HH-NEW-${++serial}`,
    arrivalRoute: "DIRECT",
    expectedArrivalOn: "2026-03-01",
    head: person("Amina", "1990-04-02"),
    members: [person("Omar", "2015-09-12", { relationship: "CHILD", sex: "MALE" })],
    ...overrides,
  });
  const create = (variables: Record<string, unknown>, subject: string = USERS.gentCoordinator) => t.gql(CREATE, { input: variables }, subject);
  const created = async (overrides: Record<string, unknown> = {}) => {
    const res = await create(input(overrides));
    expect(res.data.createHousehold.userErrors).toEqual([]);
    return res.data.createHousehold.household as { id: string; version: number; reference: string };
  };
  const update = (variables: Record<string, unknown>, subject: string = USERS.gentCoordinator) => t.gql(UPDATE, { input: variables }, subject);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  describe("createHousehold", () => {
    it("registers a household with its head first, trimmed names, the resettled default and audit events", async () => {
      const res = await create(input({
        reference: "  HH-GENT-FAMILY ",
        head: person("  Amina ", "1990-04-02", { relationship: "HEAD" }),
        members: [
          person("Omar", "2015-09-12", { relationship: "CHILD", sex: "MALE" }),
          person("Nour", "2026-03-02", { relationship: "CHILD" }),
          person("Hana", "2026-03-01", { relationship: "CHILD" }),
        ],
      }));
      expect(res.errors).toBeUndefined();
      const { household, userErrors } = res.data.createHousehold;
      expect(userErrors).toEqual([]);
      expect(household).toMatchObject({
        reference: "HH-GENT-FAMILY",
        status: "PLANNED",
        version: 1,
        personCount: 4,
        resettledPersonCount: 3,
        head: { givenName: "Amina", familyName: "Haddad" },
        agreement: { reference: "RES-2025-GENT" },
      });
      expect(household.persons).toEqual([
        { givenName: "Amina", relationship: "HEAD", resettled: true, version: 1 },
        { givenName: "Omar", relationship: "CHILD", resettled: true, version: 1 },
        { givenName: "Hana", relationship: "CHILD", resettled: true, version: 1 },
        { givenName: "Nour", relationship: "CHILD", resettled: false, version: 1 },
      ]);
      const audit = await t.app.db.manager.query(
        `SELECT subject_type, consortium_id, actor_user_id FROM audit_event WHERE action = 'createHousehold' ORDER BY subject_type`,
      );
      expect(audit.map((a: { subject_type: string }) => a.subject_type)).toEqual(["Household", "Person", "Person", "Person", "Person"]);
      expect(audit.every((a: { consortium_id: string; actor_user_id: string }) => a.consortium_id === world.consortia.gent && a.actor_user_id === world.users.gentCoordinator)).toBe(true);
    });

    it("refuses a second head, a member without relationship, bad names and birth dates, and resettled for a child born after arrival", async () => {
      const before = await footprint(t.app.db);
      const res = await create(input({
        head: person(" ", "1899-12-31", { relationship: "PARTNER" }),
        members: [
          person("x".repeat(101), "2015-01-01", { relationship: "HEAD" }),
          person("Sami", "2099-01-01"),
          person("Nour", "2026-03-02", { relationship: "CHILD", resettled: true }),
        ],
      }));
      expect(res.data.createHousehold.household).toBeNull();
      expect(userErrorCodes(res.data.createHousehold).sort()).toEqual([
        "input.head.birthDate:INVALID",
        "input.head.givenName:REQUIRED",
        "input.head.relationship:INVALID",
        "input.members.0.givenName:TOO_LONG",
        "input.members.0.relationship:ONE_HEAD_ONLY",
        "input.members.1.birthDate:INVALID",
        "input.members.1.relationship:REQUIRED",
        "input.members.2.resettled:INVALID",
      ]);
      expect(await footprint(t.app.db)).toEqual(before);
    });

    it("answers a taken reference with TAKEN and writes nothing", async () => {
      const before = await footprint(t.app.db);
      const res = await create(input({ reference: "HH-LIEGE-1" }));
      expect(userErrorCodes(res.data.createHousehold)).toEqual(["input.reference:TAKEN"]);
      expect(await footprint(t.app.db)).toEqual(before);
    });

    it("keeps the agreement within its capacity of resettled persons, not counting exited households", async () => {
      const small = await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-SMALL", status: "DRAFT", starts_on: "2026-01-01", ends_on: "2026-12-31", capacity: 3 });
      const agreementId = gid("Agreement", small);
      // Two resettled persons and a child born after arrival, who does not count.
      const first = await created({ agreementId, members: [person("Omar", "2015-09-12", { relationship: "CHILD" }), person("Nour", "2026-04-01", { relationship: "CHILD" })] });
      const before = await footprint(t.app.db);
      const full = await create(input({ agreementId }));
      expect(userErrorCodes(full.data.createHousehold)).toEqual(["input.agreementId:CAPACITY_EXCEEDED"]);
      expect(await footprint(t.app.db)).toEqual(before);
      expect((await create(input({ agreementId, members: [] }))).data.createHousehold.userErrors).toEqual([]);
      expect(userErrorCodes((await create(input({ agreementId, members: [] }))).data.createHousehold)).toEqual(["input.agreementId:CAPACITY_EXCEEDED"]);
      const exit = await update({ householdId: first.id, expectedVersion: 1, status: "EXITED", exitedOn: "2026-01-15", exitReason: "Left for family abroad" });
      expect(exit.data.updateHousehold.userErrors).toEqual([]);
      expect((await create(input({ agreementId }))).data.createHousehold.userErrors).toEqual([]);
    });

    it("lets only as many concurrent registrations through as the capacity has room for", async () => {
      const small = await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-RACE", status: "ACTIVE", starts_on: "2026-01-01", ends_on: "2026-12-31", capacity: 5 });
      const agreementId = gid("Agreement", small);
      const results = await Promise.all([1, 2, 3, 4].map(() => create(input({ agreementId }))));
      const codes = results.map((r) => userErrorCodes(r.data.createHousehold).join(",")).sort();
      expect(codes).toEqual(["", "", "input.agreementId:CAPACITY_EXCEEDED", "input.agreementId:CAPACITY_EXCEEDED"]);
      const [{ placed }] = await t.app.db.manager.query(
        `SELECT count(*)::int AS placed FROM person p JOIN household h ON h.id = p.household_id WHERE h.agreement_id = $1`,
        [small],
      );
      expect(placed).toBe(4);
    });

    it("accepts households under DRAFT and ACTIVE agreements only", async () => {
      const ended = await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-ENDED", status: "ENDED", starts_on: "2024-01-01", ends_on: "2024-12-31", capacity: 10 });
      const res = await create(input({ agreementId: gid("Agreement", ended) }));
      expect(userErrorCodes(res.data.createHousehold)).toEqual(["input.agreementId:INVALID_STATE"]);
    });

    it("returns the first result for a retried idempotency key and writes nothing new", async () => {
      const retried = input({ idempotencyKey: "household-retry-1" });
      const first = await create(retried);
      const before = await footprint(t.app.db);
      const second = await create(retried);
      expect(second.data.createHousehold).toMatchObject({ userErrors: [], household: { id: first.data.createHousehold.household.id, personCount: 2 } });
      expect(await footprint(t.app.db)).toEqual(before);
      const reused = await create({ ...retried, reference: "HH-OTHER" });
      expect(userErrorCodes(reused.data.createHousehold)).toEqual(["input.idempotencyKey:IDEMPOTENCY_KEY_REUSED"]);
    });

    it.each([
      ["gent staff", USERS.gentStaff, "FORBIDDEN"],
      ["Fedasil staff", USERS.fedasilStaff, "FORBIDDEN"],
      ["a Fedasil admin", USERS.fedasilAdmin, "FORBIDDEN"],
      ["Liège's coordinator", USERS.liegeCoordinator, "NOT_FOUND"],
      ["an evaluator", USERS.evaluator, "NOT_FOUND"],
    ])("refuses %s (%s) and writes nothing", async (_who, subject, code) => {
      const before = await footprint(t.app.db);
      const res = await create(input(), subject);
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.data?.createHousehold ?? null).toBeNull();
      expect(await footprint(t.app.db)).toEqual(before);
    });

    it("answers NOT_FOUND for an id that is not an agreement", async () => {
      const res = await create(input({ agreementId: gid("Household", world.households.gent) }));
      expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    });
  });

  describe("updateHousehold", () => {
    it("lets a coordinator correct the facts, with a new version and an audit event", async () => {
      const household = await created();
      const res = await update({ householdId: household.id, expectedVersion: 1, reference: "  HH-RENAMED ", arrivalRoute: null, expectedArrivalOn: "2026-04-01" });
      expect(res.data.updateHousehold).toMatchObject({
        userErrors: [],
        household: { id: household.id, reference: "HH-RENAMED", arrivalRoute: null, expectedArrivalOn: "2026-04-01", version: 2 },
      });
      const [audit] = await t.app.db.manager.query(
        `SELECT before, after, consortium_id FROM audit_event WHERE action = 'updateHousehold' AND subject_id = (SELECT id FROM household WHERE reference = 'HH-RENAMED')`,
      );
      expect(audit).toMatchObject({ before: { reference: household.reference, version: 1 }, after: { reference: "HH-RENAMED", version: 2 }, consortium_id: world.consortia.gent });
    });

    it("answers a stale version with CONFLICT and writes nothing", async () => {
      const household = await created();
      await update({ householdId: household.id, expectedVersion: 1, expectedArrivalOn: "2026-03-05" });
      const before = await footprint(t.app.db);
      const stale = await update({ householdId: household.id, expectedVersion: 1, reference: "HH-STALE" });
      expect(userErrorCodes(stale.data.updateHousehold)).toEqual(["input.expectedVersion:CONFLICT"]);
      expect(await footprint(t.app.db)).toEqual(before);
    });

    it("answers a taken reference with TAKEN", async () => {
      const household = await created();
      const res = await update({ householdId: household.id, expectedVersion: 1, reference: "HH-GENT-1" });
      expect(userErrorCodes(res.data.updateHousehold)).toEqual(["input.reference:TAKEN"]);
    });

    it("refuses an expected arrival before the birth of a resettled member", async () => {
      const household = await created({ members: [person("Omar", "2025-10-01", { relationship: "CHILD" })] });
      const res = await update({ householdId: household.id, expectedVersion: 1, expectedArrivalOn: "2025-09-30" });
      expect(userErrorCodes(res.data.updateHousehold)).toEqual(["input.expectedArrivalOn:INVALID"]);
    });

    it("lets Fedasil staff and admins change the status only", async () => {
      const household = await created();
      const facts = await update({ householdId: household.id, expectedVersion: 1, reference: "HH-BY-FEDASIL" }, USERS.fedasilStaff);
      expect(facts.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const mixed = await update({ householdId: household.id, expectedVersion: 1, expectedArrivalOn: "2026-05-01", status: "EXITED", exitedOn: "2026-01-10", exitReason: "Withdrew" }, USERS.fedasilAdmin);
      expect(mixed.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      const exit = await update({ householdId: household.id, expectedVersion: 1, status: "EXITED", exitedOn: "2026-01-10", exitReason: "  Withdrew before arrival " }, USERS.fedasilStaff);
      expect(exit.data.updateHousehold).toMatchObject({ userErrors: [], household: { status: "EXITED", exitedOn: "2026-01-10", exitReason: "Withdrew before arrival", version: 2 } });
    });

    it("follows the status machine: no start of accompaniment here, an exit needs its date and reason", async () => {
      const household = await created();
      const codes = async (changes: Record<string, unknown>) => userErrorCodes((await update({ householdId: household.id, expectedVersion: 1, ...changes })).data.updateHousehold);
      expect(await codes({ status: "IN_ACCOMPANIMENT" })).toEqual(["input.status:INVALID_STATE"]);
      expect(await codes({ status: "COMPLETED" })).toEqual(["input.status:INVALID_STATE"]);
      expect(await codes({ status: "EXITED" })).toEqual(["input.exitedOn:REQUIRED", "input.exitReason:REQUIRED"]);
      expect(await codes({ status: "EXITED", exitedOn: "2099-01-01", exitReason: "x" })).toEqual(["input.exitedOn:INVALID_DATE_RANGE"]);
      expect(await codes({ exitReason: "no status" })).toEqual(["input.status:REQUIRED"]);
      expect(await codes({ status: "PLANNED" })).toEqual(["input:REQUIRED"]);
    });

    it("lets a coordinator complete an accompanied household", async () => {
      const household = await created();
      const key = (await t.app.db.manager.query(`SELECT id FROM household WHERE reference = $1`, [household.reference]))[0].id;
      await t.app.db.manager.query(`UPDATE household SET status = 'EXTENDED', arrived_on = '2024-03-01' WHERE id = $1`, [key]);
      const res = await update({ householdId: household.id, expectedVersion: 1, status: "COMPLETED" });
      expect(res.data.updateHousehold).toMatchObject({ userErrors: [], household: { status: "COMPLETED", version: 2 } });
    });

    it.each([
      ["gent staff", USERS.gentStaff, "FORBIDDEN"],
      ["Liège's coordinator", USERS.liegeCoordinator, "NOT_FOUND"],
      ["Liège's staff", USERS.liegeStaff, "NOT_FOUND"],
      ["an evaluator", USERS.evaluator, "NOT_FOUND"],
    ])("refuses %s (%s) a status change and writes nothing", async (_who, subject, code) => {
      const before = await footprint(t.app.db);
      const res = await update({ householdId: gid("Household", world.households.gent), expectedVersion: 1, status: "EXITED", exitedOn: "2026-01-10", exitReason: "x" }, subject);
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await footprint(t.app.db)).toEqual(before);
      const [row] = await t.app.db.manager.query(`SELECT status, version FROM household WHERE id = $1`, [world.households.gent]);
      expect(row).toEqual({ status: "PLANNED", version: 1 });
    });
  });
});
