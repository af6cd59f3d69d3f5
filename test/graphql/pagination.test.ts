import fc from "fast-check";
import { type ConnectionPage, paginate } from "../../src/graphql/connection";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type PageArgs,
  checkPageArgs,
  decodeCursor,
  encodeCursor,
  needsTotal,
  pageWindow,
  slicePage,
} from "../../src/graphql/pagination";

/** A list of `size` positions [0, 1, ...] read the way a service reads its rows. */
function listOf(size: number) {
  const items = Array.from({ length: size }, (_, i) => i);
  const reads: Array<{ offset: number; limit: number }> = [];
  return {
    reads,
    source: {
      read: async (offset: number, limit: number) => {
        reads.push({ offset, limit });
        return items.slice(offset, offset + limit);
      },
      count: async () => size,
    },
  };
}

/** One page, as the pure functions compute it from a list of `size` positions. */
function page(args: PageArgs, size: number) {
  const total = needsTotal(args) ? size : undefined;
  const window = pageWindow(args, total);
  const rows = Array.from({ length: size }, (_, i) => i).slice(window.offset, window.offset + window.limit + (window.probeNext ? 1 : 0));
  return slicePage(window, rows, args, total);
}

describe("cursors", () => {
  it("round-trip a position and are opaque", () => {
    fc.assert(fc.property(fc.nat(999_999_999), (position) => decodeCursor(encodeCursor(position)) === position));
    expect(encodeCursor(5)).not.toContain("5");
  });

  it.each(["", "garbage", "!!!", encodeCursor(1).slice(0, -2), Buffer.from("position:-1").toString("base64url"), Buffer.from("position:1e3").toString("base64url"), Buffer.from("position:1234567890").toString("base64url")])(
    "reject %j",
    (cursor) => {
      expect(decodeCursor(cursor)).toBeNull();
    },
  );
});

describe("checkPageArgs", () => {
  it("accepts no arguments and each usual combination", () => {
    expect(checkPageArgs({})).toBeNull();
    expect(checkPageArgs({ first: 0 })).toBeNull();
    expect(checkPageArgs({ first: MAX_PAGE_SIZE, after: encodeCursor(3) })).toBeNull();
    expect(checkPageArgs({ last: 10, before: encodeCursor(30) })).toBeNull();
  });

  it.each<[PageArgs, string]>([
    [{ first: 1, last: 1 }, "first"],
    [{ first: -1 }, "first"],
    [{ first: MAX_PAGE_SIZE + 1 }, "first"],
    [{ last: MAX_PAGE_SIZE + 1 }, "last"],
    [{ last: -3 }, "last"],
    [{ after: "garbage" }, "after"],
    [{ before: "garbage" }, "before"],
  ])("refuses %j, naming %s", (args, field) => {
    expect(checkPageArgs(args)).toEqual({ field, message: expect.any(String) });
  });
});

describe("pages of a list of 10", () => {
  it("first page by default: 20 at most", () => {
    expect(pageWindow({})).toEqual({ offset: 0, limit: DEFAULT_PAGE_SIZE, probeNext: true });
    expect(page({}, 10)).toEqual({ rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], positions: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], hasPreviousPage: false, hasNextPage: false });
  });

  it("first/after: the next ones, and whether more follow", () => {
    expect(page({ first: 3 }, 10)).toMatchObject({ rows: [0, 1, 2], hasPreviousPage: false, hasNextPage: true });
    expect(page({ first: 3, after: encodeCursor(2) }, 10)).toMatchObject({ rows: [3, 4, 5], hasPreviousPage: true, hasNextPage: true });
    expect(page({ first: 3, after: encodeCursor(6) }, 10)).toMatchObject({ rows: [7, 8, 9], hasNextPage: false });
    expect(page({ first: 3, after: encodeCursor(9) }, 10)).toMatchObject({ rows: [], hasPreviousPage: true, hasNextPage: false });
  });

  it("first=0: an empty page that still says whether there is more", () => {
    expect(page({ first: 0 }, 10)).toEqual({ rows: [], positions: [], hasPreviousPage: false, hasNextPage: true });
    expect(page({ first: 0 }, 0)).toMatchObject({ rows: [], hasNextPage: false });
  });

  it("last/before: the ones just before the cursor", () => {
    expect(page({ last: 3, before: encodeCursor(5) }, 10)).toMatchObject({ rows: [2, 3, 4], positions: [2, 3, 4], hasPreviousPage: true, hasNextPage: true });
    expect(page({ last: 3, before: encodeCursor(2) }, 10)).toMatchObject({ rows: [0, 1], hasPreviousPage: false });
  });

  it("last without before: the end of the list, which needs the total", () => {
    expect(needsTotal({ last: 3 })).toBe(true);
    expect(needsTotal({ last: 3, before: encodeCursor(4) })).toBe(false);
    expect(pageWindow({ last: 3 }, 10)).toEqual({ offset: 7, limit: 3, probeNext: false });
    expect(page({ last: 3 }, 10)).toMatchObject({ rows: [7, 8, 9], hasPreviousPage: true, hasNextPage: false });
    expect(page({ last: 30 }, 10)).toMatchObject({ rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], hasPreviousPage: false, hasNextPage: false });
  });

  it("between after and before: never beyond either", () => {
    expect(page({ first: 10, after: encodeCursor(1), before: encodeCursor(5) }, 10)).toMatchObject({ rows: [2, 3, 4] });
    expect(page({ last: 10, after: encodeCursor(1), before: encodeCursor(5) }, 10)).toMatchObject({ rows: [2, 3, 4], hasPreviousPage: true });
    expect(page({ first: 3, after: encodeCursor(6), before: encodeCursor(4) }, 10)).toMatchObject({ rows: [] });
  });
});

describe("paginate", () => {
  it("refuses bad arguments with BAD_USER_INPUT before reading", async () => {
    const { source, reads } = listOf(5);
    await expect(paginate({ after: "garbage" }, source)).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    expect(reads).toEqual([]);
  });

  it("reads one row more than the page to learn whether a next page exists, and counts only when asked", async () => {
    const { source, reads } = listOf(50);
    let counted = 0;
    const connection = await paginate({ first: 10 }, { ...source, count: () => ((counted += 1), source.count()) });
    expect(reads).toEqual([{ offset: 0, limit: 11 }]);
    expect(connection.nodes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor(0), endCursor: encodeCursor(9) });
    expect(counted).toBe(0);
    expect(await connection.totalCount).toBe(50);
    expect(await connection.totalCount).toBe(50);
    expect(counted).toBe(1);
  });

  it("walking forward with first/after visits every position exactly once, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(250), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), async (size, first) => {
        const { source } = listOf(size);
        const visited: number[] = [];
        let after: string | null = null;
        for (let pages = 0; ; pages++) {
          const connection: ConnectionPage<number> = await paginate({ first, after }, source);
          visited.push(...connection.nodes);
          expect(connection.edges.map((edge) => decodeCursor(edge.cursor))).toEqual(connection.nodes);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
          expect(pages).toBeLessThan(size);
        }
        expect(visited).toEqual(Array.from({ length: size }, (_, i) => i));
      }),
    );
  });

  it("walking backward with last/before visits every position exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(250), fc.integer({ min: 1, max: MAX_PAGE_SIZE }), async (size, last) => {
        const { source } = listOf(size);
        const visited: number[] = [];
        let before: string | null = null;
        for (;;) {
          const connection: ConnectionPage<number> = await paginate({ last, before }, source);
          visited.unshift(...connection.nodes);
          if (!connection.pageInfo.hasPreviousPage) break;
          before = connection.pageInfo.startCursor;
        }
        expect(visited).toEqual(Array.from({ length: size }, (_, i) => i));
      }),
    );
  });
});
