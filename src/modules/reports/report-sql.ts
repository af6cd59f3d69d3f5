import type { ConsortiumScope } from "../../auth/viewer";
import type { Language } from "../../graphql/language";
import { CLOSED_STATUSES } from "../tasks/task-status";
import { type ReportConditions, reportConditions } from "./report-conditions";
import type { ReportDefinitionInput } from "./report-definition.inputs";
import { type DimensionSql, dimensionSql } from "./report-dimensions";
import { FAMILY_SQL, HOUSEHOLD_SIZE_JOIN, MEASURE_SQL } from "./report-family-sql";
import { type MeasureFamily, attributesOrganisation, familiesOf, familyOf, isOrganisationDimension } from "./report-families";
import { ReportDimension } from "./report-vocabulary";

export interface ReportStatement {
  sql: string;
  params: Record<string, unknown>;
}

export interface ReportSqlContext {
  scope: ConsortiumScope;
  /** Today in Europe/Brussels: overdue tasks, and the membership of households not yet accompanied. */
  today: string;
  language: Language;
  /** At most this many rows are read, the totals row included. */
  limit: number;
  /**
   * Whether figures carry the households they rest on, to withhold small counts: counting the
   * distinct households of tasks and funding costs more than the figures themselves.
   */
  countsHouseholds: boolean;
}

/** The name of the column holding the households a family's figures rest on (for suppression). */
export const householdsColumn = (family: MeasureFamily): string => `${family}_households`;

/** A report dimension with its SQL, numbered as its columns are (d{i} in the facts). */
interface Dimension extends DimensionSql {
  dimension: ReportDimension;
  index: number;
}

/**
 * A report as ONE statement: per family, its facts (filtered, scoped, with the dimensions'
 * values) aggregated by the dimensions plus the grand totals (GROUPING SETS, which PostgreSQL
 * hashes unless an aggregate is DISTINCT: only the households of tasks and funding are, and only
 * to withhold small counts); the families side by side on the dimension keys (FULL JOIN: a row
 * may have tasks but no funding); rows ordered by the dimensions' labels, the totals row
 * (total = true) first. Dimension i comes out as d{i}_key and d{i}_label, each measure under its
 * own name.
 */
export function reportSql(definition: ReportDefinitionInput, context: ReportSqlContext): ReportStatement {
  const conditions = reportConditions(definition.filter, context.scope);
  const families = familiesOf(definition.measures);
  const dimensions = definition.dimensions.map((dimension, index) => ({ dimension, index, ...dimensionSql(dimension, context.language) }));
  const ctes = families.flatMap((family) => [factsCte(family, definition, dimensions, conditions), figuresCte(family, definition, dimensions, context)]);
  const sql = `
    WITH ${ctes.join(",\n    ")},
    report AS (
      SELECT ${joinedColumns(families, definition).join(",\n             ")}
        FROM ${joinedFamilies(families, definition.dimensions.length)}
    )
    SELECT * FROM report
     ORDER BY ${["total DESC", ...definition.dimensions.flatMap((_, i) => [`lower(d${i}_label) NULLS LAST`, `d${i}_key`])].join(", ")}
     LIMIT :limit`;
  return { sql, params: { ...conditions.params, today: context.today, closedStatuses: [...CLOSED_STATUSES], limit: context.limit } };
}

const dimensionColumns = (count: number): string[] => Array.from({ length: count }, (_, i) => [`d${i}_key`, `d${i}_label`]).flat();

/** A dimension's columns in the facts: its value, and its label where it has one of its own. */
const factColumns = ({ value, label, index }: Dimension): { sql: string; as: string }[] => [
  { sql: value, as: `d${index}` },
  ...(label ? [{ sql: label, as: `d${index}_label` }] : []),
];

function factsCte(family: MeasureFamily, definition: ReportDefinitionInput, dimensions: readonly Dimension[], conditions: ReportConditions): string {
  const spec = FAMILY_SQL[family];
  const options = { attributed: attributesOrganisation(definition), measures: definition.measures.filter((measure) => familyOf(measure) === family) };
  const join = spec.organisationJoin;
  // A join that attributes by itself takes the organisation dimensions (as `member`) and filters along.
  const inJoin = (dimension: Dimension) => typeof join === "function" && isOrganisationDimension(dimension.dimension);
  const organisation = typeof join === "function" ? join({ columns: dimensions.filter(inJoin).flatMap(factColumns), where: conditions.organisation }) : join;
  const where = typeof join === "function" ? conditions.where : [...conditions.where, ...conditions.organisation];
  const columns = dimensions.flatMap((dimension) =>
    factColumns(dimension).map((column) => (inJoin(dimension) ? `member.${column.as}` : `${column.sql} AS ${column.as}`)),
  );
  const joins = new Set([
    ...(options.attributed ? [organisation] : []),
    ...spec.joins(options),
    ...(definition.dimensions.includes(ReportDimension.TASK_TEMPLATE) ? ["LEFT JOIN task_template tt ON tt.id = t.template_id"] : []),
    ...(definition.dimensions.includes(ReportDimension.HOUSEHOLD_SIZE_BAND) ? [HOUSEHOLD_SIZE_JOIN] : []),
  ]);
  return `${family}_facts AS (
      SELECT ${[...columns, ...spec.facts(options)].join(", ")}
        FROM ${[spec.from, ...joins].join("\n        ")}
       WHERE ${where.join("\n         AND ")}
    )`;
}

/**
 * A household shared by members with different values of the organisation dimensions is in a row
 * for each value, yet counts once in the totals: there, only its `first` fact counts.
 */
const repeatsFacts = (family: MeasureFamily, definition: ReportDefinitionInput): boolean =>
  typeof FAMILY_SQL[family].organisationJoin === "function" && definition.dimensions.some(isOrganisationDimension);

function figuresCte(family: MeasureFamily, definition: ReportDefinitionInput, dimensions: readonly Dimension[], context: ReportSqlContext): string {
  const keys = dimensions.flatMap(factColumns).map((column) => column.as);
  const measures = definition.measures.filter((measure) => familyOf(measure) === family);
  const grouped = keys.length > 0;
  const total = `GROUPING(${keys.join(", ")}) <> 0`;
  const once = (aggregate: string) => (repeatsFacts(family, definition) ? `CASE WHEN ${total} THEN ${aggregate} FILTER (WHERE first) ELSE ${aggregate} END` : aggregate);
  const columns = [
    grouped ? `${total} AS total` : "TRUE AS total",
    ...dimensions.flatMap(({ key, label, index }) => {
      const text = key ? key(`d${index}`) : `d${index}`;
      return [`${text} AS d${index}_key`, `${label ? `d${index}_label` : text} AS d${index}_label`];
    }),
    `${context.countsHouseholds ? once(FAMILY_SQL[family].households) : "CAST(NULL AS bigint)"} AS households`,
    ...measures.map((measure) => `${once(MEASURE_SQL[measure].aggregate)} AS "${measure}"`),
  ];
  return `${family}_figures AS (
      SELECT ${columns.join(", ")}
        FROM ${family}_facts${grouped ? `\n       GROUP BY GROUPING SETS ((${keys.join(", ")}), ())` : ""}
    )`;
}

/** The first non-null of a column over the families' figures: whichever family has the row. */
const firstOf = (families: readonly MeasureFamily[], column: string): string =>
  families.length === 1 ? `${families[0]}_figures.${column}` : `COALESCE(${families.map((f) => `${f}_figures.${column}`).join(", ")})`;

function joinedColumns(families: readonly MeasureFamily[], definition: ReportDefinitionInput): string[] {
  const first = (column: string) => firstOf(families, column);
  return [
    `${first("total")} AS total`,
    ...dimensionColumns(definition.dimensions.length).map((column) => `${first(column)} AS ${column}`),
    ...families.map((family) => `COALESCE(${family}_figures.households, 0) AS ${householdsColumn(family)}`),
    ...definition.measures.map((measure) => {
      const none = MEASURE_SQL[measure].none;
      const value = `${familyOf(measure)}_figures."${measure}"`;
      return `${none === "NULL" ? value : `COALESCE(${value}, ${none})`} AS "${measure}"`;
    }),
  ];
}

/**
 * FULL JOIN needs an equality PostgreSQL can hash or merge: NULL keys (the value "none") meet
 * as '' (no key is empty), the totals rows on the total flag.
 */
function joinedFamilies(families: readonly MeasureFamily[], dimensionCount: number): string {
  return families
    .map((family, index) => {
      if (index === 0) return `${family}_figures`;
      const earlier = families.slice(0, index);
      const on = [
        `${family}_figures.total = ${firstOf(earlier, "total")}`,
        ...Array.from({ length: dimensionCount }, (_, i) => `COALESCE(${family}_figures.d${i}_key, '') = COALESCE(${earlier.map((f) => `${f}_figures.d${i}_key`).join(", ")}, '')`),
      ];
      return `FULL JOIN ${family}_figures ON ${on.join(" AND ")}`;
    })
    .join("\n        ");
}
