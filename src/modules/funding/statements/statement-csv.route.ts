import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import type { Viewer } from "../../../auth/viewer";
import { unauthenticated } from "../../../graphql/errors";
import { sendError } from "../../../http/server";
import type { FundingStatementService } from "./funding-statement.service";
import { statementCsv, statementFileName } from "./statement-csv";
import { statementFilterOf } from "./statement-params";

/** HTTP status of each refusal; anything else goes on to the server's error handler (500). */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

export interface StatementCsvDependencies {
  /** The viewer behind an Authorization header, as for GraphQL; null when it names nobody. */
  viewerOf: (authorization: string | undefined) => Promise<Viewer | null>;
  statements: FundingStatementService;
}

/**
 * GET /funding/statement.csv?periodFrom=…&periodTo=…[&agreementId=…][&organisationId=…][&settled=…]:
 * the figures of `fundingStatement` with its lines, as CSV. The lines name households, so
 * evaluators are refused (403) before the parameters are even read.
 */
export function statementCsvRoute({ viewerOf, statements }: StatementCsvDependencies): RequestHandler {
  return async (req, res) => {
    try {
      const viewer = await viewerOf(req.headers.authorization);
      if (!viewer) throw unauthenticated();
      statements.requireLineAccess(viewer);
      const filter = statementFilterOf(req.query);
      const statement = statements.open(viewer, filter);
      const lines = await statements.allLines(viewer, statement);
      const { totals } = await statement.figures();
      res.set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${statementFileName(filter.periodFrom, filter.periodTo)}"`,
        "Cache-Control": "no-store",
      });
      res.send(statementCsv(lines, totals, statement.selection.member));
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : "";
      if (!STATUS[code]) throw error;
      if (code === "UNAUTHENTICATED") res.set("WWW-Authenticate", "Bearer");
      sendError(res, STATUS[code], code, (error as GraphQLError).message);
    }
  };
}
