import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { conflict } from "../shared/mutation-runner";

/**
 * Applies `changes` and bumps the version only while the row still has `expectedVersion`, and
 * answers with the row as it now is, in one statement. On PostgreSQL the UPDATE also locks the
 * row until commit, so concurrent changes of the same object queue up and the later one answers
 * CONFLICT.
 */
export async function updateVersioned<T extends ObjectLiteral & { key: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T> = {},
): Promise<T> {
  const [sql, parameters] = manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => "version + 1" } as QueryDeepPartialEntity<T>)
    .where("id = :key AND version = :expectedVersion", { key, expectedVersion })
    .returning("*")
    .getQueryAndParameters();
  // Selected from a CTE, the rows come back alone on both drivers (an UPDATE's answer also carries its count).
  const [row] = await manager.query(`WITH changed AS (${sql}) SELECT * FROM changed`, parameters);
  if (!row) throw conflict();
  return entityOf(manager, entity, row);
}

/** The entity of a row of its table, each value converted as TypeORM converts it when it reads the entity. */
function entityOf<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(entity);
  const object = metadata.create() as T;
  for (const column of metadata.columns) column.setEntityValue(object, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  return object;
}
