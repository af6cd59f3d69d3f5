import { type TestApp, startTestApp } from "../../../support/test-app";
import { USERS, type World, seedWorld } from "../../../support/world";
import { gid } from "../../households/fixtures";
import { ADULT, FIVE, type Line, expectExactSplits, fundingApi, summary } from "../funding-api";
import { COORDINATORS, type Rule, errorCodes, seedCoordinators, splitRuleApi, splitRuleFootprint } from "./split-rule-api";

const names = (rule: Rule) => rule.approvals.map((a) => a.organisation.name);

describe("split rules: the consortium decides together", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof fundingApi>;
  let rules: ReturnType<typeof splitRuleApi>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedCoordinators(t, world);
    api = fundingApi(t, () => world.agreements.gent);
    rules = splitRuleApi(t, world);
  });
  afterAll(() => t.close());

  /** A household with arrival on 31 January 2026 and its second year from 31 January 2027. */
  async function fundedHousehold(persons: Array<Record<string, unknown>>, route = "VIA_RECEPTION") {
    const household = await api.household(persons, route);
    await api.extend(household.id, await api.arrive(household, route));
    return household;
  }

  it("takes effect with the third member's approval and divides the unsettled lines due from its date anew", async () => {
    const family = await fundedHousehold(FIVE, "DIRECT");
    const single = await fundedHousehold([ADULT]);
    const settledExtension = (await api.lines(single.id)).find((l) => l.kind === "EXTENSION")!;
    expect((await api.settle([settledExtension.id])).data.settleFundingLines.userErrors).toEqual([]);
    const familyBefore = await api.lines(family.id);
    const singleBefore = await api.lines(single.id);

    const proposed = await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(2, 1, 1) });
    const rule: Rule = proposed.data.proposeSplitRule.splitRule;
    expect(proposed.data.proposeSplitRule.userErrors).toEqual([]);
    expect(rule).toMatchObject({ status: "PROPOSED", effectiveFrom: "2026-06-01", version: 1, tookEffectAt: null, household: null, proposedBy: { displayName: USERS.gentCoordinator } });
    expect(rule.weights).toEqual([
      { organisation: { name: "Stad Gent" }, kind: null, weight: 2 },
      { organisation: { name: "OCMW Gent" }, kind: null, weight: 1 },
      { organisation: { name: "Vluchtelingenwerk Gent" }, kind: null, weight: 1 },
    ]);
    expect(names(rule)).toEqual(["Stad Gent"]);

    const second = await rules.approve(rule, COORDINATORS.pcsw);
    const afterSecond: Rule = second.data.approveSplitRule.splitRule;
    expect(afterSecond).toMatchObject({ status: "PROPOSED", version: 2 });
    expect(names(afterSecond)).toEqual(["Stad Gent", "OCMW Gent"]);
    expect(await api.lines(family.id)).toEqual(familyBefore);

    // One approval per organisation; a stale version is a conflict; neither writes anything.
    const before = await splitRuleFootprint(t);
    expect(errorCodes((await rules.approve(afterSecond, COORDINATORS.pcsw)).data.approveSplitRule)).toEqual(["input.splitRuleId INVALID_STATE"]);
    expect(errorCodes((await rules.approve(rule, COORDINATORS.ngo)).data.approveSplitRule)).toEqual(["input.expectedVersion CONFLICT"]);
    expect(await splitRuleFootprint(t)).toEqual(before);

    const third = await rules.approve(afterSecond, COORDINATORS.ngo);
    const inForce: Rule = third.data.approveSplitRule.splitRule;
    expect(third.data.approveSplitRule.userErrors).toEqual([]);
    expect(inForce.status).toBe("APPROVED");
    expect(inForce.tookEffectAt).toEqual(expect.any(String));
    expect(inForce.approvals.map((a) => `${a.organisation.name} ${a.approvedBy?.displayName}`)).toEqual([
      `Stad Gent ${USERS.gentCoordinator}`, `OCMW Gent ${COORDINATORS.pcsw}`, `Vluchtelingenwerk Gent ${COORDINATORS.ngo}`,
    ]);

    const familyAfter = await api.lines(family.id);
    expect(familyAfter.slice(0, 3)).toEqual(familyBefore.slice(0, 3));
    expect(summary(familyAfter)).toEqual([
      "BASE 5 15000.00 2026-01-31: Stad Gent 5000.00, OCMW Gent 5000.00, Vluchtelingenwerk Gent 5000.00",
      "DIRECT_ARRIVAL_HEAD 1 2000.00 2026-01-31: Stad Gent 666.67, OCMW Gent 666.67, Vluchtelingenwerk Gent 666.66",
      "DIRECT_ARRIVAL_MEMBER 4 2000.00 2026-01-31: Stad Gent 666.67, OCMW Gent 666.67, Vluchtelingenwerk Gent 666.66",
      "EXTENSION 5 3000.00 2027-01-31: Stad Gent 1500.00, OCMW Gent 750.00, Vluchtelingenwerk Gent 750.00",
    ]);
    expect(familyAfter[3].allocations.map((a) => a.weight)).toEqual([2, 1, 1]);
    expect(await api.lines(single.id)).toEqual(singleBefore);
    expectExactSplits(familyAfter);

    // Lines created later follow the rule in force on their due date.
    const later = await fundedHousehold([ADULT]);
    expect(summary(await api.lines(later.id))).toEqual([
      "BASE 1 3000.00 2026-01-31: Stad Gent 1000.00, OCMW Gent 1000.00, Vluchtelingenwerk Gent 1000.00",
      "EXTENSION 1 600.00 2027-01-31: Stad Gent 300.00, OCMW Gent 150.00, Vluchtelingenwerk Gent 150.00",
    ]);
    expect((await rules.rules())!.map((r) => `${r.status} ${r.effectiveFrom}`)).toEqual(["APPROVED 2026-06-01"]);
  });

  it("is final once any member rejects it", async () => {
    const linesBefore = await t.app.db.manager.query(`SELECT funding_line_id, organisation_id, amount_cents FROM funding_allocation ORDER BY 1, 2`);
    const proposed = await rules.propose({ effectiveFrom: "2026-09-01", weights: rules.weights(1, 1, 2) }, COORDINATORS.pcsw);
    const rule: Rule = proposed.data.proposeSplitRule.splitRule;
    expect(errorCodes((await rules.reject(rule, "   ", COORDINATORS.ngo)).data.rejectSplitRule)).toEqual(["input.reason REQUIRED"]);

    const rejected = await rules.reject(rule, " We keep the current split. ", COORDINATORS.ngo);
    expect(rejected.data.rejectSplitRule.userErrors).toEqual([]);
    const final: Rule = rejected.data.rejectSplitRule.splitRule;
    expect(final).toMatchObject({ status: "REJECTED", rejectionReason: "We keep the current split.", rejectedBy: { displayName: COORDINATORS.ngo }, version: 2 });

    const before = await splitRuleFootprint(t);
    expect(errorCodes((await rules.approve(final, USERS.gentCoordinator)).data.approveSplitRule)).toEqual(["input.splitRuleId INVALID_STATE"]);
    expect(errorCodes((await rules.reject(final, "Again", USERS.gentCoordinator)).data.rejectSplitRule)).toEqual(["input.splitRuleId INVALID_STATE"]);
    expect(await splitRuleFootprint(t)).toEqual(before);
    expect(await t.app.db.manager.query(`SELECT funding_line_id, organisation_id, amount_cents FROM funding_allocation ORDER BY 1, 2`)).toEqual(linesBefore);
    expect((await rules.rules())!.map((r) => `${r.status} ${r.effectiveFrom}`)).toEqual(["REJECTED 2026-09-01", "APPROVED 2026-06-01"]);
  });

  it("lets a household override the agreement's rule for the members who actually share it", async () => {
    const shared = await fundedHousehold([ADULT]);
    const other = await fundedHousehold([ADULT]);
    const otherBefore = await api.lines(other.id);
    const weights = [
      { organisationId: gid("Organisation", world.organisations.gentPcsw), weight: 1 },
      { organisationId: gid("Organisation", world.organisations.gentNgo), weight: 1 },
    ];
    const proposed = await rules.propose({ householdId: shared.id, effectiveFrom: "2026-01-01", weights });
    let rule: Rule = proposed.data.proposeSplitRule.splitRule;
    expect(rule.household).toEqual({ id: shared.id });
    rule = (await rules.approve(rule, COORDINATORS.ngo)).data.approveSplitRule.splitRule;
    rule = (await rules.approve(rule, COORDINATORS.pcsw)).data.approveSplitRule.splitRule;
    expect(rule.status).toBe("APPROVED");

    const lines: Line[] = await api.lines(shared.id);
    expect(summary(lines)).toEqual([
      "BASE 1 3000.00 2026-01-31: OCMW Gent 1500.00, Vluchtelingenwerk Gent 1500.00, Stad Gent 0.00",
      "EXTENSION 1 600.00 2027-01-31: OCMW Gent 300.00, Vluchtelingenwerk Gent 300.00, Stad Gent 0.00",
    ]);
    expect(await api.lines(other.id)).toEqual(otherBefore);
  });
});
