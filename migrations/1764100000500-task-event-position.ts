import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A task's history in the order it was written: entries of one change share its transaction's
 * `occurred_at` (now()), so a sequence number keeps e.g. an assignment before the hand-over it withdrew.
 */
export class TaskEventPosition1764100000500 implements MigrationInterface {
  name = "TaskEventPosition1764100000500";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task_event ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY`);
    await db.query(`DROP INDEX task_event_task_idx`);
    await db.query(`CREATE INDEX task_event_task_idx ON task_event (task_id, occurred_at, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX task_event_task_idx`);
    await db.query(`ALTER TABLE task_event DROP COLUMN position`);
    await db.query(`CREATE INDEX task_event_task_idx ON task_event (task_id, occurred_at)`);
  }
}
