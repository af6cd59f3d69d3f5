import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { badUserInput } from "../../graphql/errors";
import { ReportDefinitionInput } from "./report-definition.inputs";
import { Report } from "./report.types";

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, {
    description:
      "A custom report: measures by dimensions over what the filter keeps, computed in one aggregate statement. Fedasil sees every agreement; partners their consortia's; evaluators every agreement, with figures resting on fewer households than `suppressionThreshold` withheld. Task dimensions and filters go with task measures only (BAD_USER_INPUT otherwise); at most 10,000 rows. Also downloadable as CSV: GET /reports/report.csv?savedReportId=… or ?definition=<the definition as JSON>.",
  })
  async report(
    @Arg("definition", () => ReportDefinitionInput, { nullable: true, description: "The report to run; or give savedReportId." }) definition: ReportDefinitionInput | null,
    @Arg("savedReportId", () => ID, { nullable: true, description: "A saved report of yours or shared with you, to run as saved." }) savedReportId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Report> {
    if ((definition == null) === (savedReportId == null)) throw badUserInput("Give either a definition or a savedReportId.");
    const asked = definition ?? (await ctx.services.savedReports.readable(ctx.viewer, savedReportId!)).definition;
    return Report.of(await ctx.services.reports.run(ctx.viewer, asked, ctx.language));
  }
}
