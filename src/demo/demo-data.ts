import { type EntityManager, IsNull } from "typeorm";
import type { Database } from "../database/database";
import { TaskTemplate } from "../modules/task-templates/task-template.entity";
import { todayInBrussels } from "../shared/calendar";
import { type WorkRows, planDemoWork } from "./demo-daily-work";
import { type DemoRows, type Row, planDemoData } from "./demo-plan";

/**
 * Loads the demo programme and its daily work into an empty database in one transaction; false
 * when it already holds organisations. The tasks are planned from the templates the migration
 * stored. The table lock makes a second server starting at the same time wait and then find the
 * data, instead of loading it twice.
 */
export async function seedDemoData(db: Database, today: string = todayInBrussels()): Promise<boolean> {
  return db.exclusive(() =>
    db.transaction(async (manager) => {
      await manager.query(`LOCK TABLE organisation IN EXCLUSIVE MODE`);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM organisation`);
      if (count > 0) return false;
      const programme = planDemoData(today);
      await insertTables(manager, programme);
      const templates = await manager.find(TaskTemplate, { where: { retiredOn: IsNull() }, order: { sortOrder: "ASC", code: "ASC" } });
      await insertTables(manager, planDemoWork(programme, templates, today));
      return true;
    }),
  );
}

/** The tables in the order given (the foreign keys' order). */
async function insertTables(manager: EntityManager, tables: DemoRows | WorkRows): Promise<void> {
  for (const [table, rows] of Object.entries(tables) as Array<[string, Row[]]>) await insertRows(manager, table, rows);
}

/** One multi-row INSERT per table (all rows of a table have the same columns). */
async function insertRows(manager: EntityManager, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${values.push(row[column])}`).join(", ")})`);
  await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, values);
}
