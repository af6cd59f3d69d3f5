import { parse } from "csv-parse/sync";
import type { ReportAnswer } from "../../../src/modules/reports/report-answer";
import { reportCsv, reportFileName } from "../../../src/modules/reports/report-csv";
import { ReportDimension, ReportMeasure } from "../../../src/modules/reports/report-vocabulary";

const answer: ReportAnswer = {
  dimensions: [ReportDimension.PROVINCE, ReportDimension.ARRIVAL_QUARTER],
  measures: [ReportMeasure.HOUSEHOLDS, ReportMeasure.FUNDING_DUE],
  rows: [
    {
      dimensions: [{ dimension: ReportDimension.PROVINCE, key: "LIEGE", label: "LIEGE" }, { dimension: ReportDimension.ARRIVAL_QUARTER, key: "2025-Q1", label: "2025-Q1" }],
      measures: [{ measure: ReportMeasure.HOUSEHOLDS, value: 7, suppressed: false }, { measure: ReportMeasure.FUNDING_DUE, value: -12005, suppressed: false }],
      suppressed: false,
    },
    {
      dimensions: [{ dimension: ReportDimension.PROVINCE, key: "=cmd", label: "=cmd" }, { dimension: ReportDimension.ARRIVAL_QUARTER, key: null, label: null }],
      measures: [{ measure: ReportMeasure.HOUSEHOLDS, value: null, suppressed: true }, { measure: ReportMeasure.FUNDING_DUE, value: null, suppressed: true }],
      suppressed: true,
    },
  ],
  totals: { dimensions: [], measures: [{ measure: ReportMeasure.HOUSEHOLDS, value: 9, suppressed: false }, { measure: ReportMeasure.FUNDING_DUE, value: 2700000, suppressed: false }], suppressed: false },
  suppressionThreshold: 5,
  suppressedCellCount: 2,
};

describe("report as CSV", () => {
  it("writes a header, a row per answer row, then the totals; money as decimals, withheld cells empty and named", () => {
    expect(parse(reportCsv(answer))).toEqual([
      ["PROVINCE", "ARRIVAL_QUARTER", "HOUSEHOLDS", "FUNDING_DUE", "suppressed"],
      ["LIEGE", "2025-Q1", "7", "-120.05", ""],
      ["'=cmd", "", "", "", "HOUSEHOLDS FUNDING_DUE"],
      ["TOTAL", "", "9", "27000.00", ""],
    ]);
  });

  it("names the file after the saved report, safely", () => {
    expect(reportFileName("Persons by province / quarter")).toBe("report_Persons-by-province-quarter.csv");
    expect(reportFileName('"; rm -rf')).toBe("report_rm-rf.csv");
    expect(reportFileName("///")).toBe("report_report.csv");
    expect(reportFileName("Liège, één")).toBe("report_Liege-een.csv");
  });
});
