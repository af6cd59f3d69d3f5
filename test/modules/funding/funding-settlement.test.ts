import { keyOf } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, userErrorCodes } from "../households/fixtures";
import { ADULT, FIVE, NODE_LINE, type Line, fundingApi, fundingFootprint, summary } from "./funding-api";

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe("settleFundingLines and createFundingAdjustment", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof fundingApi>;
  let direct: { id: string; lines: Line[] };
  const arrivedLines = async (persons: Array<Record<string, unknown>>, route: string) => {
    const household = await api.household(persons, route);
    await api.arrive(household, route);
    return { id: household.id, lines: await api.lines(household.id) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    api = fundingApi(t, () => world.agreements.gent);
    direct = await arrivedLines(FIVE, "DIRECT");
  });
  afterAll(() => t.close());

  describe("settleFundingLines", () => {
    it("marks lines paid, in the order given, an id given twice once, each with its audit event", async () => {
      const [base, head] = direct.lines;
      const res = await api.settle([head.id, base.id, head.id]);
      expect(res.errors).toBeUndefined();
      const { fundingLines, userErrors } = res.data.settleFundingLines;
      expect(userErrors).toEqual([]);
      expect(fundingLines.map((l: Line) => [l.id, l.settledOn, l.settlementReference, l.settledBy, l.version])).toEqual([
        [head.id, "2026-11-02", "PAY-2026-117", { displayName: USERS.fedasilAdmin }, 2],
        [base.id, "2026-11-02", "PAY-2026-117", { displayName: USERS.fedasilAdmin }, 2],
      ]);
      expect(fundingLines.map((l: Line) => ({ ...l, settledOn: null, settlementReference: null, settledBy: null, version: 1 }))).toEqual([head, base]);
      const audits = await t.app.db.manager.query(
        `SELECT subject_id, consortium_id, before, after FROM audit_event WHERE action = 'settleFundingLines' ORDER BY subject_id`,
      );
      expect(audits).toHaveLength(2);
      expect(audits.every((a: any) => a.consortium_id === world.consortia.gent && a.before.settledOn === null && a.after.settledOn === "2026-11-02")).toBe(true);
      expect(audits.map((a: { subject_id: string }) => a.subject_id).sort()).toEqual([keyOf(base.id, "FundingLine"), keyOf(head.id, "FundingLine")].sort());
    });

    it("refuses lines settled already, naming them, and writes nothing", async () => {
      const [base, , member] = direct.lines;
      const before = await fundingFootprint(t);
      const res = await api.settle([member.id, base.id]);
      expect(res.data.settleFundingLines).toEqual({
        fundingLines: null,
        userErrors: [{ field: ["input", "lineIds", "1"], code: "INVALID_STATE", message: `Line ${base.id} was already settled on 2026-11-02.` }],
      });
      expect(await fundingFootprint(t)).toEqual(before);
    });

    it("refuses a payment in the future and an empty list, writing nothing", async () => {
      const [, , member] = direct.lines;
      const before = await fundingFootprint(t);
      expect(userErrorCodes((await api.settle([member.id], USERS.fedasilAdmin, { settledOn: "2999-01-01" })).data.settleFundingLines)).toEqual(["input.settledOn:INVALID_DATE_RANGE"]);
      expect(userErrorCodes((await api.settle([])).data.settleFundingLines)).toEqual(["input.lineIds:INVALID"]);
      expect(await fundingFootprint(t)).toEqual(before);
    });

    it("is for Fedasil admins: FORBIDDEN to the consortium's partners and Fedasil staff, NOT_FOUND to anyone who cannot see the lines", async () => {
      const [, , member] = direct.lines;
      const before = await fundingFootprint(t);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff, USERS.fedasilStaff]) expect(codeOf(await api.settle([member.id], subject))).toBe("FORBIDDEN");
      for (const subject of [USERS.liegeCoordinator, USERS.evaluator]) expect(codeOf(await api.settle([member.id], subject))).toBe("NOT_FOUND");
      expect(codeOf(await api.settle([member.id, gid("FundingLine", world.households.gent)]))).toBe("NOT_FOUND");
      expect(codeOf(await api.settle([direct.id]))).toBe("NOT_FOUND");
      expect(await fundingFootprint(t)).toEqual(before);
    });
  });

  describe("createFundingAdjustment", () => {
    const adjustment = (extra: Record<string, unknown> = {}) => ({
      householdId: direct.id,
      amount: { amount: "-250.00", currencyCode: "EUR" },
      dueOn: "2026-06-30",
      reason: "  Transport costs paid twice. ",
      ...extra,
    });

    it("adds a signed line with its reason, divided like any line on its due date, listed with the household's lines", async () => {
      const res = await api.adjust(adjustment({ idempotencyKey: "adjust-1" }));
      expect(res.errors).toBeUndefined();
      const line = res.data.createFundingAdjustment.fundingLine;
      expect(res.data.createFundingAdjustment.userErrors).toEqual([]);
      expect(line).toMatchObject({
        kind: "ADJUSTMENT",
        quantity: 1,
        rate: null,
        amount: { amount: "-250.00", currencyCode: "EUR" },
        dueOn: "2026-06-30",
        reason: "Transport costs paid twice.",
        explanation: "Adjustment of -€250.00 entered by Fedasil",
        correctsKind: null,
        corrects: null,
        settledOn: null,
        household: { id: direct.id },
        agreement: { reference: "RES-2025-GENT" },
      });
      expect(summary([line])).toEqual(["ADJUSTMENT 1 -250.00 2026-06-30: Stad Gent -83.34, OCMW Gent -83.33, Vluchtelingenwerk Gent -83.33"]);
      expect((await api.lines(direct.id)).map((l) => l.id)).toEqual([...direct.lines.map((l) => l.id), line.id]);
      const [audit] = await t.app.db.manager.query(`SELECT consortium_id, actor_user_id, after FROM audit_event WHERE action = 'createFundingAdjustment'`);
      expect(audit).toMatchObject({ consortium_id: world.consortia.gent, actor_user_id: world.users.fedasilAdmin, after: { amountCents: -25000, createdByUserKey: world.users.fedasilAdmin } });

      const before = await fundingFootprint(t);
      const again = await api.adjust(adjustment({ idempotencyKey: "adjust-1" }));
      expect(again.data.createFundingAdjustment.fundingLine.id).toBe(line.id);
      expect(await fundingFootprint(t)).toEqual(before);
    });

    it("may concern the agreement as a whole: no household, found by node by the consortium and Fedasil only", async () => {
      const res = await api.adjust(adjustment({ householdId: null, amount: { amount: "1000", currencyCode: "EUR" } }));
      const line = res.data.createFundingAdjustment.fundingLine;
      expect(summary([line])).toEqual(["ADJUSTMENT 1 1000.00 2026-06-30: Stad Gent 333.34, OCMW Gent 333.33, Vluchtelingenwerk Gent 333.33"]);
      expect(line.household).toBeNull();
      for (const subject of [USERS.gentNgoStaff, USERS.fedasilStaff]) expect((await t.gql(NODE_LINE, { id: line.id }, subject)).data.node).toEqual({ id: line.id, kind: "ADJUSTMENT", amount: { amount: "1000.00" } });
      for (const subject of [USERS.liegeStaff, USERS.evaluator]) expect((await t.gql(NODE_LINE, { id: line.id }, subject)).data.node).toBeNull();
    });

    it("refuses a zero or malformed amount, a blank reason, another agreement's household and a day without members, writing nothing", async () => {
      const before = await fundingFootprint(t);
      const codes = async (extra: Record<string, unknown>) => userErrorCodes((await api.adjust(adjustment(extra))).data.createFundingAdjustment);
      expect(await codes({ amount: { amount: "0.00", currencyCode: "EUR" }, reason: "   " })).toEqual(["input.amount.amount:INVALID", "input.reason:REQUIRED"]);
      expect(await codes({ amount: { amount: "12.345", currencyCode: "EUR" } })).toEqual(["input.amount.amount:INVALID"]);
      expect(await codes({ amount: { amount: "-10000000.01", currencyCode: "EUR" } })).toEqual(["input.amount.amount:INVALID"]);
      expect(await codes({ reason: "x".repeat(501) })).toEqual(["input.reason:TOO_LONG"]);
      expect(await codes({ householdId: gid("Household", world.households.liege) })).toEqual(["input.householdId:UNKNOWN_REFERENCE"]);
      expect(await codes({ dueOn: "2024-12-31" })).toEqual(["input.dueOn:INVALID_STATE"]);
      expect(await fundingFootprint(t)).toEqual(before);
    });

    it("is for Fedasil admins: FORBIDDEN to the consortium's partners and Fedasil staff, NOT_FOUND to other consortia and evaluators", async () => {
      const before = await fundingFootprint(t);
      for (const subject of [USERS.gentCoordinator, USERS.fedasilStaff]) expect(codeOf(await api.adjust(adjustment(), subject))).toBe("FORBIDDEN");
      for (const subject of [USERS.liegeCoordinator, USERS.evaluator]) expect(codeOf(await api.adjust(adjustment(), subject))).toBe("NOT_FOUND");
      expect(codeOf(await api.adjust({ ...adjustment(), agreementId: gid("Agreement", world.households.gent) }))).toBe("NOT_FOUND");
      expect(await fundingFootprint(t)).toEqual(before);
    });
  });

  it("keeps a settled adjustment and the lines of other kinds when the household's facts are corrected later", async () => {
    const { id, lines } = await arrivedLines([ADULT], "VIA_RECEPTION");
    const manual = (await api.adjust({ householdId: id, amount: { amount: "100.00", currencyCode: "EUR" }, dueOn: "2026-02-01", reason: "Interpreting" })).data.createFundingAdjustment.fundingLine;
    expect((await api.settle([lines[0].id, manual.id])).data.settleFundingLines.userErrors).toEqual([]);
    const res = await t.gql(`mutation($input: AddPersonInput!) { addPerson(input: $input) { userErrors { code } } }`, {
      input: { householdId: id, givenName: "Karim", familyName: "Haddad", birthDate: "1988-07-22", sex: "X", relationship: "PARTNER" },
    }, USERS.gentCoordinator);
    expect(res.data.addPerson.userErrors).toEqual([]);
    const after = await api.lines(id);
    expect(after.map((l) => [l.kind, l.correctsKind, l.amount.amount, l.settledOn !== null])).toEqual([
      ["BASE", null, "3000.00", true],
      ["ADJUSTMENT", null, "100.00", true],
      ["ADJUSTMENT", "BASE", "3000.00", false],
    ]);
  });
});
