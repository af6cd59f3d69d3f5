import { OrderDirection } from "../../graphql/order";
import type { OverviewCounts } from "./overview.types";
import { AgreementOverviewOrderField, MemberOverviewOrderField, type AgreementOverviewOrder, type MemberOverviewOrder } from "./overview.inputs";
import type { OverviewSelection } from "./overview-selection";

/**
 * The figures of every chosen agreement as `agreement_figure`: persons by household status,
 * households by route, overdue tasks and funding, each part grouped once over its own table.
 */
const AGREEMENT_FIGURES = `
  household_figure AS (
    SELECT household.agreement_id, count(*) AS households,
           count(*) FILTER (WHERE household.arrival_route = 'DIRECT') AS households_direct,
           count(*) FILTER (WHERE household.arrival_route = 'VIA_RECEPTION') AS households_via_reception,
           sum(members.persons) FILTER (WHERE household.status = 'PLANNED') AS persons_planned,
           sum(members.persons) FILTER (WHERE household.status = 'IN_ACCOMPANIMENT') AS persons_in_accompaniment,
           sum(members.persons) FILTER (WHERE household.status = 'EXTENDED') AS persons_extended,
           sum(members.persons) FILTER (WHERE household.status = 'COMPLETED') AS persons_completed,
           sum(members.persons) FILTER (WHERE household.status = 'EXITED') AS persons_exited
      FROM chosen_household household
      CROSS JOIN LATERAL (SELECT count(*) AS persons FROM person WHERE person.household_id = household.id) members
     GROUP BY household.agreement_id
  ), task_figure AS (
    SELECT agreement_id, count(*) FILTER (WHERE overdue) AS overdue_tasks FROM chosen_task GROUP BY agreement_id
  ), line_figure AS (
    SELECT agreement_id, sum(amount_cents) AS due, sum(amount_cents) FILTER (WHERE settled) AS settled FROM chosen_line GROUP BY agreement_id
  ), agreement_figure AS (
    SELECT agreement.id, agreement.reference, agreement.capacity,
           COALESCE(household.persons_planned, 0) AS persons_planned,
           COALESCE(household.persons_in_accompaniment, 0) AS persons_in_accompaniment,
           COALESCE(household.persons_extended, 0) AS persons_extended,
           COALESCE(household.persons_completed, 0) AS persons_completed,
           COALESCE(household.persons_exited, 0) AS persons_exited,
           COALESCE(household.households, 0) AS households,
           COALESCE(household.households_direct, 0) AS households_direct,
           COALESCE(household.households_via_reception, 0) AS households_via_reception,
           COALESCE(task.overdue_tasks, 0) AS overdue_tasks,
           COALESCE(line.due, 0) AS funding_due_cents,
           COALESCE(line.settled, 0) AS funding_settled_cents
      FROM chosen_agreement agreement
      LEFT JOIN household_figure household ON household.agreement_id = agreement.id
      LEFT JOIN task_figure task ON task.agreement_id = agreement.id
      LEFT JOIN line_figure line ON line.agreement_id = agreement.id
  )`;

const COLUMNS: ReadonlyArray<[string, keyof OverviewCounts]> = [
  ["capacity", "capacity"],
  ["persons_planned", "personsPlanned"],
  ["persons_in_accompaniment", "personsInAccompaniment"],
  ["persons_extended", "personsExtended"],
  ["persons_completed", "personsCompleted"],
  ["persons_exited", "personsExited"],
  ["households", "households"],
  ["households_direct", "householdsDirect"],
  ["households_via_reception", "householdsViaReception"],
  ["overdue_tasks", "overdueTasks"],
  ["funding_due_cents", "fundingDueCents"],
  ["funding_settled_cents", "fundingSettledCents"],
];

/** Sums of sums are numeric in PostgreSQL; as bigint the driver hands them over as exact numbers. */
const asNumber = (sql: string, name: string) => `CAST(${sql} AS bigint) AS "${name}"`;

/** The programme's totals: the agreements' figures added up, in one row also when nothing is chosen. */
export function totalsSql(selection: OverviewSelection): string {
  const columns = COLUMNS.map(([column, name]) => asNumber(`COALESCE(sum(figure.${column}), 0)`, name));
  return `WITH ${selection.with}, ${AGREEMENT_FIGURES} SELECT ${columns.join(", ")} FROM agreement_figure figure`;
}

const AGREEMENT_ORDER: Record<AgreementOverviewOrderField, string> = {
  [AgreementOverviewOrderField.REFERENCE]: "lower(figure.reference)",
  [AgreementOverviewOrderField.CAPACITY]: "figure.capacity",
  [AgreementOverviewOrderField.PERSONS_IN_ACCOMPANIMENT]: "figure.persons_in_accompaniment",
  [AgreementOverviewOrderField.OVERDUE_TASKS]: "figure.overdue_tasks",
  [AgreementOverviewOrderField.FUNDING_DUE]: "figure.funding_due_cents",
  [AgreementOverviewOrderField.OCCUPANCY]: "CAST(figure.persons_in_accompaniment + figure.persons_extended AS numeric) / figure.capacity",
};

const direction = (order: { direction: OrderDirection } | null) => (order?.direction === OrderDirection.DESC ? "DESC" : "ASC");

/** A page of agreement rows in the asked order, ties by reference. */
export function agreementRowsSql(selection: OverviewSelection, order: AgreementOverviewOrder | null): string {
  const columns = COLUMNS.map(([column, name]) => asNumber(`figure.${column}`, name));
  const orderBy = AGREEMENT_ORDER[order?.field ?? AgreementOverviewOrderField.REFERENCE];
  return `WITH ${selection.with}, ${AGREEMENT_FIGURES}
    SELECT figure.id AS "agreementKey", ${columns.join(", ")}
      FROM agreement_figure figure
     ORDER BY ${orderBy} ${direction(order)}, lower(figure.reference), figure.id
    OFFSET :offset LIMIT :limit`;
}

export const agreementCountSql = (selection: OverviewSelection) => `WITH ${selection.with} SELECT count(*) AS count FROM chosen_agreement`;

/** Each matching organisation with the chosen agreements of the consortia it is a current member of. */
const memberAgreements = (selection: OverviewSelection) => `
  member_agreement AS (
    SELECT DISTINCT membership.organisation_id, agreement.id AS agreement_id
      FROM chosen_agreement agreement
      JOIN consortium_membership membership ON membership.consortium_id = agreement.consortium_id AND ${selection.currentMembership}
      JOIN organisation ON organisation.id = membership.organisation_id
     WHERE ${selection.memberMatches}
  )`;

/** Member rows: households of its agreements, tasks assigned to it, its allocations of the chosen lines. */
const MEMBER_FIGURES = `
  member_household AS (
    SELECT member.organisation_id, count(DISTINCT household.id) AS households
      FROM member_agreement member JOIN chosen_household household ON household.agreement_id = member.agreement_id
     GROUP BY member.organisation_id
  ), member_task AS (
    SELECT assignee_organisation_id AS organisation_id, count(*) FILTER (WHERE overdue) AS overdue_tasks, count(*) FILTER (WHERE open) AS open_tasks
      FROM chosen_task GROUP BY assignee_organisation_id
  ), member_line AS (
    SELECT allocation.organisation_id, sum(allocation.amount_cents) AS due, sum(allocation.amount_cents) FILTER (WHERE line.settled) AS settled
      FROM chosen_line line JOIN funding_allocation allocation ON allocation.funding_line_id = line.id
     GROUP BY allocation.organisation_id
  ), member_figure AS (
    SELECT organisation.id, organisation.name, member.agreement_count,
           COALESCE(household.households, 0) AS households,
           COALESCE(task.overdue_tasks, 0) AS overdue_tasks, COALESCE(task.open_tasks, 0) AS open_tasks,
           COALESCE(line.due, 0) AS funding_due_cents, COALESCE(line.settled, 0) AS funding_settled_cents
      FROM (SELECT organisation_id, count(*) AS agreement_count FROM member_agreement GROUP BY organisation_id) member
      JOIN organisation ON organisation.id = member.organisation_id
      LEFT JOIN member_household household ON household.organisation_id = member.organisation_id
      LEFT JOIN member_task task ON task.organisation_id = member.organisation_id
      LEFT JOIN member_line line ON line.organisation_id = member.organisation_id
  )`;

const MEMBER_ORDER: Record<MemberOverviewOrderField, string> = {
  [MemberOverviewOrderField.NAME]: "lower(figure.name)",
  [MemberOverviewOrderField.OVERDUE_TASKS]: "figure.overdue_tasks",
  [MemberOverviewOrderField.FUNDING_DUE]: "figure.funding_due_cents",
};

/** A page of member rows in the asked order, ties by name. */
export function memberRowsSql(selection: OverviewSelection, order: MemberOverviewOrder | null): string {
  const orderBy = MEMBER_ORDER[order?.field ?? MemberOverviewOrderField.NAME];
  return `WITH ${selection.with}, ${memberAgreements(selection)}, ${MEMBER_FIGURES}
    SELECT figure.id AS "organisationKey", ${asNumber("figure.agreement_count", "agreementCount")}, ${asNumber("figure.households", "households")},
           ${asNumber("figure.overdue_tasks", "overdueTasks")}, ${asNumber("figure.open_tasks", "openTasks")},
           ${asNumber("figure.funding_due_cents", "fundingDueCents")}, ${asNumber("figure.funding_settled_cents", "fundingSettledCents")}
      FROM member_figure figure
     ORDER BY ${orderBy} ${direction(order)}, lower(figure.name), figure.id
    OFFSET :offset LIMIT :limit`;
}

export const memberCountSql = (selection: OverviewSelection) =>
  `WITH ${selection.with}, ${memberAgreements(selection)} SELECT count(DISTINCT organisation_id) AS count FROM member_agreement`;
