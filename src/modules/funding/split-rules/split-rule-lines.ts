/** The split rules that divide an agreement's funding lines: read once per change (funding-line-writes), applied line by line. */
import { FundingLineKind } from "../funding-line-kind";
import type { FundingLine } from "../funding-line.entity";
import { type SplitRule as Weighing, equalSplit } from "../line-shares";
import { type DatedRule, type RuleWeight, SplitRuleStatus, ruleInForce, weighingOf } from "./split-rule-rules";

/** An approved rule of the agreement (or of one of its households), with its weights in the proposal's order. */
export interface ApprovedSplitRule extends DatedRule {
  weights: RuleWeight[];
}

/** SQL: every approved rule of `:agreementKey` (or of one of its households) with its weights, a row each. */
export const APPROVED_RULES_SQL = `
  SELECT rule.household_id AS "householdKey", to_char(rule.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", rule.status,
         COALESCE(json_agg(json_build_object('organisationKey', w.organisation_id, 'kind', w.kind, 'weight', w.weight) ORDER BY w.position)
                    FILTER (WHERE w.id IS NOT NULL), '[]') AS weights
    FROM split_rule rule
    LEFT JOIN split_rule_weight w ON w.split_rule_id = rule.id
   WHERE rule.agreement_id = :agreementKey AND rule.status = '${SplitRuleStatus.APPROVED}'
   GROUP BY rule.id`;

/** How the rule in force on the line's due date weighs its members (equal split without one). */
export function weighingForLine(rules: readonly ApprovedSplitRule[], line: Pick<FundingLine, "householdKey" | "dueOn" | "kind" | "correctsKind">): Weighing {
  const rule = ruleInForce(rules, line.householdKey, line.dueOn);
  if (!rule) return equalSplit;
  // An automatic adjustment is split like the kind it corrects; a manual one by the default weights.
  return weighingOf(rule.weights, line.correctsKind ?? (line.kind === FundingLineKind.ADJUSTMENT ? null : line.kind));
}
