import type { MigrationInterface, QueryRunner } from "typeorm";

/** At most one open LEAD membership per consortium: the service keeps exactly one, the database backs it. */
export class OneLeadPerConsortium1764000000100 implements MigrationInterface {
  name = "OneLeadPerConsortium1764000000100";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX consortium_membership_one_lead_key ON consortium_membership (consortium_id) WHERE left_on IS NULL AND role = 'LEAD'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX consortium_membership_one_lead_key`);
  }
}
