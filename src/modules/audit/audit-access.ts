import { Role, isPartner } from "../../auth/roles";
import type { ConsortiumScope, Viewer } from "../../auth/viewer";

/**
 * Whose audit trail a viewer reads: Fedasil admins every object's, partners their current
 * consortia's; Fedasil staff and evaluators none (null: FORBIDDEN). Events without a consortium
 * (organisations, templates, rates, saved reports) are Fedasil admins' alone.
 */
export function auditScope(viewer: Viewer): ConsortiumScope | null {
  if (viewer.role === Role.FEDASIL_ADMIN) return { all: true };
  return isPartner(viewer.role) ? { all: false, consortiumIds: viewer.consortiumIds } : null;
}
