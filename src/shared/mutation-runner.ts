import { createHash } from "node:crypto";
import { type EntityManager, QueryFailedError } from "typeorm";
import type { Database } from "../database/database";
import { inputErrors } from "../graphql/input-validation";
import { UserErrorCode, UserErrors, type UserError, userError } from "../graphql/user-error";
import { type AuditActor, type AuditedChange, auditEvent, recordAudits } from "../modules/audit/audit-recorder";
import type { AuditEvent } from "../modules/audit/audit-event.entity";
import { IdempotencyRecord } from "./idempotency-record.entity";

/** What a mutation's work gets: the transaction's manager and its audit trail. */
export interface MutationScope {
  manager: EntityManager;
  /** Notes an audit event (its objects as they are now); the mutation's events are written in one insert once its work is done. */
  audit(change: Omit<AuditedChange, "action">): void;
  /** Runs once the transaction has committed (live notifications); never for a rolled-back change. */
  afterCommit(effect: () => void): void;
}

export interface MutationSpec<T> {
  operation: string;
  actor: AuditActor;
  /** With a key, a retried create returns its first result and writes nothing new. */
  idempotencyKey?: string | null;
  input?: unknown;
  /** Reads the result of an earlier attempt (idempotent retry). */
  reload?: (key: string) => Promise<T | null>;
}

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

const UNIQUE_VIOLATION = "23505";

/**
 * Runs a mutation's work in one transaction with its audit events; a thrown UserErrors rolls
 * everything back and becomes the payload's user errors.
 */
export class MutationRunner {
  /** `committed` runs after each commit, before the mutation answers (caches of what it may have changed). */
  constructor(
    private readonly db: Database,
    private readonly committed: () => void = () => undefined,
  ) {}

  async run<T extends { key: string }>(spec: MutationSpec<T>, work: (scope: MutationScope) => Promise<T>): Promise<MutationOutcome<T>> {
    const invalid = spec.input && typeof spec.input === "object" ? await inputErrors(spec.input) : [];
    if (invalid.length > 0) return { result: null, userErrors: invalid };
    const requestHash = spec.idempotencyKey ? hashOf(spec.input) : "";
    if (spec.idempotencyKey) {
      const earlier = await this.replay(spec, requestHash);
      if (earlier) return earlier;
    }
    const effects: Array<() => void> = [];
    try {
      const result = await this.db.transaction(async (manager) => {
        const audits: AuditEvent[] = [];
        const scope: MutationScope = {
          manager,
          audit: (change) => void audits.push(auditEvent(spec.actor, { ...change, action: spec.operation })),
          afterCommit: (effect) => effects.push(effect),
        };
        const value = await work(scope);
        await recordAudits(manager, audits);
        if (spec.idempotencyKey) await this.remember(manager, spec, requestHash, value.key);
        return value;
      });
      this.committed();
      for (const effect of effects) effect();
      return { result, userErrors: [] };
    } catch (error) {
      // A concurrent retry with the same key committed first: answer with its result. Our work may have
      // failed on its record, or already on what it wrote (a unique reference, a bumped version, ...).
      const earlier = spec.idempotencyKey ? await this.replay(spec, requestHash) : null;
      if (earlier) return earlier;
      if (error instanceof UserErrors) return { result: null, userErrors: error.errors };
      throw error;
    }
  }

  private async replay<T>(spec: MutationSpec<T>, requestHash: string): Promise<MutationOutcome<T> | null> {
    const record = await this.db.manager.findOneBy(IdempotencyRecord, {
      userKey: spec.actor.userKey,
      operation: spec.operation,
      idempotencyKey: spec.idempotencyKey!,
    });
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      return {
        result: null,
        userErrors: [userError(["input", "idempotencyKey"], UserErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was already used for a different request.")],
      };
    }
    return { result: spec.reload ? await spec.reload(record.resultKey) : null, userErrors: [] };
  }

  private async remember<T>(manager: EntityManager, spec: MutationSpec<T>, requestHash: string, resultKey: string): Promise<void> {
    await manager.insert(IdempotencyRecord, {
      userKey: spec.actor.userKey,
      operation: spec.operation,
      idempotencyKey: spec.idempotencyKey!,
      requestHash,
      resultKey,
    });
  }
}

function hashOf(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input ?? null)).digest("hex");
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && (!constraint || driverError.constraint === constraint);
}

/** A version mismatch as the user error every update answers with. */
export function conflict(field: string[] = ["input", "expectedVersion"]): UserErrors {
  return new UserErrors([userError(field, UserErrorCode.CONFLICT, "The object was changed by someone else; reload it and try again.")]);
}
