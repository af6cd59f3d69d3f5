import type { MigrationInterface, QueryRunner } from "typeorm";

/** Report definitions evaluators and Fedasil keep, name and share with each other. */
export class SavedReports1764300000000 implements MigrationInterface {
  name = "SavedReports1764300000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_user_id uuid NOT NULL REFERENCES app_user(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        definition jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX saved_report_owner_name_key ON saved_report (owner_user_id, lower(name))`);
    await db.query(`
      CREATE TABLE saved_report_share (
        saved_report_id uuid NOT NULL REFERENCES saved_report(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_report_share_pkey PRIMARY KEY (saved_report_id, user_id)
      )`);
    await db.query(`CREATE INDEX saved_report_share_user_idx ON saved_report_share (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_report_share`);
    await db.query(`DROP TABLE saved_report`);
  }
}
