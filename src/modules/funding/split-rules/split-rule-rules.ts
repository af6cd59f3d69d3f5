/**
 * Split rules (DESIGN: Split): pure, no database or GraphQL. Which rule divides a line, how it
 * weighs the members on the line's due date, and what makes a proposal valid or a rule take effect.
 */
import type { RuleProblem } from "../../../shared/rule-problem";
import { FUNDING_KINDS, type FundingKind } from "../funding-vocabulary";
import { type SplitRule as Weighing, equalSplit } from "../line-shares";

export enum SplitRuleStatus {
  PROPOSED = "PROPOSED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  SUPERSEDED = "SUPERSEDED",
}

/** A member's weight: its default (kind null) or for one kind of line only. */
export interface RuleWeight {
  organisationKey: string;
  kind: FundingKind | null;
  weight: number;
}

export interface DatedRule {
  householdKey: string | null;
  effectiveFrom: string;
  status: SplitRuleStatus;
}

/**
 * The rule for a household's line due on `dueOn`: the household's approved override in force that
 * day, else the agreement's (latest effectiveFrom on or before the day); null means equal split.
 * An approved rule supersedes the approved ones of its scope effective on or after its own date,
 * so among APPROVED rules the latest effective date is also the latest decision.
 */
export function ruleInForce<R extends DatedRule>(rules: readonly R[], householdKey: string | null, dueOn: string): R | null {
  const inForce = rules.filter((rule) => rule.status === SplitRuleStatus.APPROVED && rule.effectiveFrom <= dueOn);
  const latest = (scope: string | null): R | null =>
    inForce.filter((rule) => rule.householdKey === scope).reduce<R | null>((best, rule) => (!best || rule.effectiveFrom > best.effectiveFrom ? rule : best), null);
  return (householdKey !== null ? latest(householdKey) : null) ?? latest(null);
}

/** A member's weight for a kind: its weight for that kind, else its default, else 0 (not in the rule). */
export function weightOf(weights: readonly RuleWeight[], organisationKey: string, kind: FundingKind | null): number {
  const own = weights.filter((w) => w.organisationKey === organisationKey);
  return (kind !== null ? own.find((w) => w.kind === kind) : undefined)?.weight ?? own.find((w) => w.kind === null)?.weight ?? 0;
}

/**
 * How a rule weighs the members on a line's due date for a kind (null: a manual adjustment, by the
 * default weights). The rule's own order comes first (a tied cent goes to the member it lists
 * first), then members it does not name, with 0. Should no member of that day have a positive
 * weight (the only weighted ones left), the line is split equally rather than owed to nobody.
 */
export function weighingOf(weights: readonly RuleWeight[], kind: FundingKind | null): Weighing {
  const order = [...new Set(weights.map((w) => w.organisationKey))];
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return (members) => {
    const listed = members.map((member, i) => ({ member, i })).sort((a, b) => rank(a.member.organisationKey) - rank(b.member.organisationKey) || a.i - b.i);
    const shares = listed.map(({ member }) => ({ memberKey: member.organisationKey, weight: weightOf(weights, member.organisationKey, kind) }));
    return shares.some((share) => share.weight > 0) ? shares : equalSplit(members);
  };
}

export type SplitRuleProblem = RuleProblem<"NOT_A_MEMBER" | "INVALID">;

/**
 * A proposal's weights: each for a current member (null key: an id that names none), a whole
 * number of zero or more, once per member and kind, and every kind's weights add up to more than 0.
 */
export function proposalProblems(weights: ReadonlyArray<{ organisationKey: string | null; kind: FundingKind | null; weight: number }>, memberKeys: readonly string[]): SplitRuleProblem[] {
  const problems: SplitRuleProblem[] = [];
  const seen = new Set<string>();
  weights.forEach((w, i) => {
    const at = ["weights", String(i)];
    if (w.organisationKey === null || !memberKeys.includes(w.organisationKey)) problems.push({ field: [...at, "organisationId"], code: "NOT_A_MEMBER", message: "Not a current member of the agreement's consortium." });
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) problems.push({ field: [...at, "weight"], code: "INVALID", message: "A weight is a whole number, zero or more." });
    const once = `${w.organisationKey}/${w.kind}`;
    if (seen.has(once)) problems.push({ field: at, code: "INVALID", message: "Each member has one weight per kind (and one default)." });
    seen.add(once);
  });
  if (problems.length > 0) return problems;
  const valid = weights as readonly RuleWeight[];
  const members = [...new Set(valid.map((w) => w.organisationKey))];
  for (const kind of [null, ...FUNDING_KINDS]) {
    if (members.reduce((sum, key) => sum + weightOf(valid, key, kind), 0) > 0) continue;
    problems.push({ field: ["weights"], code: "INVALID", message: `The weights for ${kind ?? "lines by default"} add up to 0; at least one member needs a positive weight.` });
  }
  return problems;
}

/** A rule takes effect once every current member's coordinator has approved it. */
export const approvedByAll = (approvedKeys: readonly string[], currentMemberKeys: readonly string[]): boolean =>
  currentMemberKeys.every((key) => approvedKeys.includes(key));
