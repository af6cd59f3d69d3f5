import { type TestApp, startTestApp } from "../../../support/test-app";
import { USERS, type World, seedWorld } from "../../../support/world";
import { gid } from "../../households/fixtures";
import { COORDINATORS, RULE, type Rule, codeOf, errorCodes, seedCoordinators, splitRuleApi, splitRuleFootprint } from "./split-rule-api";

const NODE_RULE = `query($id: ID!) { node(id: $id) { id ... on SplitRule { status } } }`;

describe("split rules: who decides and who sees them", () => {
  let t: TestApp;
  let world: World;
  let rules: ReturnType<typeof splitRuleApi>;
  let rule: Rule;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedCoordinators(t, world);
    rules = splitRuleApi(t, world);
    const res = await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(1, 1, 1), idempotencyKey: "split-1" });
    rule = res.data.proposeSplitRule.splitRule;
  });
  afterAll(() => t.close());

  it("answers a retried proposal with its first result and writes nothing new", async () => {
    const before = await splitRuleFootprint(t);
    const again = await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(1, 1, 1), idempotencyKey: "split-1" });
    expect(again.data.proposeSplitRule.splitRule.id).toBe(rule.id);
    expect(await splitRuleFootprint(t)).toEqual(before);
  });

  it("is for the coordinators of the consortium: FORBIDDEN to other roles, NOT_FOUND to other consortia, nothing written", async () => {
    const before = await splitRuleFootprint(t);
    for (const subject of [USERS.gentStaff, USERS.fedasilAdmin, USERS.fedasilStaff, USERS.evaluator]) {
      expect(codeOf(await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(1, 1, 1) }, subject))).toBe("FORBIDDEN");
    }
    for (const subject of [USERS.gentStaff, USERS.gentNgoStaff, USERS.fedasilAdmin]) {
      expect(codeOf(await rules.approve(rule, subject))).toBe("FORBIDDEN");
      expect(codeOf(await rules.reject(rule, "No", subject))).toBe("FORBIDDEN");
    }
    expect(codeOf(await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(1, 1, 1) }, USERS.liegeCoordinator))).toBe("NOT_FOUND");
    for (const subject of [USERS.liegeCoordinator, USERS.evaluator]) {
      expect(codeOf(await rules.approve(rule, subject))).toBe("NOT_FOUND");
      expect(codeOf(await rules.reject(rule, "No", subject))).toBe("NOT_FOUND");
    }
    expect(codeOf(await rules.approve({ id: gid("SplitRule", world.agreements.gent), version: 1 }, COORDINATORS.ngo))).toBe("NOT_FOUND");
    expect(await splitRuleFootprint(t)).toEqual(before);
  });

  it("refuses weights that are not the current members', add up to 0, or a household of another agreement, writing nothing", async () => {
    const before = await splitRuleFootprint(t);
    const stranger = [{ organisationId: gid("Organisation", world.organisations.liegePcsw), weight: 1 }, { organisationId: "nonsense", weight: 1 }];
    expect(errorCodes((await rules.propose({ effectiveFrom: "2026-06-01", weights: stranger })).data.proposeSplitRule)).toEqual([
      "input.weights.0.organisationId NOT_A_MEMBER",
      "input.weights.1.organisationId NOT_A_MEMBER",
    ]);
    const perKind = [...rules.weights(1, 1, 1), ...rules.weights(0, 0, 0).map((w) => ({ ...w, kind: "EXTENSION" }))];
    expect(errorCodes((await rules.propose({ effectiveFrom: "2026-06-01", weights: perKind })).data.proposeSplitRule)).toEqual(["input.weights INVALID"]);
    expect(errorCodes((await rules.propose({ effectiveFrom: "2026-06-01", weights: rules.weights(1, -1, 1) })).data.proposeSplitRule)).toEqual(["input.weights.1.weight INVALID"]);
    const elsewhere = { householdId: gid("Household", world.households.liege), effectiveFrom: "2026-06-01", weights: rules.weights(1, 1, 1) };
    expect(errorCodes((await rules.propose(elsewhere)).data.proposeSplitRule)).toEqual(["input.householdId UNKNOWN_REFERENCE"]);
    expect(await splitRuleFootprint(t)).toEqual(before);
  });

  it("is seen like the agreement's money: the consortium's partners and Fedasil, not evaluators nor other consortia", async () => {
    for (const subject of [USERS.gentStaff, USERS.gentNgoStaff, USERS.fedasilStaff]) {
      expect((await rules.rules(subject))!.map((r) => r.id)).toEqual([rule.id]);
      expect((await t.gql(NODE_RULE, { id: rule.id }, subject)).data.node).toEqual({ id: rule.id, status: "PROPOSED" });
    }
    expect(await rules.rules(USERS.evaluator)).toEqual([]);
    expect(await rules.rules(USERS.liegeCoordinator)).toBeNull();
    for (const subject of [USERS.evaluator, USERS.liegeCoordinator]) expect((await t.gql(NODE_RULE, { id: rule.id }, subject)).data.node).toBeNull();
    const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on SplitRule { ${RULE} } } }`, { ids: [rule.id] }, USERS.liegeStaff);
    expect(nodes.data.nodes).toEqual([null]);
  });
});
