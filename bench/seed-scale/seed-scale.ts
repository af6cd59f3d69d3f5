/**
 * Fills a database with the scale programme in one transaction: refuses one that already holds a
 * programme unless told to reset it (every programme table emptied; migrations, task templates
 * and rate schedules kept), then writes (foreign keys checked once at the end where allowed),
 * then ANALYZEs. Runs on PostgreSQL and PGlite alike.
 */
import { performance } from "node:perf_hooks";
import type { EntityManager } from "typeorm";
import type { Database } from "../../src/database/database";
import { engineSchedulesIn } from "../../src/modules/funding/funding-rate-schedule.service";
import { TaskTemplateService } from "../../src/modules/task-templates/task-template.service";
import { todayInBrussels } from "../../src/shared/calendar";
import { MutationRunner } from "../../src/shared/mutation-runner";
import { withForeignKeysCheckedOnce } from "./foreign-keys";
import type { Programme } from "./programme";
import { writeScaleProgramme } from "./scale-programme";
import type { TableName } from "./table-columns";
import { type TableStats, TableWriter } from "./table-writer";

export interface SeedOptions {
  households: number;
  /** Empty the programme tables first instead of refusing a database that holds organisations. */
  reset?: boolean;
  /** Statuses and dates are as of this day; today in Brussels by default. */
  today?: string;
  rowsPerStatement?: number;
}

export interface SeedReport {
  tables: Array<{ table: TableName } & TableStats>;
  /** From opening the transaction to its commit: planning and writing overlap. */
  loadMs: number;
  analyzeMs: number;
  programme: Programme;
}

/** Reference rows the migrations seed, and the migrations' own bookkeeping: kept by a reset. */
const KEPT_TABLES = ["migrations", "typeorm_metadata", "task_template", "funding_rate_schedule", "funding_rate"];

export class SeedRefused extends Error {}

export async function seedScale(db: Database, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const today = options.today ?? todayInBrussels();
  const { writer, programme } = await db.exclusive(() =>
    db.transaction(async (manager) => {
      await emptyOrRefuse(manager, options.reset ?? false);
      const templates = await new TaskTemplateService(db, new MutationRunner(db)).active(manager);
      const schedules = await engineSchedulesIn(manager);
      const writer = new TableWriter((sql, params) => manager.query(sql, params), options.rowsPerStatement);
      const programme = await withForeignKeysCheckedOnce(manager, () => writeScaleProgramme(writer, { households: options.households, today, templates, schedules }));
      return { writer, programme };
    }),
  );
  const loaded = performance.now();
  await db.exclusive(() => db.manager.query("ANALYZE"));
  return {
    tables: [...writer.stats].map(([table, stats]) => ({ table, ...stats })),
    loadMs: loaded - started,
    analyzeMs: performance.now() - loaded,
    programme,
  };
}

async function emptyOrRefuse(manager: EntityManager, reset: boolean): Promise<void> {
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM organisation`);
  if (count > 0 && !reset) {
    throw new SeedRefused(`The database already holds ${count} organisations: run with --reset to empty the programme tables first (migrations, task templates and rate schedules are kept).`);
  }
  if (!reset) return;
  const tables: Array<{ name: string }> = await manager.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`,
    [KEPT_TABLES],
  );
  await manager.query(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`);
}
