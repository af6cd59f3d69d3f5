/** Relay cursor pagination over an ordered list: pure rules, no database. */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Cursors are opaque to clients; inside they hold the position in the ordered list. */
export function encodeCursor(position: number): string {
  return Buffer.from(`position:${position}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const match = /^position:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

export type PageArgsProblem = { field: string; message: string };

/** Checks the combination of pagination arguments; null when it is usable. */
export function checkPageArgs(args: PageArgs): PageArgsProblem | null {
  if (args.first != null && args.last != null) return { field: "first", message: "Pass either first or last, not both." };
  for (const field of ["first", "last"] as const) {
    const size = args[field];
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
      return { field, message: `${field} must be between 0 and ${MAX_PAGE_SIZE}.` };
    }
  }
  for (const field of ["after", "before"] as const) {
    const cursor = args[field];
    if (cursor != null && decodeCursor(cursor) === null) return { field, message: `${field} is not a valid cursor.` };
  }
  return null;
}

/** The slice to read: `offset`/`limit` in the ordered list; `needsTotal` when `last` counts back from the end. */
export interface PageWindow {
  offset: number;
  limit: number;
  /** Read one row more than `limit` to learn whether a next page exists. */
  probeNext: boolean;
}

export function pageWindow(args: PageArgs, total?: number): PageWindow {
  const start = args.after != null ? decodeCursor(args.after)! + 1 : 0;
  const before = args.before != null ? decodeCursor(args.before)! : undefined;
  if (args.last != null) {
    const end = Math.max(start, before ?? total ?? 0);
    const offset = Math.max(start, end - args.last);
    return { offset, limit: end - offset, probeNext: false };
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const limit = before !== undefined ? Math.max(0, Math.min(first, before - start)) : first;
  return { offset: start, limit, probeNext: before === undefined };
}

/** `last` without `before` needs the total to know where the list ends. */
export function needsTotal(args: PageArgs): boolean {
  return args.last != null && args.before == null;
}

export interface PageSlice<T> {
  rows: T[];
  positions: number[];
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/** Turns the rows read for a window into the page and its neighbours' existence. */
export function slicePage<T>(window: PageWindow, rows: T[], args: PageArgs, total?: number): PageSlice<T> {
  const page = rows.slice(0, window.limit);
  const end = window.offset + page.length;
  const hasNextPage = window.probeNext
    ? rows.length > window.limit
    : args.before != null || (total !== undefined && end < total);
  return {
    rows: page,
    positions: page.map((_, i) => window.offset + i),
    hasPreviousPage: window.offset > 0,
    hasNextPage,
  };
}
