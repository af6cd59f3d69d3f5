import type { ConsortiumScope } from "../../auth/viewer";
import type { Language } from "../../graphql/language";
import { CLOSED_STATUSES } from "../tasks/task-status";
import { reportConditions } from "./report-conditions";
import type { ReportDefinitionInput } from "./report-definition.inputs";
import { dimensionSql } from "./report-dimensions";
import { FAMILY_SQL, MEASURE_SQL } from "./report-family-sql";
import { type MeasureFamily, attributesOrganisation, familiesOf, familyOf } from "./report-families";
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
}

/** The name of the column holding the households a family's figures rest on (for suppression). */
export const householdsColumn = (family: MeasureFamily): string => `${family}_households`;

/**
 * A report as ONE statement: per family, its facts (filtered, scoped, with the dimensions'
 * values) aggregated by the dimensions plus the grand totals (GROUPING SETS); the families side
 * by side on the dimension keys (FULL JOIN: a row may have tasks but no funding); rows ordered
 * by the dimensions' labels, the totals row (total = true) first. Dimension i comes out as
 * d{i}_key and d{i}_label, each measure under its own name.
 */
export function reportSql(definition: ReportDefinitionInput, context: ReportSqlContext): ReportStatement {
  const conditions = reportConditions(definition.filter, context.scope);
  const families = familiesOf(definition.measures);
  const ctes = families.flatMap((family) => [factsCte(family, definition, context, conditions.where), figuresCte(family, definition)]);
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

function factsCte(family: MeasureFamily, definition: ReportDefinitionInput, context: ReportSqlContext, where: string[]): string {
  const spec = FAMILY_SQL[family];
  const options = { attributed: attributesOrganisation(definition), measures: definition.measures.filter((measure) => familyOf(measure) === family) };
  const dimensions = definition.dimensions.flatMap((dimension, i) => {
    const { key, label } = dimensionSql(dimension, context.language);
    return [`${key} AS d${i}_key`, `${label} AS d${i}_label`];
  });
  const joins = [
    options.attributed ? spec.organisationJoin : null,
    ...spec.joins(options),
    definition.dimensions.includes(ReportDimension.TASK_TEMPLATE) ? "LEFT JOIN task_template tt ON tt.id = t.template_id" : null,
    definition.dimensions.includes(ReportDimension.HOUSEHOLD_SIZE_BAND)
      ? "LEFT JOIN LATERAL (SELECT count(*) AS persons FROM person sp WHERE sp.household_id = h.id) size ON TRUE"
      : null,
  ].filter(Boolean);
  return `${family}_facts AS (
      SELECT ${[...dimensions, ...spec.facts(options)].join(", ")}
        FROM ${[spec.from, ...joins].join("\n        ")}
       WHERE ${where.join("\n         AND ")}
    )`;
}

function figuresCte(family: MeasureFamily, definition: ReportDefinitionInput): string {
  const keys = dimensionColumns(definition.dimensions.length);
  const measures = definition.measures.filter((measure) => familyOf(measure) === family);
  const grouped = keys.length > 0;
  const columns = [
    grouped ? `GROUPING(${keys.join(", ")}) <> 0 AS total` : "TRUE AS total",
    ...keys,
    "count(DISTINCT household_id) AS households",
    ...measures.map((measure) => `${MEASURE_SQL[measure].aggregate} AS "${measure}"`),
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
