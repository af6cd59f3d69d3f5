import { stringify } from "csv-stringify/sync";
import { spreadsheetText } from "../../../http/csv-download";
import type { Money } from "../../../graphql/money";
import type { FundingStatementLine, FundingTotals } from "./funding-statement.types";

const COLUMNS = ["line_id", "agreement", "household", "kind", "due_on", "explanation", "settled_on", "amount"];
const MEMBER_COLUMN = "member_share";

/**
 * A statement as CSV: a header, one row per line, then the totals due, settled and unsettled in
 * the statement's own figure column (`amount`, or `member_share` in a member statement).
 * Amounts are two-place decimals, as GraphQL's Money; quoting is csv-stringify's (RFC 4180).
 */
export function statementCsv(lines: readonly FundingStatementLine[], totals: FundingTotals, member: boolean): string {
  const header = member ? [...COLUMNS, MEMBER_COLUMN] : COLUMNS;
  const rows = lines.map((line) => {
    const texts = [line.agreementReference, line.householdReference ?? "", line.kind, line.dueOn, line.explanation].map(spreadsheetText);
    const row = [line.lineId, ...texts, line.settledOn ?? "", line.amount.amount];
    return member ? [...row, line.allocation?.amount ?? ""] : row;
  });
  const total = (label: string, money: Money) => [label, ...Array<string>(header.length - 2).fill(""), money.amount];
  const table = [header, ...rows, total("TOTAL_DUE", totals.due), total("TOTAL_SETTLED", totals.settled), total("TOTAL_UNSETTLED", totals.unsettled)];
  return stringify(table);
}

/** `funding-statement_2026-01-01_2026-12-31.csv`: the period names the file. */
export function statementFileName(periodFrom: string, periodTo: string): string {
  return `funding-statement_${periodFrom}_${periodTo}.csv`;
}
