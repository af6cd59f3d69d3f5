import { stringify } from "csv-stringify/sync";
import { formatCents } from "../../graphql/money";
import { spreadsheetText } from "../../http/csv-download";
import type { ReportAnswer, ReportAnswerRow } from "./report-answer";
import { familyOf } from "./report-families";

/**
 * A report's answer as CSV: one column per dimension (its label) and per measure (funding as a
 * two-place decimal, like Money), a `suppressed` column naming the measures withheld in the row
 * (their cells are empty), then the totals as a last row, marked TOTAL in its first dimension
 * column (a report without dimensions is its totals row alone).
 */
export function reportCsv(answer: ReportAnswer): string {
  const header = [...answer.dimensions, ...answer.measures, "suppressed"];
  const line = (row: ReportAnswerRow, labels: string[]) => [
    ...labels,
    ...row.measures.map(({ measure, value }) => (value === null ? "" : familyOf(measure) === "funding" ? formatCents(value) : String(value))),
    row.measures.filter((cell) => cell.suppressed).map((cell) => cell.measure).join(" "),
  ];
  const rows = answer.rows.map((row) => line(row, row.dimensions.map((value) => spreadsheetText(value.label ?? ""))));
  const totalLabels = answer.dimensions.map((_, i) => (i === 0 ? "TOTAL" : ""));
  return stringify([header, ...rows, line(answer.totals, totalLabels)]);
}

/** `report_<name>.csv`, the name reduced to ASCII letters, digits, underscores and dashes. */
export function reportFileName(name: string): string {
  const slug = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\w]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `report_${slug || "report"}.csv`;
}
