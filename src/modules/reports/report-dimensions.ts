import type { Language } from "../../graphql/language";
import { titleColumn } from "../task-templates/translated-text";
import { ReportDimension } from "./report-vocabulary";

/**
 * A dimension's value as SQL over a report's fact aliases: `a` agreement, `h` household (null
 * for agreement-level facts), `o` attributed organisation, `t` task, `tt` task template and
 * `size` (the household's person count, null without persons). NULL is the value "none".
 */
export interface DimensionSql {
  /** What facts carry and are grouped by: the cheapest value telling them apart (a uuid, a day). */
  value: string;
  /** The key as text, from the grouped value; the value itself (text) when absent. */
  key?: (value: string) => string;
  /** The label, a column of the facts, where it is not the key. */
  label?: string;
}

/** Dimensions whose key is an object's uuid, shown as that object's global ID. */
export const GLOBAL_ID_TYPE: Partial<Record<ReportDimension, string>> = {
  AGREEMENT: "Agreement",
  ORGANISATION: "Organisation",
  TASK_TEMPLATE: "TaskTemplate",
};

/** Bands of household size by person rows; a household without persons (size null) has none. */
const SIZE_BAND = `CASE WHEN size.persons <= 2 THEN CAST(size.persons AS text)
  WHEN size.persons <= 4 THEN '3-4' WHEN size.persons <= 6 THEN '5-6' WHEN size.persons > 6 THEN '7+' END`;

const text = (value: string): string => `CAST(${value} AS text)`;

/** Facts keep the period's first instant; only the groups are written out, as 2025-Q1. */
const arrival = (unit: string, format: string): DimensionSql => ({
  value: `date_trunc('${unit}', CAST(h.arrived_on AS timestamp))`,
  key: (value) => `to_char(${value}, '${format}')`,
});

export function dimensionSql(dimension: ReportDimension, language: Language): DimensionSql {
  switch (dimension) {
    case ReportDimension.AGREEMENT:
      return { value: "a.id", key: text, label: "a.reference" };
    case ReportDimension.ORGANISATION:
      return { value: "o.id", key: text, label: "o.name" };
    case ReportDimension.ORGANISATION_KIND:
      return { value: "o.kind" };
    case ReportDimension.PROVINCE:
      return { value: "o.province" };
    case ReportDimension.ARRIVAL_ROUTE:
      return { value: "h.arrival_route" };
    case ReportDimension.ARRIVAL_YEAR:
      return arrival("year", "YYYY");
    case ReportDimension.ARRIVAL_QUARTER:
      return arrival("quarter", 'YYYY-"Q"Q');
    case ReportDimension.ARRIVAL_MONTH:
      return arrival("month", "YYYY-MM");
    case ReportDimension.HOUSEHOLD_SIZE_BAND:
      return { value: SIZE_BAND };
    case ReportDimension.HOUSEHOLD_STATUS:
      return { value: "h.status" };
    case ReportDimension.TASK_CATEGORY:
      return { value: "t.category" };
    case ReportDimension.TASK_TEMPLATE:
      return { value: "tt.id", key: text, label: titleColumn("tt", language) };
    case ReportDimension.TASK_STATUS:
      return { value: "t.status" };
  }
}
