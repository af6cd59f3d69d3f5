import { isFedasil, isPartner } from "../../../auth/roles";
import { type Viewer, agreementScope } from "../../../auth/viewer";
import type { Database } from "../../../database/database";
import { entityColumns } from "../../../database/entity-rows";
import { type ConnectionPage, paginate } from "../../../graphql/connection";
import { badUserInput, forbidden } from "../../../graphql/errors";
import type { PageArgs } from "../../../graphql/pagination";
import { Agreement } from "../../agreements/agreement.entity";
import { Organisation } from "../../organisations/organisation.entity";
import type { FundingLineKind } from "../funding-line-kind";
import type { FundingStatementFilter } from "./funding-statement.inputs";
import {
  type AmountsDue,
  FundingAgreementTotal,
  FundingKindTotal,
  FundingMemberTotal,
  FundingPeriod,
  FundingStatement,
  FundingStatementLine,
  FundingTotals,
  type StatementFigures,
} from "./funding-statement.types";
import { READS_EVERYTHING, type StatementReads } from "./statement-reads";
import { type StatementSelection, statementSelection } from "./statement-selection";
import { LINE_KINDS, figuresSql, linesSql } from "./statement-sql";

interface FigureRow extends AmountsDue {
  dimension: "TOTAL" | "KIND" | "AGREEMENT" | "MEMBER";
  kind: FundingLineKind | null;
}

/**
 * Funding statements, computed in the database: one SQL statement for all the figures and one
 * per page of lines, whatever the number of lines. Partners see their consortia's agreements,
 * Fedasil all of them. Evaluators get FORBIDDEN: a small agreement's figures give away how many
 * persons it received (BASE is 3,000 a person), so their funding figures come from `report`,
 * which withholds whatever rests on too few households.
 */
export class FundingStatementService {
  constructor(private readonly db: Database) {}

  /** A statement for the viewer; its figures are read on first use, once, with `reads` of the agreements and members they name. */
  open(viewer: Viewer, filter: FundingStatementFilter, reads = READS_EVERYTHING): FundingStatement {
    this.requireAccess(viewer);
    if (filter.periodFrom > filter.periodTo) throw badUserInput("periodTo must not be before periodFrom.");
    const selection = statementSelection(agreementScope(viewer), filter);
    let figures: Promise<StatementFigures> | undefined;
    return Object.assign(new FundingStatement(), {
      period: Object.assign(new FundingPeriod(), { from: filter.periodFrom, to: filter.periodTo }),
      selection,
      figures: () => (figures ??= this.readFigures(selection, reads)),
    });
  }

  /** One page of the statement's lines by due date; its total is the statement's line count. */
  lines(statement: FundingStatement, page: PageArgs): Promise<ConnectionPage<FundingStatementLine>> {
    return paginate(page, {
      read: (offset, limit) => this.readLines(statement.selection, offset, limit),
      count: async () => (await statement.figures()).totals.lineCount,
    });
  }

  /** Every line of the statement, for the CSV download. */
  allLines(statement: FundingStatement): Promise<FundingStatementLine[]> {
    return this.readLines(statement.selection, 0, null);
  }

  /** Partners and Fedasil; evaluators, who never see a household, get FORBIDDEN. */
  requireAccess(viewer: Viewer): void {
    if (!isFedasil(viewer.role) && !isPartner(viewer.role)) throw forbidden();
  }

  /**
   * The figures, with each agreement and member organisation they name (both in the viewer's
   * sight: the selection is), made of only the columns `reads` names: they reach no loader.
   */
  private async readFigures(selection: StatementSelection, reads: StatementReads): Promise<StatementFigures> {
    const agreements = entityColumns(this.db, Agreement).only(reads.agreement);
    const organisations = entityColumns(this.db, Organisation).only(reads.organisation);
    const along = `${agreements.select("agreement", "agreement.")}, ${organisations.select("organisation", "organisation.")}`;
    const rows = await this.query<FigureRow>(figuresSql(selection, along), { ...selection.params, kinds: LINE_KINDS });
    const of = (dimension: FigureRow["dimension"]) => rows.filter((row) => row.dimension === dimension);
    const amounts = ({ dueCents, settledCents, unsettledCents, lineCount }: FigureRow): AmountsDue => ({ dueCents, settledCents, unsettledCents, lineCount });
    return {
      // The empty grouping set always yields its row, also when no line is selected.
      totals: Object.assign(new FundingTotals(), amounts(of("TOTAL")[0])),
      byKind: of("KIND").map((row) => Object.assign(new FundingKindTotal(), { kind: row.kind, dueCents: row.dueCents, lineCount: row.lineCount })),
      byAgreement: of("AGREEMENT").map((row) => Object.assign(new FundingAgreementTotal(), { ...amounts(row), agreement: agreements.from(row, "agreement.") })),
      byMember: of("MEMBER").map((row) => Object.assign(new FundingMemberTotal(), { ...amounts(row), organisation: organisations.from(row, "organisation.") })),
    };
  }

  private async readLines(selection: StatementSelection, offset: number, limit: number | null): Promise<FundingStatementLine[]> {
    const rows = await this.query<FundingStatementLine>(linesSql(selection), { ...selection.params, offset, limit });
    return rows.map((row) => Object.assign(new FundingStatementLine(), row));
  }

  /** Prepared (Database.select): the text depends only on the selection's shape, not on its values. */
  private async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(sql, params);
    return (await this.db.select(text, parameters)) as T[];
  }
}
