import { type Viewer, householdScope } from "../../auth/viewer";
import { childPagesLoader, perVariant } from "../../database/child-pages";
import { groupedLoader, keyedLoader, numberLoader } from "../../database/loaders";
import type { CooperationEventFilter } from "./cooperation.inputs";
import type { CooperationService, EventOwner } from "./cooperation.service";

/**
 * The cooperation module's loaders for one request, in the viewer's household scope (events may
 * hold personal detail): Fedasil sees every event, partners their consortia's, evaluators none.
 * Pages and counts are batched per owner kind and filter, so a list of agreements or households
 * reads its events in a fixed number of statements.
 */
export function cooperationLoaders(services: { cooperation: CooperationService }, viewer: Viewer) {
  const scope = householdScope(viewer);
  const cooperation = services.cooperation;
  const cooperationEvent = keyedLoader((keys) => cooperation.readMany(scope, keys), (e) => e.key);
  const pages = perVariant((variant) => {
    const [owner, filter] = JSON.parse(variant) as [EventOwner, CooperationEventFilter | null];
    return childPagesLoader((windows) => cooperation.pageKeys(scope, owner, filter, windows), cooperationEvent);
  });
  const counts = perVariant((variant) => {
    const [owner, filter] = JSON.parse(variant) as [EventOwner, CooperationEventFilter | null];
    return numberLoader((keys) => cooperation.counts(scope, owner, filter, keys), 0);
  });

  return {
    cooperationEvent,
    /** Which households each event is about. */
    cooperationEventHouseholds: groupedLoader((keys) => cooperation.householdLinks(keys), (link) => link.eventKey),
    cooperationEventPages: (owner: EventOwner, filter: CooperationEventFilter | null) => pages(variantOf(owner, filter)),
    cooperationEventCounts: (owner: EventOwner, filter: CooperationEventFilter | null) => counts(variantOf(owner, filter)),
  };
}

/** The same filter in any order of its kinds is the same variant. */
const variantOf = (owner: EventOwner, filter: CooperationEventFilter | null): string =>
  JSON.stringify([owner, filter && { ...filter, kinds: filter.kinds ? [...filter.kinds].sort() : null }]);
