import type { MigrationInterface, QueryRunner } from "typeorm";

/** The tables a viewer is read from (UserService.viewerFor). */
const VIEWER_TABLES = ["app_user", "consortium_membership"];

/**
 * Each server keeps the viewers it looked up (user, role, organisation, consortia) while it hears
 * of every change to users and memberships: any statement that changes one notifies channel
 * `thuis_viewers` when its transaction commits, whoever ran it (thuis, a script, an operator).
 */
export class ViewerChangeNotifications1764500000000 implements MigrationInterface {
  name = "ViewerChangeNotifications1764500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION notify_viewer_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('thuis_viewers', '');
        RETURN NULL;
      END $$`);
    for (const table of VIEWER_TABLES) {
      await db.query(`CREATE TRIGGER ${table}_viewer_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_viewer_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of VIEWER_TABLES) await db.query(`DROP TRIGGER ${table}_viewer_change ON ${table}`);
    await db.query(`DROP FUNCTION notify_viewer_change()`);
  }
}
