import { isFedasil, isPartner } from "../../auth/roles";
import { type Viewer, householdScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { type ConnectionPage, paginate } from "../../graphql/connection";
import { badUserInput, forbidden } from "../../graphql/errors";
import type { PageArgs } from "../../graphql/pagination";
import { todayInBrussels } from "../../shared/calendar";
import { TaskCategory } from "../tasks/task-vocabulary";
import type { AgreementOverviewOrder, MemberOverviewOrder, ProgrammeOverviewFilter } from "./overview.inputs";
import {
  AccommodationEndingWithoutNextHome,
  AgreementOverview,
  EndingAccompaniment,
  MemberOverview,
  OverdueTaskCount,
  OverviewFigures,
  type OverviewCounts,
  ProgrammeOverview,
  TaskTemplateDuration,
} from "./overview.types";
import { agreementCountSql, agreementRowsSql, memberCountSql, memberRowsSql, totalsSql } from "./overview-figures-sql";
import {
  endingAccompanimentCountSql,
  endingAccompanimentsSql,
  homesEndingCountSql,
  homesEndingSql,
  overdueByMemberSql,
  templateDurationsSql,
} from "./overview-lists-sql";
import { periodProblem } from "./overview-rules";
import { overviewSelection } from "./overview-selection";

/** The template of the task that starts the search for the next home (migration 1764100000300). */
const NEXT_HOME_TEMPLATE = "SEARCH_NEXT_HOME";

/**
 * The programme overview, computed in the database: one SQL statement per figure set or list
 * (two for a page with its totalCount), whatever the number of rows. Fedasil sees every
 * agreement, partners their consortia's; evaluators have reports instead.
 */
export class ProgrammeOverviewService {
  constructor(private readonly db: Database) {}

  open(viewer: Viewer, filter: ProgrammeOverviewFilter | null): ProgrammeOverview {
    if (!isFedasil(viewer.role) && !isPartner(viewer.role)) throw forbidden();
    const problem = periodProblem(filter ?? {});
    if (problem) throw badUserInput(problem);
    return Object.assign(new ProgrammeOverview(), { selection: overviewSelection(householdScope(viewer), filter ?? {}, todayInBrussels()) });
  }

  async totals({ selection }: ProgrammeOverview): Promise<OverviewFigures> {
    const [totals] = await this.read(OverviewFigures, totalsSql(selection), selection.params);
    return totals;
  }

  agreements({ selection }: ProgrammeOverview, order: AgreementOverviewOrder | null, page: PageArgs): Promise<ConnectionPage<AgreementOverview>> {
    return this.page(page, selection.params, agreementCountSql(selection), async (params) => {
      const rows = await this.query<OverviewCounts & { agreementKey: string }>(agreementRowsSql(selection, order), params);
      return rows.map(({ agreementKey, ...counts }) => Object.assign(new AgreementOverview(), { agreementKey, figures: Object.assign(new OverviewFigures(), counts) }));
    });
  }

  members({ selection }: ProgrammeOverview, order: MemberOverviewOrder | null, page: PageArgs): Promise<ConnectionPage<MemberOverview>> {
    return this.page(page, selection.params, memberCountSql(selection), (params) => this.read(MemberOverview, memberRowsSql(selection, order), params));
  }

  overdueTasksByMember({ selection }: ProgrammeOverview): Promise<OverdueTaskCount[]> {
    return this.read(OverdueTaskCount, overdueByMemberSql(selection), { ...selection.params, categories: Object.values(TaskCategory) });
  }

  taskTemplateDurations({ selection }: ProgrammeOverview): Promise<TaskTemplateDuration[]> {
    return this.read(TaskTemplateDuration, templateDurationsSql(selection), selection.params);
  }

  endingAccompaniments({ selection }: ProgrammeOverview, page: PageArgs): Promise<ConnectionPage<EndingAccompaniment>> {
    return this.page(page, selection.params, endingAccompanimentCountSql(selection), (params) =>
      this.read(EndingAccompaniment, endingAccompanimentsSql(selection), { ...params, nextHomeCode: NEXT_HOME_TEMPLATE }),
    );
  }

  accommodationsEndingWithoutNextHome({ selection }: ProgrammeOverview, page: PageArgs): Promise<ConnectionPage<AccommodationEndingWithoutNextHome>> {
    return this.page(page, selection.params, homesEndingCountSql(selection), (params) => this.read(AccommodationEndingWithoutNextHome, homesEndingSql(selection), params));
  }

  /** A page read by `read` (given the selection's parameters with the page's offset and limit), counted by `countSql`. */
  private page<T>(page: PageArgs, params: Record<string, unknown>, countSql: string, read: (params: Record<string, unknown>) => Promise<T[]>) {
    return paginate(page, {
      read: (offset, limit) => read({ ...params, offset, limit }),
      count: async () => (await this.query<{ count: number }>(countSql, params))[0].count,
    });
  }

  /** The statement's rows as objects of `type` (whose getters then format them). */
  private async read<T extends object>(type: new () => T, sql: string, params: Record<string, unknown>): Promise<T[]> {
    return (await this.query<object>(sql, params)).map((row) => Object.assign(new type(), row));
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.db.manager.query(text, parameters);
  }
}
