import type { RequestHandler } from "express";
import type { GraphQLSchema } from "graphql";
import type { Viewer } from "../../auth/viewer";
import { pickLanguage } from "../../graphql/language";
import type { Services } from "../../graphql/services";
import { type ViewerOf, csvDownload } from "../../http/csv-download";
import { reportCsv, reportFileName } from "./report-csv";
import { type ReportRequest, reportRequestOf } from "./report-csv-params";
import type { ReportDefinitionInput } from "./report-definition.inputs";

export interface ReportCsvDependencies {
  viewerOf: ViewerOf;
  schema: GraphQLSchema;
  services: Pick<Services, "reports" | "savedReports">;
}

/**
 * GET /reports/report.csv?savedReportId=… or ?definition=<ReportDefinitionInput as JSON>: the
 * answer of `report` as CSV, with the same figures, suppression included, for the same viewer.
 */
export function reportCsvRoute({ viewerOf, schema, services }: ReportCsvDependencies): RequestHandler {
  const definitionFor = async (viewer: Viewer, request: ReportRequest): Promise<{ name: string; definition: ReportDefinitionInput }> =>
    "definition" in request ? { name: "report", definition: request.definition } : services.savedReports.readable(viewer, request.savedReportId);
  return csvDownload(viewerOf, async (viewer, req) => {
    const { name, definition } = await definitionFor(viewer, await reportRequestOf(req.query, schema));
    const answer = await services.reports.run(viewer, definition, pickLanguage(req.headers["accept-language"]));
    return { fileName: reportFileName(name), content: reportCsv(answer) };
  });
}
