import type { EntityManager } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission, may } from "../../auth/permissions";
import type { Viewer } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { type ConnectionPage, paginate } from "../../graphql/connection";
import { forbidden, notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import type { PageArgs } from "../../graphql/pagination";
import { UserErrorCode, UserErrors, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { type MutationOutcome, type MutationRunner, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import type { ReportDefinitionInput } from "./report-definition.inputs";
import { REPORT_ROLES, definitionToKeep, saveProblems, shareProblems } from "./saved-report-rules";
import { SavedReport } from "./saved-report.entity";
import type { DeleteReportInput, SaveReportInput, ShareReportInput } from "./saved-report.inputs";

/** One user a report is shared with. */
export interface ReportShare {
  reportKey: string;
  userKey: string;
}

/** Why a definition cannot be run (a dimension that does not go with a measure…), or null. */
export type DefinitionCheck = (definition: ReportDefinitionInput) => string | null;

const VISIBLE = `(report.owner_user_id = :viewer OR report.id IN (SELECT share.saved_report_id FROM saved_report_share share WHERE share.user_id = :viewer))`;

/**
 * Saved reports: evaluators and Fedasil keep report definitions under a name and share them with
 * each other. A report is visible to its owner and the users it is shared with; only the owner
 * changes it. Anyone else learns nothing of it, not even that it exists.
 */
export class SavedReportService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner, private readonly check: DefinitionCheck) {}

  readVisible(viewer: Viewer, keys: readonly string[]): Promise<SavedReport[]> {
    if (!may(viewer.role, Permission.SAVE_REPORTS)) return Promise.resolve([]);
    return this.visible(viewer).andWhere("report.id IN (:...keys)", { keys: [...keys] }).getMany();
  }

  /** A saved report the viewer may run; NOT_FOUND for any other id. */
  async readable(viewer: Viewer, savedReportId: string): Promise<SavedReport> {
    const key = keyOf(savedReportId, "SavedReport");
    const [report] = key ? await this.readVisible(viewer, [key]) : [];
    return report ?? Promise.reject(notFound());
  }

  /** The viewer's reports and those shared with it, by name. */
  list(viewer: Viewer, ownedOnly: boolean, page: PageArgs): Promise<ConnectionPage<SavedReport>> {
    if (!may(viewer.role, Permission.SAVE_REPORTS)) throw forbidden();
    const query = () => (ownedOnly ? this.visible(viewer).andWhere("report.owner_user_id = :viewer") : this.visible(viewer));
    return paginate(page, {
      read: (offset, limit) => query().orderBy("lower(report.name)").addOrderBy("report.id").offset(offset).limit(limit).getMany(),
      count: () => query().getCount(),
    });
  }

  /** The users each report is shared with, in the order they were added. */
  sharesOf(reportKeys: readonly string[], manager: EntityManager = this.db.manager): Promise<ReportShare[]> {
    return manager.query(
      `SELECT saved_report_id AS "reportKey", user_id AS "userKey" FROM saved_report_share
        WHERE saved_report_id = ANY($1) ORDER BY created_at, user_id`,
      [[...reportKeys]],
    );
  }

  async save(caller: Caller, input: SaveReportInput): Promise<MutationOutcome<SavedReport>> {
    requirePermission(caller, Permission.SAVE_REPORTS);
    const target = input.reportId == null ? null : await this.owned(caller.viewer, input.reportId);
    const spec = {
      operation: "saveReport",
      actor: auditActor(caller),
      idempotencyKey: target ? null : input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(SavedReport, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit }) => {
      rejectIf(asUserErrors(saveProblems(input, target !== null, input.definition ? this.check(input.definition) : null)));
      const changes = { ...(input.name != null && { name: input.name.trim() }), ...(input.definition && { definition: definitionToKeep(input.definition) }) };
      const saved = await uniqueName(() => (target ? this.update(manager, target, input.expectedVersion!, changes) : this.create(manager, caller.viewer, changes)));
      await audit({ subjectType: "SavedReport", subjectKey: saved.key, consortiumKey: null, before: target, after: saved });
      return saved;
    });
  }

  async share(caller: Caller, input: ShareReportInput): Promise<MutationOutcome<SavedReport>> {
    requirePermission(caller, Permission.SAVE_REPORTS);
    const target = await this.owned(caller.viewer, input.reportId);
    return this.mutations.run({ operation: "shareReport", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      const recipients = await this.recipients(manager, input.userIds);
      rejectIf(asUserErrors(shareProblems(input.userIds, recipients, caller.viewer.userId)));
      const saved = await updateVersioned(manager, SavedReport, target.key, input.expectedVersion);
      const before = { ...target, sharedWith: (await this.sharesOf([target.key], manager)).map((share) => share.userKey) };
      const userKeys = [...new Set(input.userIds.map((id) => keyOf(id, "User")!))]; // all users: shareProblems passed
      await shareWithExactly(manager, target.key, userKeys);
      await audit({ subjectType: "SavedReport", subjectKey: saved.key, consortiumKey: null, before, after: { ...saved, sharedWith: userKeys } });
      return saved;
    });
  }

  async delete(caller: Caller, input: DeleteReportInput): Promise<MutationOutcome<SavedReport>> {
    requirePermission(caller, Permission.SAVE_REPORTS);
    const target = await this.owned(caller.viewer, input.reportId);
    return this.mutations.run({ operation: "deleteReport", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      const deleted = await manager.createQueryBuilder().delete().from(SavedReport).where("id = :key AND version = :version", { key: target.key, version: input.expectedVersion }).execute();
      if (!deleted.affected) throw conflict();
      await audit({ subjectType: "SavedReport", subjectKey: target.key, consortiumKey: null, before: target, after: null });
      return target;
    });
  }

  private visible(viewer: Viewer) {
    return this.db.manager.createQueryBuilder(SavedReport, "report").where(VISIBLE, { viewer: viewer.userId });
  }

  /** The report to change: unknown and invisible reports are not found; shared ones are not the viewer's to change. */
  private async owned(viewer: Viewer, reportId: string): Promise<SavedReport> {
    const report = await this.readable(viewer, reportId);
    if (report.ownerKey !== viewer.userId) throw forbidden();
    return report;
  }

  private async create(manager: EntityManager, viewer: Viewer, values: Partial<SavedReport>): Promise<SavedReport> {
    return manager.save(manager.create(SavedReport, { ...values, ownerKey: viewer.userId }));
  }

  private async update(manager: EntityManager, target: SavedReport, expectedVersion: number, changes: Partial<SavedReport>): Promise<SavedReport> {
    if (target.version !== expectedVersion) throw conflict();
    return updateVersioned(manager, SavedReport, target.key, expectedVersion, changes);
  }

  /** The keys among these ids of users a report may be shared with. */
  private async recipients(manager: EntityManager, userIds: readonly string[]): Promise<string[]> {
    const keys = userIds.map((id) => keyOf(id, "User")).filter((key): key is string => key !== null);
    if (keys.length === 0) return [];
    const rows = await manager.query(`SELECT id FROM app_user WHERE id = ANY(CAST($1 AS uuid[])) AND role = ANY($2)`, [keys, REPORT_ROLES]);
    return rows.map((row: { id: string }) => row.id);
  }
}

/** Those kept keep their place; those added follow, in the order given (now() is the transaction's start). */
async function shareWithExactly(manager: EntityManager, reportKey: string, userKeys: string[]): Promise<void> {
  await manager.query(`DELETE FROM saved_report_share WHERE saved_report_id = $1 AND user_id <> ALL(CAST($2 AS uuid[]))`, [reportKey, userKeys]);
  await manager.query(
    `INSERT INTO saved_report_share (saved_report_id, user_id, created_at)
     SELECT $1, given.user_id, now() + given.position * interval '1 microsecond' FROM unnest(CAST($2 AS uuid[])) WITH ORDINALITY AS given (user_id, position)
     ON CONFLICT DO NOTHING`,
    [reportKey, userKeys],
  );
}

async function uniqueName(write: () => Promise<SavedReport>): Promise<SavedReport> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error, "saved_report_owner_name_key")) throw error;
    throw new UserErrors([userError(["input", "name"], UserErrorCode.TAKEN, "You already have a report with this name.")]);
  }
}
