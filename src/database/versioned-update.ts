import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { conflict } from "../shared/mutation-runner";

/**
 * Applies `changes` and bumps the version only while the row still has `expectedVersion`, then
 * re-reads it in the transaction. On PostgreSQL the UPDATE also locks the row until commit, so
 * concurrent changes of the same object queue up and the later one answers CONFLICT.
 */
export async function updateVersioned<T extends ObjectLiteral & { key: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T> = {},
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => "version + 1" } as QueryDeepPartialEntity<T>)
    .where("id = :key AND version = :expectedVersion", { key, expectedVersion })
    .execute();
  if (!result.affected) throw conflict();
  return manager.findOneByOrFail(entity, { key } as FindOptionsWhere<T>);
}
