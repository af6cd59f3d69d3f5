import { isFedasil, isPartner } from "../../auth/roles";
import { type Viewer, agreementScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { badUserInput } from "../../graphql/errors";
import type { Language } from "../../graphql/language";
import { todayInBrussels } from "../../shared/calendar";
import { type ReportAnswer, type ReportRecord, answerOf, figuresOf } from "./report-answer";
import type { ReportDefinitionInput } from "./report-definition.inputs";
import { definitionProblem } from "./report-families";
import { reportSql } from "./report-sql";
import { suppressSmallCounts } from "./report-suppression";

/** A report answers at most this many rows: beyond, no one reads it, and it is slow to send. */
export const MAX_REPORT_ROWS = 10_000;

/**
 * Reports, each ONE aggregate statement whatever its size. Fedasil reads every agreement,
 * partners their consortia's, evaluators every agreement with small counts withheld.
 */
export class ReportService {
  constructor(
    private readonly db: Database,
    private readonly suppressionThreshold: number,
  ) {}

  async run(viewer: Viewer, definition: ReportDefinitionInput, language: Language): Promise<ReportAnswer> {
    const problem = definitionProblem(definition);
    if (problem) throw badUserInput(problem);
    const threshold = this.thresholdFor(viewer);
    // One more row than allowed (plus the totals) tells a report too large from one just large.
    const context = { scope: agreementScope(viewer), today: todayInBrussels(), language, limit: MAX_REPORT_ROWS + 2, countsHouseholds: threshold !== null };
    const statement = reportSql(definition, context);
    const [sql, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(statement.sql, statement.params);
    const records: ReportRecord[] = await this.db.manager.query(sql, parameters);
    if (records.length > MAX_REPORT_ROWS + 1) {
      throw badUserInput(`The report has more than ${MAX_REPORT_ROWS} rows: narrow the report with fewer dimensions or a filter.`);
    }
    const figures = figuresOf(definition, records);
    return answerOf(definition, threshold === null ? figures : suppressSmallCounts(figures, threshold), threshold);
  }

  /** Fedasil and partners may see their own households; anyone else sees no small count. */
  private thresholdFor(viewer: Viewer): number | null {
    return isFedasil(viewer.role) || isPartner(viewer.role) ? null : this.suppressionThreshold;
  }
}
