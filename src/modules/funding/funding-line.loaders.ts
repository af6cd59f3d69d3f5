import { type Viewer, householdScope } from "../../auth/viewer";
import { groupedLoader, keyedLoader } from "../../database/loaders";
import type { FundingLineService } from "./funding-line.service";

/**
 * Funding lines for one request, in the viewer's household scope: the consortium's partners and
 * Fedasil see them; evaluators never (they see funding only in aggregates).
 */
export function fundingLineLoaders(services: { fundingLines: FundingLineService }, viewer: Viewer) {
  const scope = householdScope(viewer);
  return {
    fundingLine: keyedLoader((keys) => services.fundingLines.readMany(scope, keys), (line) => line.key),
    householdFundingLines: groupedLoader((keys) => services.fundingLines.ofHouseholds(scope, keys), (line) => line.householdKey!),
    fundingLineAllocations: groupedLoader((keys) => services.fundingLines.allocationsOf(scope, keys), (allocation) => allocation.lineKey),
  };
}
