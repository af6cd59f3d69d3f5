/** Split rules some consortia agreed on: the lead weighs double, sometimes it alone takes the direct-arrival lump sum. */
import { officeHour } from "../../src/demo/demo-clock";
import { FundingKind } from "../../src/modules/funding/funding-vocabulary";
import { type SplitRule as Weighing, equalSplit } from "../../src/modules/funding/line-shares";
import { type RuleWeight, SplitRuleStatus, ruleInForce, weighingOf } from "../../src/modules/funding/split-rules/split-rule-rules";
import { addDays, addMonths } from "../../src/shared/calendar";
import { membersOn } from "./consortia";
import type { Organisation } from "./organisations";
import type { Agreement } from "./programme";
import type { ScaleRandom } from "./scale-random";

export interface SplitRulePlan {
  id: string;
  householdKey: null;
  effectiveFrom: string;
  status: SplitRuleStatus;
  /** In the rule's order: a tied cent goes to the member listed first. */
  weights: RuleWeight[];
  proposedBy: string;
  createdAt: string;
  tookEffectAt: string | null;
  approvals: Array<{ id: string; organisationId: string; userId: string; at: string }>;
}

export const coordinatorOf = (organisation: Organisation): string => organisation.users.find((u) => u.role === "PARTNER_COORDINATOR")!.id;

/**
 * A third of the agreements of two members or more divide by an approved rule from their start;
 * a few running ones have a change proposed, approved so far by the proposer's organisation only.
 */
export function planSplitRules(random: ScaleRandom, agreement: Agreement, today: string): SplitRulePlan[] {
  const founders = membersOn(agreement.consortium, agreement.startsOn);
  if (agreement.status === "DRAFT" || founders.length < 2) return [];
  const rules: SplitRulePlan[] = [];
  if (random.chance(0.35)) {
    const proposedOn = addDays(agreement.startsOn, -random.int(20, 30));
    rules.push(rule(random, founders.map((m) => m.organisation), agreement.startsOn, proposedOn, SplitRuleStatus.APPROVED));
  }
  const nextQuarter = `${addMonths(today, 3 - (Number(today.slice(5, 7)) - 1) % 3).slice(0, 7)}-01`;
  if (agreement.status === "ACTIVE" && random.chance(0.1)) {
    rules.push(rule(random, membersOn(agreement.consortium, today).map((m) => m.organisation), nextQuarter, addDays(today, -random.int(5, 20)), SplitRuleStatus.PROPOSED));
  }
  return rules;
}

function rule(random: ScaleRandom, members: Organisation[], effectiveFrom: string, proposedOn: string, status: SplitRuleStatus): SplitRulePlan {
  const weights: RuleWeight[] = members.map((o, i) => ({ organisationKey: o.id, kind: null, weight: i === 0 ? 2 : 1 }));
  if (random.chance(0.4)) weights.push(...members.map((o, i) => ({ organisationKey: o.id, kind: FundingKind.DIRECT_ARRIVAL_HEAD, weight: i === 0 ? 1 : 0 })));
  const createdAt = officeHour(random, proposedOn);
  const approvers = status === SplitRuleStatus.APPROVED ? members : members.slice(0, 1);
  let at = createdAt;
  const approvals = approvers.map((o) => {
    at = officeHour(random, addDays(at.slice(0, 10), random.int(0, 3)), at);
    return { id: random.id(), organisationId: o.id, userId: coordinatorOf(o), at };
  });
  return {
    id: random.id(), householdKey: null, effectiveFrom, status, weights, proposedBy: coordinatorOf(members[0]), createdAt,
    tookEffectAt: status === SplitRuleStatus.APPROVED ? at : null, approvals,
  };
}

/** How the agreement's rule in force on the due date weighs a kind of line (null: a manual adjustment). */
export function weighingOn(rules: readonly SplitRulePlan[], dueOn: string, kind: FundingKind | null): Weighing {
  const inForce = ruleInForce(rules, null, dueOn);
  return inForce ? weighingOf(inForce.weights, kind) : equalSplit;
}
