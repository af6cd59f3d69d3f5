import type { EntityManager } from "typeorm";
import { AuditEvent } from "./audit-event.entity";

export interface AuditActor {
  userKey: string;
  organisationKey: string;
  requestId?: string;
}

export interface AuditedChange {
  action: string;
  subjectType: string;
  subjectKey: string;
  consortiumKey: string | null;
  before: object | null;
  after: object | null;
}

/** Writes one audit event with the transaction's own manager, so it commits or rolls back with the change. */
export async function recordAudit(manager: EntityManager, actor: AuditActor, change: AuditedChange): Promise<void> {
  const event = Object.assign(new AuditEvent(), {
    actorUserKey: actor.userKey,
    actorOrganisationKey: actor.organisationKey,
    action: change.action,
    subjectType: change.subjectType,
    subjectKey: change.subjectKey,
    consortiumKey: change.consortiumKey,
    before: change.before ? snapshot(change.before) : null,
    after: change.after ? snapshot(change.after) : null,
    requestId: actor.requestId ?? null,
  });
  await manager.save(event);
}

/** The stored columns of an entity as plain JSON: values, dates and lists of values (loaded relations and getters left out). */
function snapshot(entity: object): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entity)) {
    if (value instanceof Date) plain[name] = value.toISOString();
    else if (Array.isArray(value) ? value.every(isPlainValue) : isPlainValue(value) || isJsonObject(value)) plain[name] = value;
  }
  return plain;
}

/** A JSON column's value (a saved report's definition), unlike a loaded relation, which is an entity. */
const isJsonObject = (value: unknown): boolean => typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isPlainValue = (value: unknown): boolean => value === null || ["string", "number", "boolean"].includes(typeof value);
