import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Runs a statement with named parameters (`:name`, `:...list`) with `manager`, e.g. a transaction's. */
export function queryNamed<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, parameters] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query(text, parameters);
}

/** Rows per INSERT: with up to 60 columns each, far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_INSERT = 1000;

/**
 * Inserts entities in multi-row INSERTs (one for up to 1,000 rows); the columns the database
 * fills (key, defaults, timestamps) come back into the entities.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager.insert(target, rows.slice(start, start + ROWS_PER_INSERT) as QueryDeepPartialEntity<T>[]);
  }
}
