import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Database } from "./database";

/**
 * Entities built straight from the rows of a plain statement. TypeORM's getMany costs more than
 * the statement itself on lists of hundreds of rows (it aliases every column, then transforms
 * and hydrates each value); this reads the same columns under their property names and copies
 * them onto new instances. The values come as the driver parses them, which is what TypeORM
 * would make of them for every column type allowed here (checked once per entity).
 */
export interface EntityColumns<T> {
  /** `<value of alias.column> AS "<prefix>property"` for every column, for a SELECT list. */
  select(alias: string, prefix?: string): string;
  /** SQL: one JSON object of the row `alias` with the same values under the property names, e.g. for json_agg. */
  json(alias: string): string;
  /** The entity whose columns the row (or JSON object) holds under `prefix`; null where it holds none (an outer join found nothing). */
  from(row: ObjectLiteral, prefix?: string): T | null;
  /** One entity per row; the row's other fields are left out. */
  hydrate(rows: readonly ObjectLiteral[]): T[];
  /**
   * The same for only `properties` (and the key), for lists whose fields need no more: the
   * entities it makes lack the other properties, so they must not reach anyone else (a loader).
   * Null stands for all of them. Made once per set of properties.
   */
  only(properties: readonly string[] | null): EntityColumns<T>;
}

/** Column types whose parsed value TypeORM would change on hydration (see PostgresDriver.prepareHydratedValue). */
const CONVERTED_TYPES = new Set(["time", "vector", "halfvec", "hstore", "simple-array", "simple-json", "cube", "timestamp", "timestamp without time zone", "datetime"]);

/**
 * Instants come as epoch milliseconds: a Date from a number costs a fraction of parsing the
 * text (pg's parser), which dominated the reading of long lists. Flooring keeps the millisecond
 * pg's parser keeps, before 1970 too (a double holds microseconds of these magnitudes).
 */
const INSTANT_TYPES = new Set(["timestamptz", "timestamp with time zone"]);

const made = new WeakMap<Function, EntityColumns<any>>();

/** The columns of an entity as `EntityColumns`, made once per entity class (its decorators define them). */
export function entityColumns<T>(db: Database, entity: new () => T): EntityColumns<T> {
  let columns = made.get(entity);
  if (!columns) made.set(entity, (columns = columnsOf(db.dataSource.getMetadata(entity))));
  return columns;
}

function columnsOf<T>(metadata: EntityMetadata): EntityColumns<T> {
  const all = metadata.columns.map((column) => {
    const type = typeof column.type === "string" ? column.type : column.type.name;
    if (column.transformer || column.embeddedMetadata || CONVERTED_TYPES.has(type)) {
      throw new Error(`${metadata.name}.${column.propertyName} (${type}) needs TypeORM's hydration: read it with getMany`);
    }
    return { name: column.databaseName, property: column.propertyName, instant: INSTANT_TYPES.has(type) };
  });
  const keyProperty = metadata.primaryColumns[0].propertyName;
  const projections = new Map<string, EntityColumns<T>>();
  const only = (properties: readonly string[] | null): EntityColumns<T> => {
    const chosen = properties === null ? all : all.filter((c) => c.property === keyProperty || properties.includes(c.property));
    const id = chosen.map((c) => c.property).join(",");
    let projection = projections.get(id);
    if (!projection) projections.set(id, (projection = columnsFrom<T>(metadata, chosen, keyProperty, only)));
    return projection;
  };
  return only(null);
}

interface Column {
  name: string;
  property: string;
  instant: boolean;
}

function columnsFrom<T>(metadata: EntityMetadata, columns: readonly Column[], keyProperty: string, only: EntityColumns<T>["only"]): EntityColumns<T> {
  const value = (alias: string, c: Column) =>
    c.instant ? `(extract(epoch FROM ${alias}.${c.name}) * 1000)::float8` : `${alias}.${c.name}`;
  const properties = columns.map((c) => c.property);
  const instants = columns.flatMap((c, i) => (c.instant ? [i] : []));
  const key = properties.indexOf(keyProperty);
  // The row's field names per prefix, made once: building them per row cost more than the copying.
  const fieldNames = new Map<string, string[]>();
  const fieldsOf = (prefix: string) => {
    let names = fieldNames.get(prefix);
    if (!names) fieldNames.set(prefix, (names = properties.map((property) => prefix + property)));
    return names;
  };
  // No constructor runs: entities declare their columns without initial values.
  const prototype = (metadata.target as Function).prototype;
  const from = (row: ObjectLiteral, prefix = ""): T | null => {
    const fields = fieldsOf(prefix);
    if (row[fields[key]] == null) return null;
    const entity = Object.create(prototype) as ObjectLiteral;
    for (let i = 0; i < fields.length; i++) entity[properties[i]] = row[fields[i]];
    for (const i of instants) if (entity[properties[i]] !== null) entity[properties[i]] = new Date(Math.floor(entity[properties[i]]));
    return entity as T;
  };
  return {
    select: (alias, prefix = "") => columns.map((c) => `${value(alias, c)} AS "${prefix}${c.property}"`).join(", "),
    json: (alias) => `json_build_object(${columns.map((c) => `'${c.property}', ${value(alias, c)}`).join(", ")})`,
    from,
    hydrate: (rows) => rows.map((row) => from(row)!),
    only,
  };
}

/**
 * Runs an entity query of the query builder (its joins, WHERE, ORDER BY…) and builds the
 * entities from the raw rows; `withRow` sees each entity with its row, for what was selected
 * besides. With `page`, only that slice: as parameters, so that the statement's text stays the
 * same from page to page and runs prepared (Database.select).
 */
export async function readEntities<T extends ObjectLiteral>(
  db: Database,
  query: SelectQueryBuilder<T>,
  withRow?: (entity: T, row: ObjectLiteral) => void,
  page?: { offset: number; limit: number },
): Promise<T[]> {
  const { metadata, name } = query.expressionMap.mainAlias!;
  const columns = entityColumns<T>(db, metadata.target as new () => T);
  const besides = query.expressionMap.selects.filter((s) => s.selection !== name);
  query.select(columns.select(query.escape(name)));
  for (const s of besides) query.addSelect(s.selection, s.aliasName);
  const [sql, parameters] = query.getQueryAndParameters();
  const rows: ObjectLiteral[] = page
    ? await db.select(`${sql} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`, [...parameters, page.limit, page.offset])
    : await db.manager.query(sql, parameters);
  const entities = columns.hydrate(rows);
  if (withRow) entities.forEach((entity, i) => withRow(entity, rows[i]));
  return entities;
}
