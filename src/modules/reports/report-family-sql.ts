import type { MeasureFamily } from "./report-families";
import { ReportMeasure } from "./report-vocabulary";

/** How one family's facts are read: its tables, the columns its measures aggregate, and its measures. */
export interface FamilySql {
  /** The fact table with its agreement `a` and household `h` (left-joined where facts may have none). */
  from: string;
  /** Joins the attributed organisation `o` (one row per organisation a fact is attributed to). */
  organisationJoin: string;
  /** Columns each fact carries for the aggregates; `household_id` is always among them. */
  facts(options: FactOptions): string[];
  /** Further joins the facts need for these measures. */
  joins(options: FactOptions): string[];
}

export interface FactOptions {
  /** Whether facts are attributed to organisations (`o` is joined). */
  attributed: boolean;
  /** The report's measures of this family. */
  measures: readonly ReportMeasure[];
}

/** An aggregate over a family's facts, and what the report shows where the family has no facts. */
export interface MeasureSql {
  aggregate: string;
  none: "0" | "NULL";
}

/** Households count once per row, however many members share them: hence DISTINCT. */
const HOUSEHOLD: FamilySql = {
  from: "household h JOIN agreement a ON a.id = h.agreement_id",
  // Every member of the consortium whose membership had not ended when the accompaniment started.
  organisationJoin: `JOIN LATERAL (SELECT DISTINCT m.organisation_id FROM consortium_membership m
                     WHERE m.consortium_id = a.consortium_id
                       AND (m.left_on IS NULL OR m.left_on > COALESCE(h.accompaniment_starts_on, CAST(:today AS date)))) member ON TRUE
        JOIN organisation o ON o.id = member.organisation_id`,
  facts: ({ measures }) => (countsPersons(measures) ? ["h.id AS household_id", "p.id AS person_id", "p.resettled"] : ["h.id AS household_id"]),
  joins: ({ measures }) => (countsPersons(measures) ? ["LEFT JOIN person p ON p.household_id = h.id"] : []),
};

function countsPersons(measures: readonly ReportMeasure[]): boolean {
  return measures.some((measure) => measure === ReportMeasure.PERSONS || measure === ReportMeasure.RESETTLED_PERSONS);
}

/** Tasks count for their assignee; agreement-level tasks have no household. */
const TASK: FamilySql = {
  from: "task t JOIN agreement a ON a.id = t.agreement_id LEFT JOIN household h ON h.id = t.household_id",
  organisationJoin: "JOIN organisation o ON o.id = t.assignee_organisation_id",
  facts: () => [
    "t.household_id",
    "t.status",
    "t.due_on",
    "CAST(t.done_at AT TIME ZONE 'Europe/Brussels' AS date) AS done_on",
    "h.arrived_on",
  ],
  joins: () => [],
};

/** Funding sums whole lines, or each member's allocation when attributed to organisations. */
const FUNDING: FamilySql = {
  from: "funding_line l JOIN agreement a ON a.id = l.agreement_id LEFT JOIN household h ON h.id = l.household_id",
  organisationJoin: "JOIN funding_allocation fa ON fa.funding_line_id = l.id JOIN organisation o ON o.id = fa.organisation_id",
  facts: ({ attributed }) => [
    "l.household_id",
    "l.kind",
    "l.settled_on IS NOT NULL AS settled",
    `${attributed ? "fa.amount_cents" : "l.amount_cents"} AS amount_cents`,
  ],
  joins: () => [],
};

export const FAMILY_SQL: Record<MeasureFamily, FamilySql> = { household: HOUSEHOLD, task: TASK, funding: FUNDING };

const DONE = "status = 'DONE' AND done_on IS NOT NULL";
const count = (aggregate: string): MeasureSql => ({ aggregate, none: "0" });
const cents = (condition?: string): MeasureSql =>
  count(`COALESCE(sum(amount_cents)${condition ? ` FILTER (WHERE ${condition})` : ""}, 0)`);

/** Sums of integer cents are bigint; the driver turns them (and counts) into exact numbers. */
export const MEASURE_SQL: Record<ReportMeasure, MeasureSql> = {
  HOUSEHOLDS: count("count(DISTINCT household_id)"),
  PERSONS: count("count(DISTINCT person_id)"),
  RESETTLED_PERSONS: count("count(DISTINCT person_id) FILTER (WHERE resettled)"),
  TASKS: count("count(*)"),
  OVERDUE_TASKS: count("count(*) FILTER (WHERE status <> ALL(CAST(:closedStatuses AS text[])) AND due_on < CAST(:today AS date))"),
  SHARE_DONE_ON_TIME: {
    aggregate: `CAST(count(*) FILTER (WHERE ${DONE} AND done_on <= due_on) AS float8) / NULLIF(count(*) FILTER (WHERE ${DONE}), 0)`,
    none: "NULL",
  },
  MEDIAN_DAYS_TO_COMPLETE: {
    aggregate: `percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(done_on - arrived_on AS float8)) FILTER (WHERE ${DONE} AND arrived_on IS NOT NULL)`,
    none: "NULL",
  },
  FUNDING_DUE: cents(),
  FUNDING_SETTLED: cents("settled"),
  FUNDING_BASE: cents("kind = 'BASE'"),
  FUNDING_EXTENSION: cents("kind = 'EXTENSION'"),
  FUNDING_DIRECT_ARRIVAL_HEAD: cents("kind = 'DIRECT_ARRIVAL_HEAD'"),
  FUNDING_DIRECT_ARRIVAL_MEMBER: cents("kind = 'DIRECT_ARRIVAL_MEMBER'"),
  FUNDING_ADJUSTMENT: cents("kind = 'ADJUSTMENT'"),
};
