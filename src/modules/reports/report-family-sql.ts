import type { MeasureFamily } from "./report-families";
import { ReportMeasure } from "./report-vocabulary";

/** How one family's facts are read: its tables, the columns its measures aggregate, and its measures. */
export interface FamilySql {
  /** The fact table with its agreement `a` and household `h` (left-joined where facts may have none). */
  from: string;
  /**
   * Joins the organisation `o` each fact is attributed to (one row per organisation); or, for facts
   * shared by several organisations, a join that applies the organisation dimensions and filters
   * itself (see Attribution).
   */
  organisationJoin: string | ((attribution: Attribution) => string);
  /** The number of households the figures rest on, over the facts. */
  households: string;
  /** Columns each fact carries for the aggregates; `household_id` is always among them. */
  facts(options: FactOptions): string[];
  /** Further joins the facts need for these measures. */
  joins(options: FactOptions): string[];
}

/**
 * The organisation dimensions and filters, for a join that applies them itself: it yields `member`,
 * one row per value of the dimensions (member.d{i}, member.d{i}_label), so a fact meets each value
 * once however many organisations share it, and `member.first` on one row per fact.
 */
export interface Attribution {
  /** The dimensions' values over the organisation `o`, each named by its column in the facts. */
  columns: { sql: string; as: string }[];
  /** Conditions over `o`. */
  where: string[];
}

export interface FactOptions {
  /** Whether facts are attributed to organisations (`o` or `member` is joined). */
  attributed: boolean;
  /** The report's measures of this family. */
  measures: readonly ReportMeasure[];
}

/** An aggregate over a family's facts, and what the report shows where the family has no facts. */
export interface MeasureSql {
  aggregate: string;
  none: "0" | "NULL";
}

/** Each household's persons (`size`), counted once before any join multiplies the household. */
export const HOUSEHOLD_SIZE_JOIN = `LEFT JOIN (SELECT sp.household_id, count(*) AS persons, count(*) FILTER (WHERE sp.resettled) AS resettled
                     FROM person sp GROUP BY sp.household_id) size ON size.household_id = h.id`;

/**
 * One fact per household, or per household and value of the organisation dimensions: the members
 * sharing it are those of the consortium whose membership had not ended when the accompaniment
 * started. Their memberships are grouped by the dimensions, so a value is in as long as its latest
 * member is; the value with the latest end in each consortium is `first`: any household that has
 * a member at all has it.
 */
const HOUSEHOLD: FamilySql = {
  from: "household h JOIN agreement a ON a.id = h.agreement_id",
  organisationJoin: ({ columns, where }) => {
    const until = "max(COALESCE(m.left_on, 'infinity'))";
    const values = columns.map((column) => column.sql);
    const select = ["m.consortium_id", ...columns.map((column) => `${column.sql} AS ${column.as}`), `${until} AS until`];
    return `JOIN (SELECT ${select.join(", ")},
                     row_number() OVER (PARTITION BY m.consortium_id ORDER BY ${[`${until} DESC`, ...values].join(", ")}) = 1 AS first
                FROM consortium_membership m JOIN organisation o ON o.id = m.organisation_id${where.length > 0 ? `
               WHERE ${where.join(" AND ")}` : ""}
               GROUP BY ${["m.consortium_id", ...values].join(", ")}) member
          ON member.consortium_id = a.consortium_id AND member.until > COALESCE(h.accompaniment_starts_on, CAST(:today AS date))`;
  },
  households: "count(*)",
  facts: ({ attributed, measures }) => [
    "h.id AS household_id",
    ...(attributed ? ["member.first"] : []),
    ...(countsPersons(measures) ? ["size.persons", "size.resettled"] : []),
  ],
  joins: ({ measures }) => (countsPersons(measures) ? [HOUSEHOLD_SIZE_JOIN] : []),
};

function countsPersons(measures: readonly ReportMeasure[]): boolean {
  return measures.some((measure) => measure === ReportMeasure.PERSONS || measure === ReportMeasure.RESETTLED_PERSONS);
}

/** Tasks count for their assignee; agreement-level tasks have no household. */
const TASK: FamilySql = {
  from: "task t JOIN agreement a ON a.id = t.agreement_id LEFT JOIN household h ON h.id = t.household_id",
  organisationJoin: "JOIN organisation o ON o.id = t.assignee_organisation_id",
  households: "count(DISTINCT household_id)",
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
  households: "count(DISTINCT household_id)",
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
  HOUSEHOLDS: count("count(*)"),
  PERSONS: count("sum(persons)"),
  RESETTLED_PERSONS: count("sum(resettled)"),
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
