import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Households list by lower(reference) (the same order on PGlite and PostgreSQL): an index in that
 * order lets a page read its rows from the index instead of sorting every household.
 */
export class HouseholdReferenceOrder1764400000100 implements MigrationInterface {
  name = "HouseholdReferenceOrder1764400000100";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX household_reference_order_idx ON household (lower(reference), id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX household_reference_order_idx`);
  }
}
