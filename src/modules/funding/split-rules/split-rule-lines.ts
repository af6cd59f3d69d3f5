/** The split rule that divides a funding line, read in the caller's transaction. */
import type { EntityManager } from "typeorm";
import { FundingLineKind } from "../funding-line-kind";
import type { FundingLine } from "../funding-line.entity";
import { type SplitRule as Weighing, equalSplit } from "../line-shares";
import { SplitRule, SplitRuleWeight } from "./split-rule.entity";
import { SplitRuleStatus, ruleInForce, weighingOf } from "./split-rule-rules";

/** How the rule in force on the line's due date weighs its members (equal split without one). */
export async function weighingForLine(manager: EntityManager, line: Pick<FundingLine, "agreementKey" | "householdKey" | "dueOn" | "kind" | "correctsKind">): Promise<Weighing> {
  const rules = await manager.findBy(SplitRule, { agreementKey: line.agreementKey, status: SplitRuleStatus.APPROVED });
  const rule = ruleInForce(rules, line.householdKey, line.dueOn);
  if (!rule) return equalSplit;
  const weights = await manager.find(SplitRuleWeight, { where: { ruleKey: rule.key }, order: { position: "ASC" } });
  // An automatic adjustment is split like the kind it corrects; a manual one by the default weights.
  return weighingOf(weights, line.correctsKind ?? (line.kind === FundingLineKind.ADJUSTMENT ? null : line.kind));
}
