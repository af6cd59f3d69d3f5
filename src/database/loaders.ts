import DataLoader from "dataloader";

/** One object per key, read in one query per batch; null where the key is unknown or not visible. */
export function keyedLoader<T>(
  readMany: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (value: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await readMany(keys)).map((value) => [keyOf(value), value]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** All objects belonging to each parent key, read in one query per batch. */
export function groupedLoader<T>(
  readMany: (parentKeys: readonly string[]) => Promise<T[]>,
  parentKeyOf: (value: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentKeys) => {
    const groups = new Map<string, T[]>(parentKeys.map((key) => [key, []]));
    for (const value of await readMany(parentKeys)) groups.get(parentKeyOf(value))?.push(value);
    return parentKeys.map((key) => groups.get(key) ?? []);
  });
}

/** A number per key, read in one query per batch; `missing` where the query has no row for the key. */
export function numberLoader<M extends number | null>(read: (keys: readonly string[]) => Promise<Map<string, number>>, missing: M) {
  return new DataLoader<string, number | M>(async (keys) => {
    const found = await read(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}
