import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit trail reads newest first: one object's (by subject), a consortium's (partners), or
 * everything (Fedasil admins). The events of one change share its transaction's `occurred_at`,
 * so a sequence number keeps them in the order written and makes every order total; each index
 * ends in both, so a page reads its rows from the index instead of sorting the trail.
 */
export class AuditEventTrail1764400000400 implements MigrationInterface {
  name = "AuditEventTrail1764400000400";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_event ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY`);
    await db.query(`DROP INDEX audit_event_subject_idx`);
    await db.query(`DROP INDEX audit_event_consortium_idx`);
    await db.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, occurred_at, position)`);
    await db.query(`CREATE INDEX audit_event_consortium_idx ON audit_event (consortium_id, occurred_at, position)`);
    await db.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_event_occurred_idx`);
    await db.query(`DROP INDEX audit_event_consortium_idx`);
    await db.query(`DROP INDEX audit_event_subject_idx`);
    await db.query(`ALTER TABLE audit_event DROP COLUMN position`);
    await db.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, occurred_at)`);
    await db.query(`CREATE INDEX audit_event_consortium_idx ON audit_event (consortium_id, occurred_at)`);
  }
}
