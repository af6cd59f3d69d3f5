import type { Database } from "../../src/database/database";

/** Per table: its row count and the md5 of all its rows. */
export type Snapshot = Record<string, { rows: number; md5: string }>;

/**
 * Every table of the schema in one statement, computed by the database. Rows are ordered by
 * their whole text (it starts with the key where there is one): the same rows give the same sum.
 */
export async function snapshotOf(db: Database): Promise<Snapshot> {
  const tables: Array<{ name: string }> = await db.manager.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables.map(
    ({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
  );
  const rows: Array<{ name: string; rows: number; md5: string }> = await db.manager.query(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
