/** Re-dividing funding lines when a split rule takes effect, in the caller's transaction. */
import type { MutationScope } from "../../../shared/mutation-runner";
import { lineSharing, reallocateLines } from "../funding-line-writes";
import { FundingLine } from "../funding-line.entity";
import type { SplitRule } from "./split-rule.entity";

/**
 * Divides anew the unsettled lines a rule that just took effect covers: its agreement's (or its
 * household's) lines due on or after its date. Settled lines and earlier ones keep their split.
 */
export async function reallocateCoveredLines(scope: MutationScope, rule: SplitRule, consortiumKey: string): Promise<void> {
  const query = scope.manager
    .createQueryBuilder(FundingLine, "line")
    .setLock("pessimistic_write")
    .where("line.agreement_id = :agreementKey AND line.settled_on IS NULL AND line.due_on >= :from", { agreementKey: rule.agreementKey, from: rule.effectiveFrom });
  if (rule.householdKey) query.andWhere("line.household_id = :householdKey", { householdKey: rule.householdKey });
  const lines = await query.orderBy("line.id").getMany();
  if (lines.length === 0) return;
  await reallocateLines(scope, consortiumKey, await lineSharing(scope.manager, { agreementKey: rule.agreementKey, consortiumKey }), lines);
}
