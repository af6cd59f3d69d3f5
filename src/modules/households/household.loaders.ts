import { type Viewer, householdScope } from "../../auth/viewer";
import { childPagesLoader, perVariant } from "../../database/child-pages";
import { groupedLoader, keyedLoader, numberLoader } from "../../database/loaders";
import type { HouseholdServices } from "./household-services";
import type { HouseholdOrder } from "./household.inputs";

/**
 * The households module's loaders for one request, all within the viewer's household scope:
 * Fedasil sees every household, partners their consortia's, evaluators none.
 */
export function householdLoaders(services: HouseholdServices, viewer: Viewer) {
  const scope = householdScope(viewer);
  const household = keyedLoader((keys) => services.households.readMany(scope, keys), (h) => h.key);
  const pages = perVariant((variant) => {
    const order = JSON.parse(variant) as HouseholdOrder | null;
    return childPagesLoader((windows) => services.households.pageKeysOfAgreements(scope, order, windows), household);
  });

  return {
    household,
    person: keyedLoader((keys) => services.persons.readMany(scope, keys), (p) => p.key),
    accommodation: keyedLoader((keys) => services.accommodations.readMany(scope, keys), (a) => a.key),
    householdPersons: groupedLoader((keys) => services.persons.ofHouseholds(scope, keys), (p) => p.householdKey),
    householdAccommodations: groupedLoader((keys) => services.accommodations.ofHouseholds(scope, keys), (a) => a.householdKey),
    agreementHouseholdCount: numberLoader((keys) => services.households.countsOfAgreements(scope, keys), 0),
    /** Null for an agreement whose households the viewer may not see. */
    agreementPlacedPersons: numberLoader((keys) => services.households.placedPersonsOfAgreements(scope, keys), null),
    /** Pages of agreements' households: one statement for all windows of a batch, one for the households. */
    agreementHouseholdPages: (order: HouseholdOrder | null) => pages(JSON.stringify(order ?? null)),
  };
}
