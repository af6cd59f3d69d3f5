import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A person recorded by mistake can be removed from a household after arrival; their cancelled
 * tasks keep the person's key as history (and for the once-per-child rule), so the key is no
 * longer a foreign key.
 */
export class TasksOutliveRemovedPersons1764200000200 implements MigrationInterface {
  name = "TasksOutliveRemovedPersons1764200000200";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task DROP CONSTRAINT task_person_id_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE task ADD CONSTRAINT task_person_id_fkey FOREIGN KEY (person_id) REFERENCES person(id)`);
  }
}
