import { Role, isFedasil, isPartner } from "./roles";

/** The authenticated user of a request and the consortia its organisation currently belongs to. */
export interface Viewer {
  userId: string;
  role: Role;
  organisationId: string;
  /** Consortia the viewer's organisation is a current member of (partners only). */
  consortiumIds: readonly string[];
}

/** Which consortia's households, persons and money a viewer may see: all, or a list (maybe empty). */
export type ConsortiumScope = { all: true } | { all: false; consortiumIds: readonly string[] };

const ALL: ConsortiumScope = { all: true };
const NONE: ConsortiumScope = { all: false, consortiumIds: [] };

/** Households, persons, accommodations: Fedasil all; partners their consortia; evaluators none. */
export function householdScope(viewer: Viewer): ConsortiumScope {
  if (isFedasil(viewer.role)) return ALL;
  if (isPartner(viewer.role)) return { all: false, consortiumIds: viewer.consortiumIds };
  return NONE;
}

/** Consortia and agreements: partners their own; Fedasil and evaluators all. */
export function agreementScope(viewer: Viewer): ConsortiumScope {
  return isPartner(viewer.role) ? { all: false, consortiumIds: viewer.consortiumIds } : ALL;
}

export function inScope(scope: ConsortiumScope, consortiumId: string): boolean {
  return scope.all || scope.consortiumIds.includes(consortiumId);
}
