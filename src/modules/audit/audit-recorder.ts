import type { EntityManager } from "typeorm";
import { insertRows } from "../../database/sql";
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

/** The event for a change, its objects snapshot now: the entities may change before the event is written. */
export function auditEvent(actor: AuditActor, change: AuditedChange): AuditEvent {
  return Object.assign(new AuditEvent(), {
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
}

/** Writes a mutation's events with the transaction's own manager, so they commit or roll back with the change, in one multi-row insert. */
export function recordAudits(manager: EntityManager, events: readonly AuditEvent[]): Promise<void> {
  return insertRows(manager, AuditEvent, events);
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
