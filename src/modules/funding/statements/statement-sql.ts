import { FundingLineKind } from "../funding-line-kind";
import { FUNDING_KINDS } from "../funding-vocabulary";
import type { StatementSelection } from "./statement-selection";

/** Statements list kinds in the order of the programme's terms, adjustments last. */
export const LINE_KINDS: readonly FundingLineKind[] = [...FUNDING_KINDS, FundingLineKind.ADJUSTMENT];

/**
 * Every figure of a statement in one statement: totals, by kind and by agreement as grouping
 * sets over the selected lines, by member from their allocations. Sums of integer cents are
 * bigint; the driver turns them into numbers and refuses any a number cannot hold exactly.
 * Rows come out per dimension, each in its list order (kinds by the programme's terms, agreements
 * by reference, members by name), with `along`: columns of the row's `agreement` and `organisation`.
 */
export function figuresSql(selection: StatementSelection, along: string): string {
  return `
    WITH statement_line AS (
      SELECT line.id, line.agreement_id, line.kind, line.settled_on IS NOT NULL AS settled, ${selection.amount} AS amount_cents
        FROM ${selection.from}
       WHERE ${selection.where}
    ), figure AS (
      SELECT CASE GROUPING(kind, agreement_id) WHEN 3 THEN 'TOTAL' WHEN 1 THEN 'KIND' ELSE 'AGREEMENT' END AS dimension,
             kind, agreement_id, CAST(NULL AS uuid) AS organisation_id,
             sum(amount_cents) AS due, sum(amount_cents) FILTER (WHERE settled) AS settled,
             sum(amount_cents) FILTER (WHERE NOT settled) AS unsettled, count(*) AS line_count
        FROM statement_line
       GROUP BY GROUPING SETS ((), (kind), (agreement_id))
      UNION ALL
      SELECT 'MEMBER', NULL, NULL, allocation.organisation_id,
             sum(allocation.amount_cents), sum(allocation.amount_cents) FILTER (WHERE settled),
             sum(allocation.amount_cents) FILTER (WHERE NOT settled), count(*)
        FROM statement_line JOIN funding_allocation allocation ON allocation.funding_line_id = statement_line.id
       WHERE ${selection.allocations}
       GROUP BY allocation.organisation_id
    )
    SELECT figure.dimension, figure.kind,
           COALESCE(figure.due, 0) AS "dueCents", COALESCE(figure.settled, 0) AS "settledCents",
           COALESCE(figure.unsettled, 0) AS "unsettledCents", figure.line_count AS "lineCount", ${along}
      FROM figure
      LEFT JOIN agreement ON agreement.id = figure.agreement_id
      LEFT JOIN organisation ON organisation.id = figure.organisation_id
     ORDER BY figure.dimension, array_position(CAST(:kinds AS text[]), figure.kind),
              lower(agreement.reference), agreement.id, lower(organisation.name), organisation.id`;
}

/** The selected lines by due date, with household and agreement references; LIMIT NULL reads them all. */
export function linesSql(selection: StatementSelection): string {
  return `
    SELECT line.id AS key, line.agreement_id AS "agreementKey", agreement.reference AS "agreementReference",
           household.reference AS "householdReference", line.kind, line.explanation, line.due_on AS "dueOn",
           line.amount_cents AS "amountCents", line.settled_on AS "settledOn",
           ${selection.member ? "mine.amount_cents" : "CAST(NULL AS integer)"} AS "allocationCents"
      FROM ${selection.from}
      JOIN agreement ON agreement.id = line.agreement_id
      LEFT JOIN household ON household.id = line.household_id
     WHERE ${selection.where}
     ORDER BY line.due_on, line.id
    OFFSET :offset LIMIT :limit`;
}
