/** The report query and a compact reading of its answer for the report tests. */
import type { TestApp } from "../../support/test-app";

export const REPORT_QUERY = `
  query Report($definition: ReportDefinitionInput!) {
    report(definition: $definition) {
      dimensions measures suppressionThreshold suppressedCellCount
      rows { ...row }
      totals { ...row }
    }
  }
  fragment row on ReportRow { suppressed dimensions { dimension key label } measures { measure value money { amount currencyCode } suppressed } }`;

interface MeasureValue {
  measure: string;
  value: number | null;
  money: { amount: string; currencyCode: string } | null;
  suppressed: boolean;
}
interface Row {
  suppressed: boolean;
  dimensions: Array<{ dimension: string; key: string | null; label: string | null }>;
  measures: MeasureValue[];
}
export interface ReportData {
  dimensions: string[];
  measures: string[];
  suppressionThreshold: number | null;
  suppressedCellCount: number;
  rows: Row[];
  totals: Row;
}

/** A cell as the tests write it: a number, a euro amount, null (undefined) or "suppressed". */
export type Cell = number | string | null;

const cell = (measure: MeasureValue): Cell => {
  if (measure.suppressed) {
    expect(measure.value).toBeNull();
    expect(measure.money).toBeNull();
    return "suppressed";
  }
  return measure.money ? measure.money.amount : measure.value === null ? null : Number(measure.value.toFixed(6));
};

/** Each row as its labels then its cells; the totals as their cells. */
export function tableOf(report: ReportData): { rows: Cell[][]; totals: Cell[] } {
  for (const row of [...report.rows, report.totals]) expect(row.suppressed).toBe(row.measures.some((m) => m.suppressed));
  return {
    rows: report.rows.map((row) => [...row.dimensions.map((value) => value.label), ...row.measures.map(cell)]),
    totals: report.totals.measures.map(cell),
  };
}

export type Definition = { dimensions: string[]; measures: string[]; filter?: Record<string, unknown> };

export function reportApi(t: TestApp) {
  return {
    /** The report, which must answer without errors. */
    async report(definition: Definition, subject: string, headers?: Record<string, string>): Promise<ReportData> {
      const res = await t.gql(REPORT_QUERY, { definition }, subject, headers);
      expect(res.errors).toBeUndefined();
      return res.data.report;
    },
    async table(definition: Definition, subject: string, headers?: Record<string, string>) {
      return tableOf(await this.report(definition, subject, headers));
    },
  };
}
