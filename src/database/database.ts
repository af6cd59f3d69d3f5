import type { EventEmitter } from "node:events";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Mutex } from "async-mutex";
import { DataSource, type EntityManager, type EntitySchema, type MigrationInterface, type ObjectLiteral } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { types } from "@electric-sql/pglite";
import { types as pgTypes } from "pg";
import { PGliteDriver } from "typeorm-pglite";
import { SqlStatementCounter } from "./sql-statement-counter";

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite data folder; unset keeps the embedded database in memory. */
  pgliteDataDir?: string;
  /** A PGlite data folder dumped by `dumpDataDir`, to start from instead of creating a new cluster (seconds faster). */
  pgliteStartFrom?: Blob;
  poolSize: number;
  entities: Array<Function | EntitySchema>;
  migrations: Array<new () => MigrationInterface>;
  onQueryError?: (error: string | Error, query: string) => void;
}

/**
 * The database as the rest of the server sees it: a TypeORM data source plus the rules for
 * using it safely. PGlite has a single session for all queries, so on PGlite every request
 * and every transaction runs alone (`exclusive`); on PostgreSQL they run concurrently.
 */
export class Database {
  readonly statements: SqlStatementCounter;
  private readonly gate?: Mutex;
  /** The name of each statement `select` prepared, by its text. */
  private readonly prepared = new Map<string, string>();

  constructor(readonly dataSource: DataSource, readonly embedded: boolean, statements: SqlStatementCounter) {
    this.statements = statements;
    this.gate = embedded ? new Mutex() : undefined;
  }

  static async open(options: DatabaseOptions): Promise<Database> {
    const statements = new SqlStatementCounter(options.onQueryError);
    const common = {
      type: "postgres" as const,
      entities: options.entities,
      migrations: options.migrations,
      synchronize: false,
      migrationsRun: false,
      logger: statements,
      // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
      installExtensions: false,
    };
    const dataSource = options.url
      ? new DataSource({ ...common, url: options.url, poolSize: options.poolSize, extra: { types: { getTypeParser: likePglite } } })
      : new DataSource({ ...common, driver: pgliteDriver(options.pgliteDataDir, options.pgliteStartFrom) });
    await dataSource.initialize();
    // typeorm-pglite hands out its one pool object as every connection, and each query runner
    // waiting for the gate adds its error listener to it: many at once are no leak.
    if (!options.url) ((dataSource.driver as PostgresDriver).master as EventEmitter).setMaxListeners(0);
    return new Database(dataSource, !options.url, statements);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `work` alone on PGlite (one session shared by all); directly on PostgreSQL. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.gate ? this.gate.runExclusive(work) : work();
  }

  /**
   * A read whose text is the same whatever its values (arrays as one parameter, no IN lists, no
   * literal LIMIT): on PostgreSQL a prepared statement, so each connection parses and plans it
   * once (the planning of a list's joins cost as much as running them). Counted like any other.
   */
  async select(sql: string, parameters: unknown[]): Promise<ObjectLiteral[]> {
    if (this.embedded) return this.manager.query(sql, parameters);
    this.statements.logQuery(sql, parameters);
    const [client, release] = await (this.dataSource.driver as PostgresDriver).obtainMasterConnection();
    // A connection lost mid-query also emits "error" on the client, which would crash the process
    // without a listener; the query's own rejection reports it, and the pool drops the client.
    const lost = () => undefined;
    client.on("error", lost);
    try {
      return (await client.query({ name: this.preparedName(sql), text: sql, values: parameters })).rows;
    } catch (error) {
      this.statements.logQueryError(error as Error, sql);
      throw error;
    } finally {
      client.removeListener("error", lost);
      release();
    }
  }

  private preparedName(sql: string): string {
    let name = this.prepared.get(sql);
    if (!name) this.prepared.set(sql, (name = `thuis_${this.prepared.size + 1}`));
    return name;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async migrate(): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: "each" });
    return applied.map((migration) => migration.name);
  }

  async ping(): Promise<void> {
    await this.dataSource.query("SELECT 1");
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** PGlite parses DATE into a JS Date at local midnight: keep the calendar day as its text. */
function pgliteDriver(dataDir?: string, loadDataDir?: Blob) {
  // PGlite creates its own folder but not the folders above it (e.g. `.data/` on a fresh clone).
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  return new PGliteDriver({ dataDir, loadDataDir, parsers: { [types.DATE]: (value: string) => value, [types.INT8]: safeInteger } }).driver;
}

/**
 * Raw queries answer the same on PostgreSQL as on PGlite: DATE as its `YYYY-MM-DD` text (pg
 * would make a Date at local midnight) and BIGINT, e.g. `count(*)`, as a number (pg: a string),
 * refused rather than rounded when a number cannot hold it.
 */
function likePglite(oid: number, format?: "text" | "binary") {
  if (oid === pgTypes.builtins.DATE) return (value: string) => value;
  if (oid === pgTypes.builtins.INT8) return safeInteger;
  return pgTypes.getTypeParser(oid, format);
}

function safeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`${value} is too large for a JavaScript number`);
  return number;
}
