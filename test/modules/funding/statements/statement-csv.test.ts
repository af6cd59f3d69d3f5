import { FundingStatementLine, FundingTotals } from "../../../../src/modules/funding/statements/funding-statement.types";
import { statementCsv, statementFileName } from "../../../../src/modules/funding/statements/statement-csv";
import { parse } from "csv-parse/sync";

const line = (values: Partial<FundingStatementLine>) =>
  Object.assign(new FundingStatementLine(), {
    key: "6a0c5f8e-2b1d-4c3e-9f7a-1b2c3d4e5f60",
    agreementKey: "7b1d6f9e-3c2e-4d4f-8a8b-2c3d4e5f6a71",
    agreementReference: "RES-1",
    householdReference: "HH-1",
    kind: "BASE",
    explanation: "1 x BASE",
    dueOn: "2026-03-01",
    amountCents: 300000,
    settledOn: null,
    allocationCents: null,
    ...values,
  });
const totals = Object.assign(new FundingTotals(), { dueCents: 289999, settledCents: 0, unsettledCents: 289999, lineCount: 2 });

describe("statementCsv", () => {
  it("quotes commas, quotes and line breaks so the text reads back unchanged", () => {
    const explanation = 'Correction, "late"\nsecond line';
    const csv = statementCsv([line({ explanation, kind: "ADJUSTMENT" as FundingStatementLine["kind"], amountCents: -10001, householdReference: null })], totals, false);
    expect(csv).toContain('"Correction, ""late""\nsecond line"');
    const rows = parse(csv);
    expect(rows[1]).toEqual([line({}).lineId, "RES-1", "", "ADJUSTMENT", "2026-03-01", explanation, "", "-100.01"]);
  });

  it("writes the header, the lines and the totals due, settled and unsettled in the statement's figure column", () => {
    const whole = parse(statementCsv([line({ settledOn: "2026-03-20" })], totals, false));
    expect(whole[0]).toEqual(["line_id", "agreement", "household", "kind", "due_on", "explanation", "settled_on", "amount"]);
    expect(whole[1].slice(1)).toEqual(["RES-1", "HH-1", "BASE", "2026-03-01", "1 x BASE", "2026-03-20", "3000.00"]);
    expect(whole.slice(2)).toEqual([
      ["TOTAL_DUE", "", "", "", "", "", "", "2899.99"],
      ["TOTAL_SETTLED", "", "", "", "", "", "", "0.00"],
      ["TOTAL_UNSETTLED", "", "", "", "", "", "", "2899.99"],
    ]);
    const member = parse(statementCsv([line({ allocationCents: 150001 })], totals, true));
    expect(member[0].at(-1)).toBe("member_share");
    expect(member[1].slice(-2)).toEqual(["3000.00", "1500.01"]);
    expect(member[2]).toEqual(["TOTAL_DUE", "", "", "", "", "", "", "", "2899.99"]);
  });

  it("keeps text a spreadsheet would run as a formula from running, but leaves negative amounts numbers", () => {
    const csv = statementCsv([line({ householdReference: "=HYPERLINK(\"x\")", explanation: "@SUM(A1)", amountCents: -5000 })], totals, false);
    expect(parse(csv)[1].slice(2)).toEqual(["'=HYPERLINK(\"x\")", "BASE", "2026-03-01", "'@SUM(A1)", "", "-50.00"]);
  });

  it("names the file after the period", () => {
    expect(statementFileName("2026-01-01", "2026-06-30")).toBe("funding-statement_2026-01-01_2026-06-30.csv");
  });
});
