import { toGlobalId } from "../../../src/graphql/global-id";
import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { CANNOT_MANAGE, topLevelCode, userErrorsOf, writeState } from "../consortia/support";

const AGREEMENT = `agreement {
  id reference status signedOn startsOn endsOn capacity version endedOn endReason
  consortium { name } fedasilContact { displayName }
}`;
const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${AGREEMENT} userErrors { field message code } } }`;
const ACTIVATE = `mutation($input: ActivateAgreementInput!) { activateAgreement(input: $input) { ${AGREEMENT} userErrors { field message code } } }`;
const END = `mutation($input: EndAgreementInput!) { endAgreement(input: $input) { ${AGREEMENT} userErrors { field message code } } }`;

describe("agreements (mutations)", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  const gid = (type: string, key: string) => toGlobalId(type, key);
  const input = (overrides: Record<string, unknown> = {}) => ({
    consortiumId: gid("Consortium", world.consortia.gent),
    reference: `RES-T-${++serial}`,
    startsOn: "2024-01-01",
    endsOn: "2024-12-31",
    capacity: 12,
    ...overrides,
  });

  /** A DRAFT agreement of Gent, created by an admin. */
  async function draft(overrides: Record<string, unknown> = {}) {
    const res = await t.gql(CREATE, { input: input(overrides) }, USERS.fedasilAdmin);
    expect(res.data.createAgreement.userErrors).toEqual([]);
    return res.data.createAgreement.agreement;
  }

  /** An ACTIVE agreement of Gent over 2024, signed late 2023. */
  async function active() {
    const agreement = await draft({ signedOn: "2023-12-01" });
    const res = await t.gql(ACTIVATE, { input: { agreementId: agreement.id, expectedVersion: 1 } }, USERS.fedasilAdmin);
    return res.data.activateAgreement.agreement;
  }

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  describe("createAgreement", () => {
    it("creates a DRAFT agreement with its contact person, audited", async () => {
      const agreement = await draft({ reference: "RES-2026-NEW", fedasilContactId: gid("User", world.users.fedasilAdmin), signedOn: "2023-11-30" });
      expect(agreement).toMatchObject({
        reference: "RES-2026-NEW",
        status: "DRAFT",
        signedOn: "2023-11-30",
        startsOn: "2024-01-01",
        endsOn: "2024-12-31",
        capacity: 12,
        version: 1,
        endedOn: null,
        consortium: { name: "Consortium Gent" },
        fedasilContact: { displayName: "fedasil-admin" },
      });
      const audit = await t.app.db.manager.query(`SELECT consortium_id, after FROM audit_event WHERE action = 'createAgreement' AND after->>'reference' = 'RES-2026-NEW'`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ consortium_id: world.consortia.gent, after: { status: "DRAFT", capacity: 12 } });
    });

    it.each([
      ["an empty period", () => ({ endsOn: "2024-01-01" }), ["input.endsOn:INVALID_DATE_RANGE"]],
      ["a reversed period", () => ({ endsOn: "2023-12-31" }), ["input.endsOn:INVALID_DATE_RANGE"]],
      ["a signature in the future", () => ({ signedOn: addDays(todayInBrussels(), 1) }), ["input.signedOn:INVALID_DATE_RANGE"]],
      ["no capacity", () => ({ capacity: 0 }), ["input.capacity:INVALID"]],
      ["a taken reference", () => ({ reference: "RES-2025-LIEGE" }), ["input.reference:TAKEN"]],
      ["an empty reference", () => ({ reference: "" }), ["input.reference:INVALID"]],
      ["a partner as contact", () => ({ fedasilContactId: gid("User", world.users.gentCoordinator) }), ["input.fedasilContactId:WRONG_KIND"]],
      ["an evaluator as contact", () => ({ fedasilContactId: gid("User", world.users.evaluator) }), ["input.fedasilContactId:WRONG_KIND"]],
      ["an unknown contact", () => ({ fedasilContactId: gid("Organisation", world.organisations.fedasil) }), ["input.fedasilContactId:UNKNOWN_REFERENCE"]],
    ])("refuses %s with a user error and writes nothing", async (_label, overrides, expected) => {
      const before = await writeState(t.app.db);
      const res = await t.gql(CREATE, { input: input(overrides()) }, USERS.fedasilAdmin);
      expect(res.data.createAgreement.agreement).toBeNull();
      expect(userErrorsOf(res.data.createAgreement)).toEqual(expected);
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("refuses a blank reference as a user error and a day of year 0 as bad input, writing nothing", async () => {
      const before = await writeState(t.app.db);
      const blank = await t.gql(CREATE, { input: input({ reference: "  " }) }, USERS.fedasilAdmin);
      expect(userErrorsOf(blank.data.createAgreement)).toEqual(["input.reference:REQUIRED"]);
      const yearZero = await t.gql(CREATE, { input: input({ signedOn: "0000-01-01" }) }, USERS.fedasilAdmin);
      expect({ status: yearZero.status, code: topLevelCode(yearZero) }).toEqual({ status: 400, code: "BAD_USER_INPUT" });
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("returns the first result for a retried idempotency key and writes nothing new", async () => {
      const retried = input({ idempotencyKey: "agreement-retry" });
      const first = await t.gql(CREATE, { input: retried }, USERS.fedasilAdmin);
      const before = await writeState(t.app.db);
      const second = await t.gql(CREATE, { input: retried }, USERS.fedasilAdmin);
      expect(second.data.createAgreement.agreement.id).toBe(first.data.createAgreement.agreement.id);
      expect(await writeState(t.app.db)).toEqual(before);
      const reused = await t.gql(CREATE, { input: { ...retried, capacity: 99 } }, USERS.fedasilAdmin);
      expect(userErrorsOf(reused.data.createAgreement)).toEqual(["input.idempotencyKey:IDEMPOTENCY_KEY_REUSED"]);
    });

    it("answers NOT_FOUND to a partner of Gent for Liège and FORBIDDEN for Gent, writing nothing", async () => {
      const before = await writeState(t.app.db);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff]) {
        const res = await t.gql(CREATE, { input: input({ consortiumId: gid("Consortium", world.consortia.liege) }) }, subject);
        expect(topLevelCode(res)).toBe("NOT_FOUND");
      }
      for (const subject of CANNOT_MANAGE) expect(topLevelCode(await t.gql(CREATE, { input: input() }, subject))).toBe("FORBIDDEN");
      const unknown = await t.gql(CREATE, { input: input({ consortiumId: gid("Agreement", world.agreements.gent) }) }, USERS.fedasilAdmin);
      expect(topLevelCode(unknown)).toBe("NOT_FOUND");
      expect(await writeState(t.app.db)).toEqual(before);
    });
  });

  describe("activateAgreement", () => {
    it("activates a draft once it is signed", async () => {
      const agreement = await draft();
      const before = await writeState(t.app.db);
      const unsigned = await t.gql(ACTIVATE, { input: { agreementId: agreement.id, expectedVersion: 1 } }, USERS.fedasilAdmin);
      expect(userErrorsOf(unsigned.data.activateAgreement)).toEqual(["input.signedOn:REQUIRED"]);
      expect(await writeState(t.app.db)).toEqual(before);
      const res = await t.gql(ACTIVATE, { input: { agreementId: agreement.id, expectedVersion: 1, signedOn: "2023-12-15" } }, USERS.fedasilAdmin);
      expect(res.data.activateAgreement.agreement).toMatchObject({ status: "ACTIVE", signedOn: "2023-12-15", version: 2 });
      const audit = await t.app.db.manager.query(`SELECT before->>'status' AS was, after->>'status' AS now FROM audit_event WHERE action = 'activateAgreement'`);
      expect(audit).toEqual([{ was: "DRAFT", now: "ACTIVE" }]);
    });

    it("uses the signature given at creation", async () => {
      const agreement = await active();
      expect(agreement).toMatchObject({ status: "ACTIVE", signedOn: "2023-12-01", version: 2 });
    });

    it("refuses an active agreement, a stale version and a future signature, writing nothing", async () => {
      const agreement = await active();
      const unsigned = await draft();
      const activate = (agreementId: string, extra: Record<string, unknown>) =>
        t.gql(ACTIVATE, { input: { agreementId, expectedVersion: 1, ...extra } }, USERS.fedasilAdmin).then((res) => userErrorsOf(res.data.activateAgreement));
      const before = await writeState(t.app.db);
      expect(await activate(agreement.id, { expectedVersion: 2 })).toEqual(["input.agreementId:INVALID_STATE"]);
      expect(await activate(agreement.id, {})).toEqual(["input.expectedVersion:CONFLICT"]);
      expect(await activate(unsigned.id, { signedOn: addDays(todayInBrussels(), 1) })).toEqual(["input.signedOn:INVALID_DATE_RANGE"]);
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("answers NOT_FOUND to a partner of Gent for Liège and FORBIDDEN for Gent, writing nothing", async () => {
      const gent = await draft({ signedOn: "2023-12-01" });
      const liege = await draft({ consortiumId: gid("Consortium", world.consortia.liege), signedOn: "2023-12-01" });
      const before = await writeState(t.app.db);
      const activate = (agreementId: string, subject: string) => t.gql(ACTIVATE, { input: { agreementId, expectedVersion: 1 } }, subject);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff]) expect(topLevelCode(await activate(liege.id, subject))).toBe("NOT_FOUND");
      for (const subject of CANNOT_MANAGE) expect(topLevelCode(await activate(gent.id, subject))).toBe("FORBIDDEN");
      expect(topLevelCode(await activate("bogus", USERS.fedasilAdmin))).toBe("NOT_FOUND");
      expect(await writeState(t.app.db)).toEqual(before);
    });
  });

  describe("endAgreement", () => {
    it("ends an active agreement at its term", async () => {
      const agreement = await active();
      const res = await t.gql(END, { input: { agreementId: agreement.id, expectedVersion: 2, endedOn: "2024-12-31" } }, USERS.fedasilAdmin);
      expect(res.data.endAgreement.userErrors).toEqual([]);
      expect(res.data.endAgreement.agreement).toMatchObject({ status: "ENDED", endedOn: "2024-12-31", endReason: null, version: 3 });
      const again = await t.gql(END, { input: { agreementId: agreement.id, expectedVersion: 3, endedOn: "2025-01-31" } }, USERS.fedasilAdmin);
      expect(userErrorsOf(again.data.endAgreement)).toEqual(["input.agreementId:INVALID_STATE"]);
    });

    it("terminates an active agreement early, with a reason", async () => {
      const agreement = await active();
      const end = (extra: Record<string, unknown>) =>
        t.gql(END, { input: { agreementId: agreement.id, expectedVersion: 2, endedOn: "2024-06-30", terminated: true, ...extra } }, USERS.fedasilAdmin);
      const before = await writeState(t.app.db);
      expect(userErrorsOf((await end({})).data.endAgreement)).toEqual(["input.reason:REQUIRED"]);
      expect(userErrorsOf((await end({ terminated: false })).data.endAgreement)).toEqual(["input.endedOn:INVALID_DATE_RANGE"]);
      expect(userErrorsOf((await end({ endedOn: "2024-12-31", reason: "late" })).data.endAgreement)).toEqual(["input.endedOn:INVALID_DATE_RANGE"]);
      expect(userErrorsOf((await end({ reason: "x", expectedVersion: 1 })).data.endAgreement)).toEqual(["input.expectedVersion:CONFLICT"]);
      expect(await writeState(t.app.db)).toEqual(before);
      const res = await end({ reason: "The lead partner withdrew." });
      expect(res.data.endAgreement.agreement).toMatchObject({ status: "TERMINATED", endedOn: "2024-06-30", endReason: "The lead partner withdrew.", version: 3 });
    });

    it("refuses to end a draft", async () => {
      const agreement = await draft();
      const res = await t.gql(END, { input: { agreementId: agreement.id, expectedVersion: 1, endedOn: "2024-12-31" } }, USERS.fedasilAdmin);
      expect(userErrorsOf(res.data.endAgreement)).toEqual(["input.agreementId:INVALID_STATE"]);
    });

    it("answers NOT_FOUND to a partner of Gent for Liège and FORBIDDEN for Gent, writing nothing", async () => {
      const before = await writeState(t.app.db);
      const end = (agreementKey: string, subject: string) =>
        t.gql(END, { input: { agreementId: gid("Agreement", agreementKey), expectedVersion: 1, endedOn: "2025-06-01", terminated: true, reason: "x" } }, subject);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff]) expect(topLevelCode(await end(world.agreements.liege, subject))).toBe("NOT_FOUND");
      for (const subject of CANNOT_MANAGE) expect(topLevelCode(await end(world.agreements.gent, subject))).toBe("FORBIDDEN");
      expect(await writeState(t.app.db)).toEqual(before);
    });
  });
});
