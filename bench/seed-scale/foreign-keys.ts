/**
 * PostgreSQL checks a foreign key with a trigger per inserted row, which costs a bulk load more
 * than the inserts themselves. A superuser (as on the bench and test databases) may load with
 * those triggers off (session_replication_role = replica, as pg_restore --disable-triggers does)
 * and then check every foreign key of the written tables once, set-wise, before commit; anyone
 * else loads with the triggers on. Either way nothing commits that refers to a missing row.
 */
import type { EntityManager } from "typeorm";
import { TABLE_NAMES } from "./table-columns";

export async function withForeignKeysCheckedOnce<T>(manager: EntityManager, load: () => Promise<T>): Promise<T> {
  const [{ superuser }] = await manager.query(`SELECT current_setting('is_superuser') = 'on' AS superuser`);
  if (!superuser) return load();
  await manager.query(`SET LOCAL session_replication_role = replica`);
  const result = await load();
  await manager.query(`SET LOCAL session_replication_role = origin`);
  await checkForeignKeys(manager);
  return result;
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  referenced: string[];
}

/** Each foreign key of the written tables as one anti-join; throws naming those with rows that refer to nothing. */
async function checkForeignKeys(manager: EntityManager): Promise<void> {
  const keys: ForeignKey[] = await manager.query(
    `SELECT c.conname AS name, child.relname AS child, parent.relname AS parent,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k (attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k (attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced
       FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid
       JOIN pg_class parent ON parent.oid = c.confrelid
      WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace AND child.relname = ANY($1)
      ORDER BY c.conname`,
    [TABLE_NAMES],
  );
  const broken: string[] = [];
  for (const key of keys) {
    const present = key.columns.map((column) => `c.${column} IS NOT NULL`).join(" AND ");
    const matches = key.columns.map((column, i) => `p.${key.referenced[i]} = c.${column}`).join(" AND ");
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${key.child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${matches})`);
    if (n > 0) broken.push(`${key.name}: ${n} ${key.child} rows refer to no ${key.parent}`);
  }
  if (broken.length > 0) throw new Error(`The load broke foreign keys; nothing is committed. ${broken.join("; ")}.`);
}
