import fc from "fast-check";
import { fromGlobalId } from "../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";
import { COORDINATORS, seedCoordinators, splitRuleApi } from "../modules/funding/split-rules/split-rule-api";
import { ADULT, fundingApi } from "../modules/funding/funding-api";
import { BACKEND, PATIENCE, auditsOf, outcomeOf, race, winnersOf } from "./race-support";

type Member = "city" | "pcsw" | "ngo";
const COORDINATOR: Record<Member, string> = { city: USERS.gentCoordinator, pcsw: COORDINATORS.pcsw, ngo: COORDINATORS.ngo };
type Decision = { who: Member; act: "approve" | "reject" };
const decision: fc.Arbitrary<Decision> = fc.record({ who: fc.constantFrom<Member>("city", "pcsw", "ngo"), act: fc.constantFrom("approve" as const, "approve" as const, "reject" as const) });

/**
 * The coordinators of Gent's three members decide on one proposed split rule at the same time,
 * each from the version they loaded, round after round until it is decided. Exactly one decision
 * of a round wins; the others are told CONFLICT (or INVALID_STATE: their organisation approved
 * already, or the rule was decided before they read it); the rule ends APPROVED only with every
 * member's one approval, REJECTED on the winning rejection, and its trail holds the winners only.
 */
describe(`races on one split rule on ${BACKEND}`, () => {
  let t: TestApp;
  let world: World;
  let rules: ReturnType<typeof splitRuleApi>;
  const keyOf = (id: string) => fromGlobalId(id)!.key;
  const names: Record<Member, string> = { city: "Stad Gent", pcsw: "OCMW Gent", ngo: "Vluchtelingenwerk Gent" };
  const ruleRow = async (key: string) => {
    const [row] = await t.app.db.manager.query(`SELECT status, version FROM split_rule WHERE id = $1`, [key]);
    const approvals = await t.app.db.manager.query(`SELECT o.name FROM split_rule_approval a JOIN organisation o ON o.id = a.organisation_id WHERE a.split_rule_id = $1 ORDER BY o.name`, [key]);
    return { ...row, approvals: approvals.map((a: { name: string }) => a.name) as string[] };
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedCoordinators(t, world);
    rules = splitRuleApi(t, world);
    // Lines to divide anew when a rule takes effect.
    const funding = fundingApi(t, () => world.agreements.gent);
    await funding.arrive(await funding.household([ADULT]));
  }, PATIENCE);
  afterAll(() => t.close());

  it("ends every rule in one legal state with one approval per member, whatever the coordinators race", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(decision, { minLength: 2, maxLength: 12 }), { minLength: 1, maxLength: 3 }), async (rounds) => {
        const proposed = await rules.propose({ effectiveFrom: "2026-01-01", weights: rules.weights(1, 2, 3) });
        const id: string = proposed.data.proposeSplitRule.splitRule.id;
        const won: string[] = [];
        for (const decisions of rounds) {
          const { status, version, approvals } = await ruleRow(keyOf(id));
          if (status !== "PROPOSED") break;
          const payloads = await race(decisions.map(({ who, act }) => () =>
            act === "approve" ? rules.approve({ id, version }, COORDINATOR[who]) : rules.reject({ id, version }, "Not what we agreed", COORDINATOR[who]),
          ));
          const winners = winnersOf(payloads, ["CONFLICT", "INVALID_STATE"]);
          const mayWin = decisions.some(({ who, act }) => act === "reject" || !approvals.includes(names[who]));
          expect(winners).toHaveLength(mayWin ? 1 : 0);
          if (mayWin) won.push(decisions[winners[0]].act);
          // Only its own earlier approval stands in the way of a decision made on the current version.
          decisions.forEach(({ who, act }, i) => {
            if (act === "approve" && approvals.includes(names[who])) expect(outcomeOf(payloads[i])).toBe("INVALID_STATE");
          });
        }
        const after = await ruleRow(keyOf(id));
        const approved = won.filter((act) => act === "approve").length;
        expect(after.approvals).toHaveLength(1 + approved);
        const expectedStatus = won.includes("reject") ? "REJECTED" : after.approvals.length === 3 ? "APPROVED" : "PROPOSED";
        expect(after.status).toBe(expectedStatus);
        const tookEffect = expectedStatus === "APPROVED" ? 1 : 0;
        expect(after.version).toBe(1 + won.length + tookEffect);
        const trail = ["proposeSplitRule", ...won.map((act) => `${act}SplitRule`), ...(tookEffect ? ["approveSplitRule"] : [])];
        expect(await auditsOf(t.app.db, [keyOf(id)])).toEqual(trail.map((action) => `${action} SplitRule`).sort());
        // Once decided, every coordinator who tries again is told the rule is no longer proposed.
        if (expectedStatus === "PROPOSED") return;
        const retries = await race((["city", "pcsw", "ngo"] as const).map((who) => () => rules.reject({ id, version: after.version }, "Too late", COORDINATOR[who])));
        for (const retry of retries) expect(retry.userErrors.map((e) => e.code)).toEqual(["INVALID_STATE"]);
      }),
      { numRuns: 8 },
    );
  }, PATIENCE);

  it("leaves one rule in force when rules of the same scope and date take effect at the same time; the lines follow it", async () => {
    for (let round = 0; round < 4; round++) {
      const proposals = await Promise.all([rules.weights(1, 0, 0), rules.weights(0, 0, 1)].map((weights) => rules.propose({ effectiveFrom: "2026-01-01", weights })));
      const ids: string[] = proposals.map((p) => p.data.proposeSplitRule.splitRule.id);
      for (const id of ids) expect((await rules.approve({ id, version: 1 }, COORDINATORS.pcsw)).data.approveSplitRule.userErrors).toEqual([]);
      const payloads = await race(ids.map((id) => () => rules.approve({ id, version: 2 }, COORDINATORS.ngo)));
      expect(payloads.map(outcomeOf)).toEqual(["ok", "ok"]);
      const statuses = await Promise.all(ids.map(async (id) => (await ruleRow(keyOf(id))).status));
      expect([...statuses].sort()).toEqual(["APPROVED", "SUPERSEDED"]);
      const inForce = ids[statuses.indexOf("APPROVED")] === ids[0] ? names.city : names.ngo;
      const shares = await t.app.db.manager.query(
        `SELECT DISTINCT o.name FROM funding_allocation a JOIN funding_line l ON l.id = a.funding_line_id JOIN organisation o ON o.id = a.organisation_id
         WHERE l.agreement_id = $1 AND a.amount_cents <> 0`,
        [world.agreements.gent],
      );
      expect(shares).toEqual([{ name: inForce }]);
    }
  }, PATIENCE);
});
