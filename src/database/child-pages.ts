import DataLoader from "dataloader";
import type { Database } from "./database";

/** One page of a parent's children (an agreement's households, a household's tasks): which parent, from where, how many. */
export interface ChildWindow {
  parentKey: string;
  offset: number;
  limit: number;
}

/** Where the children live: their id and parent expressions, the FROM and WHERE (with the scope), and their order. */
export interface ChildSource {
  id: string;
  parent: string;
  from: string;
  where: string;
  orderBy: string;
  params: Record<string, unknown>;
}

/**
 * The keys of one page per window, in list order, all read in one statement: every child is
 * ranked within its parent and the windows pick their slices of the ranking.
 */
export async function childPageKeys(db: Database, source: ChildSource, windows: readonly ChildWindow[]): Promise<string[][]> {
  const [sql, parameters] = db.dataSource.driver.escapeQueryWithParameters(
    `SELECT page.request, ranked.id
       FROM unnest(CAST(:windowParents AS uuid[]), CAST(:windowOffsets AS int[]), CAST(:windowLimits AS int[])) WITH ORDINALITY
            AS page(parent_id, first_position, size, request)
       JOIN (SELECT ${source.id} AS id, ${source.parent} AS parent_id,
                    row_number() OVER (PARTITION BY ${source.parent} ORDER BY ${source.orderBy}) - 1 AS position
               FROM ${source.from} WHERE ${source.where}) ranked
         ON ranked.parent_id = page.parent_id
        AND ranked.position >= page.first_position AND ranked.position < page.first_position + page.size
      ORDER BY page.request, ranked.position`,
    {
      ...source.params,
      windowParents: windows.map((w) => w.parentKey),
      windowOffsets: windows.map((w) => w.offset),
      windowLimits: windows.map((w) => w.limit),
    },
  );
  const pages = windows.map((): string[] => []);
  for (const row of (await db.manager.query(sql, parameters)) as Array<{ request: string | number; id: string }>) {
    pages[Number(row.request) - 1].push(row.id);
  }
  return pages;
}

/** Pages of children for a batch of windows: one statement for the keys, one (through `byKey`) for the objects. */
export function childPagesLoader<T extends { key: string }>(
  readPageKeys: (windows: readonly ChildWindow[]) => Promise<string[][]>,
  byKey: DataLoader<string, T | null>,
): DataLoader<ChildWindow, T[], string> {
  return new DataLoader<ChildWindow, T[], string>(
    async (windows) => {
      const pages = await readPageKeys(windows);
      const found = new Map<string, T>();
      for (const child of await byKey.loadMany(pages.flat())) {
        if (child && !(child instanceof Error)) found.set(child.key, child);
      }
      return pages.map((keys) => keys.flatMap((key) => found.get(key) ?? []));
    },
    { cacheKeyFn: (w) => `${w.parentKey}:${w.offset}:${w.limit}` },
  );
}

/** One loader per query variant (filter, order) within a request, made on first use. */
export function perVariant<V>(create: (variant: string) => V): (variant: string) => V {
  const made = new Map<string, V>();
  return (variant) => {
    if (!made.has(variant)) made.set(variant, create(variant));
    return made.get(variant)!;
  };
}
