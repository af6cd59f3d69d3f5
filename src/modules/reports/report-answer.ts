import { toGlobalId } from "../../graphql/global-id";
import type { ReportDefinitionInput } from "./report-definition.inputs";
import { GLOBAL_ID_TYPE } from "./report-dimensions";
import { familiesOf } from "./report-families";
import { householdsColumn } from "./report-sql";
import { type FigureRow, type Figures, suppressedCellCount } from "./report-suppression";
import type { ReportDimension, ReportMeasure } from "./report-vocabulary";

/** One dimension's value in a row; key and label are null for "none" (e.g. not arrived yet). */
export interface ReportAnswerDimensionValue {
  dimension: ReportDimension;
  /** A global ID for agreements, organisations and task templates; otherwise the value itself. */
  key: string | null;
  label: string | null;
}

/**
 * One measure's value: counts, a share from 0 to 1, days, or funding in integer cents; null
 * when withheld or undefined (the median of no tasks).
 */
export interface ReportAnswerCell {
  measure: ReportMeasure;
  value: number | null;
  suppressed: boolean;
}

export interface ReportAnswerRow {
  /** In the order the definition asks them; none in the totals. */
  dimensions: ReportAnswerDimensionValue[];
  /** In the order the definition asks them. */
  measures: ReportAnswerCell[];
  /** Whether any of the row's figures is withheld. */
  suppressed: boolean;
}

/** A report's answer as plain data, for GraphQL, saved reports and the CSV download alike. */
export interface ReportAnswer {
  dimensions: ReportDimension[];
  measures: ReportMeasure[];
  rows: ReportAnswerRow[];
  totals: ReportAnswerRow;
  /** The threshold applied (evaluators), or null when nothing is withheld by design. */
  suppressionThreshold: number | null;
  suppressedCellCount: number;
}

/** A row of the report statement (see report-sql.ts). */
export type ReportRecord = Record<string, unknown> & { total: boolean };

/** A row's figures with its dimension values. */
export type ReportFigureRow = FigureRow & { dimensions: ReportAnswerDimensionValue[] };

/** The statement's records as figures, the totals record (always there) apart. */
export function figuresOf(definition: ReportDefinitionInput, records: readonly ReportRecord[]): Figures<ReportFigureRow> {
  const families = familiesOf(definition.measures);
  const figureOf = (record: ReportRecord): ReportFigureRow => {
    const dimensions = record.total ? [] : definition.dimensions.map((dimension, i) => dimensionValue(dimension, record[`d${i}_key`], record[`d${i}_label`]));
    return {
      id: JSON.stringify(dimensions.map((value) => value.key)),
      dimensions,
      households: Object.fromEntries(families.map((family) => [family, Number(record[householdsColumn(family)])])),
      cells: definition.measures.map((measure) => ({ measure, value: record[measure] == null ? null : Number(record[measure]), suppressed: false })),
    };
  };
  const totals = records.find((record) => record.total);
  if (!totals) throw new Error("the report statement gave no totals row");
  return { rows: records.filter((record) => !record.total).map(figureOf), totals: figureOf(totals) };
}

function dimensionValue(dimension: ReportDimension, key: unknown, label: unknown): ReportAnswerDimensionValue {
  const type = GLOBAL_ID_TYPE[dimension];
  const text = key == null ? null : String(key);
  return { dimension, key: text !== null && type ? toGlobalId(type, text) : text, label: label == null ? null : String(label) };
}

/** The answer to show, from the figures, suppressed or not. */
export function answerOf(definition: ReportDefinitionInput, figures: Figures<ReportFigureRow>, suppressionThreshold: number | null): ReportAnswer {
  const rowOf = (row: ReportFigureRow): ReportAnswerRow => ({
    dimensions: row.dimensions,
    measures: row.cells.map(({ measure, value, suppressed }) => ({ measure, value, suppressed })),
    suppressed: row.cells.some((cell) => cell.suppressed),
  });
  return {
    dimensions: [...definition.dimensions],
    measures: [...definition.measures],
    rows: figures.rows.map(rowOf),
    totals: rowOf(figures.totals),
    suppressionThreshold,
    suppressedCellCount: suppressedCellCount(figures),
  };
}
