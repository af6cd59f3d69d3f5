import { type Viewer, householdScope } from "../../../auth/viewer";
import { groupedLoader, keyedLoader } from "../../../database/loaders";
import type { SplitRuleService } from "./split-rule.service";

/** Split rules for one request, seen like the agreement's money: the consortium's partners and Fedasil. */
export function splitRuleLoaders(services: { splitRules: SplitRuleService }, viewer: Viewer) {
  const scope = householdScope(viewer);
  return {
    splitRule: keyedLoader((keys) => services.splitRules.readMany(scope, keys), (rule) => rule.key),
    agreementSplitRules: groupedLoader((keys) => services.splitRules.ofAgreements(scope, keys), (rule) => rule.agreementKey),
    splitRuleWeights: groupedLoader((keys) => services.splitRules.weightsOf(keys), (weight) => weight.ruleKey),
    splitRuleApprovals: groupedLoader((keys) => services.splitRules.approvalsOf(keys), (approval) => approval.ruleKey),
  };
}
