import { Role } from "../../../src/auth/roles";
import type { Database } from "../../../src/database/database";
import type { ReportDefinitionInput } from "../../../src/modules/reports/report-definition.inputs";
import { MAX_REPORT_ROWS, ReportService } from "../../../src/modules/reports/report.service";

/** A database answering every statement with the given records, counting the statements. */
function databaseAnswering(records: object[]) {
  const sent: string[] = [];
  const db = {
    dataSource: { driver: { escapeQueryWithParameters: (sql: string, params: object) => [sql, Object.values(params)] } },
    manager: { query: async (sql: string) => (sent.push(sql), records) },
  } as unknown as Database;
  return { db, sent };
}

const definition = { dimensions: ["HOUSEHOLD_SIZE_BAND"], measures: ["HOUSEHOLDS"] } as unknown as ReportDefinitionInput;
const viewer = { userId: "u", role: Role.FEDASIL_STAFF, organisationId: "o", consortiumIds: [] };
const records = (rows: number) => [
  { total: true, household_households: rows, HOUSEHOLDS: rows },
  ...Array.from({ length: rows }, (_, i) => ({ total: false, d0_key: `band ${i}`, d0_label: `band ${i}`, household_households: 1, HOUSEHOLDS: 1 })),
];

describe("ReportService", () => {
  it(`answers up to ${MAX_REPORT_ROWS} rows in one statement`, async () => {
    const { db, sent } = databaseAnswering(records(MAX_REPORT_ROWS));
    const answer = await new ReportService(db, 5).run(viewer, definition, "en");
    expect(answer.rows).toHaveLength(MAX_REPORT_ROWS);
    expect(answer.totals.measures).toEqual([{ measure: "HOUSEHOLDS", value: MAX_REPORT_ROWS, suppressed: false }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("LIMIT");
  });

  it("asks to narrow a larger report", async () => {
    const { db } = databaseAnswering(records(MAX_REPORT_ROWS + 1));
    await expect(new ReportService(db, 5).run(viewer, definition, "en")).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("narrow the report"),
    });
  });

  it("withholds small counts for evaluators only", async () => {
    const { db } = databaseAnswering(records(3));
    const evaluator = await new ReportService(db, 5).run({ ...viewer, role: Role.EVALUATOR }, definition, "en");
    expect(evaluator).toMatchObject({ suppressionThreshold: 5, suppressedCellCount: 4 });
    const partner = await new ReportService(db, 5).run({ ...viewer, role: Role.PARTNER_STAFF }, definition, "en");
    expect(partner).toMatchObject({ suppressionThreshold: null, suppressedCellCount: 0 });
  });
});
