import type { SelectQueryBuilder } from "typeorm";
import type { ConsortiumScope, Viewer } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { type ConnectionPage, paginate } from "../../graphql/connection";
import { forbidden } from "../../graphql/errors";
import { fromGlobalId } from "../../graphql/global-id";
import { OrderDirection } from "../../graphql/order";
import type { PageArgs } from "../../graphql/pagination";
import type { ScopeCondition } from "../households/household-scope";
import { auditScope } from "./audit-access";
import { AuditEvent } from "./audit-event.entity";
import type { AuditEventFilter, AuditEventOrder } from "./audit-event.inputs";

/** Reads the audit trail, always within the viewer's audit scope. */
export class AuditEventService {
  constructor(private readonly db: Database) {}

  /** A page of the events the viewer may read that pass the filter; FORBIDDEN for roles that read none. */
  list(viewer: Viewer, filter: AuditEventFilter | null | undefined, order: AuditEventOrder | null | undefined, page: PageArgs): Promise<ConnectionPage<AuditEvent>> {
    const scope = auditScope(viewer);
    if (!scope) throw forbidden();
    const conditions = auditConditions(scope, filter);
    const direction = order?.direction ?? OrderDirection.DESC;
    return paginate(page, {
      read: (offset, limit) =>
        this.where(conditions).orderBy("event.occurred_at", direction).addOrderBy("event.position", direction).offset(offset).limit(limit).getMany(),
      count: () => this.where(conditions).getCount(),
    });
  }

  /** The events of these keys the viewer may read (none for roles that read none): `node(id)`. */
  readMany(viewer: Viewer, keys: readonly string[]): Promise<AuditEvent[]> {
    const scope = auditScope(viewer);
    if (!scope) return Promise.resolve([]);
    const conditions = auditConditions(scope, null);
    return this.where(conditions).andWhere("event.id = ANY(:keys)", { keys: [...keys] }).getMany();
  }

  private where(conditions: ScopeCondition): SelectQueryBuilder<AuditEvent> {
    return this.db.manager.createQueryBuilder(AuditEvent, "event").where(conditions.sql, conditions.params);
  }
}

/**
 * Events in the scope that pass the filter, as SQL over the alias `event`. A subject ID that names
 * nothing matches nothing, as one of another consortium's objects does: the two answers are alike.
 */
function auditConditions(scope: ConsortiumScope, filter: AuditEventFilter | null | undefined): ScopeCondition {
  const f = filter ?? {};
  const subject = f.subjectId != null ? fromGlobalId(f.subjectId) : null;
  const parts = [
    scope.all ? null : "event.consortium_id = ANY(:auditConsortia)",
    f.subjectId == null ? null : subject ? "event.subject_type = :auditSubjectType AND event.subject_id = :auditSubjectKey" : "FALSE",
    f.actions?.length ? "event.action = ANY(:auditActions)" : null,
    f.occurredFrom ? "event.occurred_at >= :auditFrom" : null,
    f.occurredTo ? "event.occurred_at <= :auditTo" : null,
  ].filter((part): part is string => part !== null);
  return {
    sql: parts.length > 0 ? parts.join(" AND ") : "TRUE",
    params: {
      auditConsortia: scope.all ? [] : [...scope.consortiumIds],
      auditSubjectType: subject?.typeName ?? null,
      auditSubjectKey: subject?.key ?? null,
      auditActions: f.actions ?? [],
      auditFrom: f.occurredFrom ?? null,
      auditTo: f.occurredTo ?? null,
    },
  };
}
