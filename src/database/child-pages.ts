import DataLoader from "dataloader";
import type { ObjectLiteral } from "typeorm";
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

/** What a page read returns of each child: `ranked` (SQL over `source.from`) is ranked as `alias`, then `joins` and `columns` apply. */
interface PageSelection {
  ranked: string;
  alias: string;
  columns: string;
  joins: string;
}

/**
 * One page per window, in list order, all read in one statement: each window takes its slice of
 * its parent's children in order (an index range where one fits); only then are the slices
 * joined to what `select` asks for. Each row also has the window's `request` number (1-based).
 */
function readPages(db: Database, source: ChildSource, select: PageSelection, windows: readonly ChildWindow[]): Promise<ObjectLiteral[]> {
  const { alias } = select;
  const [sql, parameters] = db.dataSource.driver.escapeQueryWithParameters(
    `SELECT page.request, ${select.columns}
       FROM unnest(CAST(:windowParents AS uuid[]), CAST(:windowOffsets AS int[]), CAST(:windowLimits AS int[])) WITH ORDINALITY
            AS page(parent_id, first_position, size, request)
      CROSS JOIN LATERAL (SELECT ${select.ranked}, row_number() OVER (ORDER BY ${source.orderBy}) AS page_position
               FROM ${source.from} WHERE ${source.where} AND ${source.parent} = page.parent_id
              ORDER BY ${source.orderBy} OFFSET page.first_position LIMIT page.size) ${alias}
      ${select.joins}
      ORDER BY page.request, ${alias}.page_position`,
    {
      ...source.params,
      windowParents: windows.map((w) => w.parentKey),
      windowOffsets: windows.map((w) => w.offset),
      windowLimits: windows.map((w) => w.limit),
    },
  );
  return db.select(sql, parameters);
}

/** Splits rows numbered by `request` into one list per window. */
function byWindow<T>(windows: readonly ChildWindow[], rows: readonly ObjectLiteral[], values: readonly T[]): T[][] {
  const pages = windows.map((): T[] => []);
  rows.forEach((row, i) => pages[Number(row.request) - 1].push(values[i]));
  return pages;
}

/** The keys of one page per window (see readPages). */
export async function childPageKeys(db: Database, source: ChildSource, windows: readonly ChildWindow[]): Promise<string[][]> {
  const rows = await readPages(db, source, { ranked: `${source.id} AS id`, alias: "ranked", columns: "ranked.id", joins: "" }, windows);
  return byWindow(windows, rows, rows.map((row) => row.id as string));
}

/**
 * The rows of one page per window (see readPages): the children, all their columns, are ranked
 * as `alias` (their alias in `source.from`), then `joins` apply and `columns` are returned.
 */
export async function childPageRows(
  db: Database,
  source: ChildSource,
  select: { alias: string; columns: string; joins: string },
  windows: readonly ChildWindow[],
): Promise<ObjectLiteral[][]> {
  const rows = await readPages(db, source, { ...select, ranked: `${select.alias}.*` }, windows);
  return byWindow(windows, rows, rows);
}

const windowKey = (w: ChildWindow) => `${w.parentKey}:${w.offset}:${w.limit}`;

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
    { cacheKeyFn: windowKey },
  );
}

/** Pages of children for a batch of windows, read with the children in one statement; `byKey`, if given, then knows them too. */
export function childObjectPagesLoader<T extends { key: string }>(
  readPages: (windows: readonly ChildWindow[]) => Promise<T[][]>,
  byKey: DataLoader<string, T | null> | null,
): DataLoader<ChildWindow, T[], string> {
  return new DataLoader<ChildWindow, T[], string>(
    async (windows) => {
      const pages = await readPages(windows);
      if (byKey) for (const child of pages.flat()) byKey.prime(child.key, child);
      return pages;
    },
    { cacheKeyFn: windowKey },
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
