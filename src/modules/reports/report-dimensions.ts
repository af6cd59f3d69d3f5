import type { Language } from "../../graphql/language";
import { ReportDimension } from "./report-vocabulary";

/**
 * A dimension's value as SQL over a report's fact aliases: `a` agreement, `h` household (null
 * for agreement-level facts), `o` attributed organisation, `t` task, `tt` task template and
 * `size` (the household's person count). Keys and labels are text; NULL is the value "none".
 */
export interface DimensionSql {
  key: string;
  label: string;
}

/** Dimensions whose key is an object's uuid, shown as that object's global ID. */
export const GLOBAL_ID_TYPE: Partial<Record<ReportDimension, string>> = {
  AGREEMENT: "Agreement",
  ORGANISATION: "Organisation",
  TASK_TEMPLATE: "TaskTemplate",
};

const TEMPLATE_TITLE: Record<Language, string> = { en: "tt.title_en", nl: "tt.title_nl", fr: "tt.title_fr" };

/** Bands of household size by person rows; a household without persons has none. */
const SIZE_BAND = `CASE WHEN size.persons = 0 THEN NULL WHEN size.persons <= 2 THEN CAST(size.persons AS text)
  WHEN size.persons <= 4 THEN '3-4' WHEN size.persons <= 6 THEN '5-6' ELSE '7+' END`;

const same = (expression: string): DimensionSql => ({ key: expression, label: expression });

export function dimensionSql(dimension: ReportDimension, language: Language): DimensionSql {
  switch (dimension) {
    case ReportDimension.AGREEMENT:
      return { key: "CAST(a.id AS text)", label: "a.reference" };
    case ReportDimension.ORGANISATION:
      return { key: "CAST(o.id AS text)", label: "o.name" };
    case ReportDimension.ORGANISATION_KIND:
      return same("o.kind");
    case ReportDimension.PROVINCE:
      return same("o.province");
    case ReportDimension.ARRIVAL_ROUTE:
      return same("h.arrival_route");
    case ReportDimension.ARRIVAL_YEAR:
      return same("to_char(h.arrived_on, 'YYYY')");
    case ReportDimension.ARRIVAL_QUARTER:
      return same(`to_char(h.arrived_on, 'YYYY-"Q"Q')`);
    case ReportDimension.ARRIVAL_MONTH:
      return same("to_char(h.arrived_on, 'YYYY-MM')");
    case ReportDimension.HOUSEHOLD_SIZE_BAND:
      return same(SIZE_BAND);
    case ReportDimension.HOUSEHOLD_STATUS:
      return same("h.status");
    case ReportDimension.TASK_CATEGORY:
      return same("t.category");
    case ReportDimension.TASK_TEMPLATE:
      return { key: "CAST(tt.id AS text)", label: TEMPLATE_TITLE[language] };
    case ReportDimension.TASK_STATUS:
      return same("t.status");
  }
}
