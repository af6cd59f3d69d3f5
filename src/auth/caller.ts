import { forbidden } from "../graphql/errors";
import type { AuditActor } from "../modules/audit/audit-recorder";
import { type Permission, may } from "./permissions";
import type { Viewer } from "./viewer";

/** Who is calling a service: the authenticated viewer and the request, for the audit trail. */
export interface Caller {
  viewer: Viewer;
  requestId: string;
}

export function auditActor(caller: Caller): AuditActor {
  return { userKey: caller.viewer.userId, organisationKey: caller.viewer.organisationId, requestId: caller.requestId };
}

/** Throws FORBIDDEN unless the caller's role grants the permission. */
export function requirePermission(caller: Caller, permission: Permission): void {
  if (!may(caller.viewer.role, permission)) throw forbidden();
}
