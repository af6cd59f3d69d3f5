import type { RequestHandler } from "express";
import { type ViewerOf, csvDownload } from "../../../http/csv-download";
import type { FundingStatementService } from "./funding-statement.service";
import { statementCsv, statementFileName } from "./statement-csv";
import { statementFilterOf } from "./statement-params";

export interface StatementCsvDependencies {
  viewerOf: ViewerOf;
  statements: FundingStatementService;
}

/**
 * GET /funding/statement.csv?periodFrom=…&periodTo=…[&agreementId=…][&organisationId=…][&settled=…]:
 * the figures of `fundingStatement` with its lines, as CSV. The lines name households, so
 * evaluators are refused (403) before the parameters are even read.
 */
export function statementCsvRoute({ viewerOf, statements }: StatementCsvDependencies): RequestHandler {
  return csvDownload(viewerOf, async (viewer, req) => {
    statements.requireAccess(viewer);
    const filter = statementFilterOf(req.query);
    const statement = statements.open(viewer, filter);
    const lines = await statements.allLines(statement);
    const { totals } = await statement.figures();
    return { fileName: statementFileName(filter.periodFrom, filter.periodTo), content: statementCsv(lines, totals, statement.selection.member) };
  });
}
