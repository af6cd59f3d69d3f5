import type { ConsortiumScope } from "../../../auth/viewer";
import { keyOf } from "../../../graphql/global-id";
import { agreementInScope } from "../../households/household-scope";
import type { FundingStatementFilter } from "./funding-statement.inputs";

/**
 * The lines a statement counts, as SQL over `funding_line line` (joined to the member's own
 * allocation `mine` in a member statement), shared by the figures, the lines and the CSV.
 */
export interface StatementSelection {
  from: string;
  where: string;
  /** What one line adds to the figures: the line's amount, or the member's share of it. */
  amount: string;
  /** Which allocations count in byMember: all of the lines, or only the member's. */
  allocations: string;
  /** True for a member statement (an organisationId was given). */
  member: boolean;
  params: Record<string, unknown>;
}

/**
 * Ids that name nothing of the right type, or something outside the scope, select nothing: an
 * empty statement, as for an agreement or member without lines in the period.
 */
export function statementSelection(scope: ConsortiumScope, filter: FundingStatementFilter): StatementSelection {
  const inScope = agreementInScope("line.agreement_id", scope);
  const where = ["line.due_on BETWEEN :periodFrom AND :periodTo", inScope.sql];
  const params: Record<string, unknown> = { ...inScope.params, periodFrom: filter.periodFrom, periodTo: filter.periodTo };
  if (filter.agreementId != null) {
    params.agreement = keyOf(filter.agreementId, "Agreement");
    where.push(params.agreement ? "line.agreement_id = :agreement" : "FALSE");
  }
  if (filter.settled != null) where.push(filter.settled ? "line.settled_on IS NOT NULL" : "line.settled_on IS NULL");
  if (filter.organisationId == null) {
    return { from: "funding_line line", where: where.join(" AND "), amount: "line.amount_cents", allocations: "TRUE", member: false, params };
  }
  params.member = keyOf(filter.organisationId, "Organisation");
  if (!params.member) where.push("FALSE");
  return {
    from: "funding_line line JOIN funding_allocation mine ON mine.funding_line_id = line.id AND mine.organisation_id = :member",
    where: where.join(" AND "),
    amount: "mine.amount_cents",
    allocations: "allocation.organisation_id = :member",
    member: true,
    params,
  };
}
