import type { ConsortiumScope } from "../../auth/viewer";
import { keyOf } from "../../graphql/global-id";
import { agreementInScope } from "../households/household-scope";
import { isClosed } from "../tasks/task-status";
import { TaskStatus } from "../tasks/task-vocabulary";
import { endingWindow } from "./overview-rules";
import type { ProgrammeOverviewFilter } from "./overview.inputs";

/**
 * What an overview counts, as SQL shared by all its statements: the WITH list of the chosen
 * agreements, households, tasks and funding lines, and which organisations count as members.
 */
export interface OverviewSelection {
  /** `chosen_agreement`, `chosen_household`, `chosen_task` (with `open` and `overdue`) and `chosen_line` (with `settled`). */
  with: string;
  /** Over `organisation`: it is in one of the filter's provinces and of one of its kinds. */
  memberMatches: string;
  /** Over `membership` (consortium_membership): current today. */
  currentMembership: string;
  /** Also :overviewEndingFrom and :overviewEndingTo, the days in which an ending counts as soon. */
  params: Record<string, unknown>;
}

const OPEN_STATUSES = Object.values(TaskStatus).filter((status) => !isClosed(status));

/** `column` within the filter's period; TRUE when it has no bounds. Rows without a date fall outside any period. */
function inPeriod(column: string, filter: ProgrammeOverviewFilter): string {
  const bounds = [filter.periodFrom != null ? `${column} >= :overviewFrom` : null, filter.periodTo != null ? `${column} <= :overviewTo` : null];
  return bounds.filter((bound) => bound !== null).join(" AND ") || "TRUE";
}

/** Empty lists narrow nothing, as if left out. */
const given = <T>(list: readonly T[] | null | undefined): list is readonly T[] => list != null && list.length > 0;

const CURRENT_MEMBERSHIP = "membership.joined_on <= :overviewToday AND (membership.left_on IS NULL OR membership.left_on > :overviewToday)";

/** Over `organisation`: in one of the filter's provinces and of one of its kinds; empty when neither is given. */
function memberCondition(filter: ProgrammeOverviewFilter): string {
  const parts = [
    given(filter.provinces) ? "organisation.province = ANY(:overviewProvinces)" : null,
    given(filter.organisationKinds) ? "organisation.kind = ANY(:overviewKinds)" : null,
  ];
  return parts.filter((part) => part !== null).join(" AND ");
}

/** Over `agreement`: some current member of its consortium matches the filter (one member, both conditions). */
const hasMatchingMember = (memberMatches: string) => `EXISTS (
  SELECT 1 FROM consortium_membership membership JOIN organisation ON organisation.id = membership.organisation_id
   WHERE membership.consortium_id = agreement.consortium_id AND ${CURRENT_MEMBERSHIP} AND ${memberMatches})`;

/** What the overview counts for a viewer's scope and filter, with overdue work and endings as of `today`. */
export function overviewSelection(scope: ConsortiumScope, filter: ProgrammeOverviewFilter, today: string): OverviewSelection {
  const ending = endingWindow(today);
  const inScope = agreementInScope("agreement.id", scope);
  const memberMatches = memberCondition(filter);
  const periodGiven = filter.periodFrom != null || filter.periodTo != null;
  const agreementKeys = given(filter.agreementIds) ? filter.agreementIds.map((id) => keyOf(id, "Agreement")).filter((key) => key !== null) : null;
  const with_ = `
    chosen_agreement AS (
      SELECT agreement.id, agreement.consortium_id, agreement.reference, agreement.capacity
        FROM agreement
       WHERE ${inScope.sql} AND ${agreementKeys ? "agreement.id = ANY(:overviewAgreements)" : "TRUE"} AND ${memberMatches ? hasMatchingMember(memberMatches) : "TRUE"}
    ), chosen_household AS (
      SELECT household.id, household.agreement_id, household.reference, household.status, household.arrival_route,
             household.arrived_on, household.accompaniment_ends_on
        FROM household JOIN chosen_agreement ON chosen_agreement.id = household.agreement_id
       WHERE ${inPeriod("COALESCE(household.arrived_on, household.expected_arrival_on)", filter)}
    ), chosen_task AS (
      SELECT task.id, task.agreement_id, task.household_id, task.template_id, task.category, task.status, task.done_at,
             task.assignee_organisation_id, task.status = ANY(:overviewOpenStatuses) AS open,
             task.status = ANY(:overviewOpenStatuses) AND task.due_on < :overviewToday AS overdue
        FROM task JOIN chosen_agreement ON chosen_agreement.id = task.agreement_id
       WHERE task.household_id IN (SELECT chosen_household.id FROM chosen_household) OR ${periodGiven ? "FALSE" : "task.household_id IS NULL"}
    ), chosen_line AS (
      SELECT line.id, line.agreement_id, line.amount_cents, line.settled_on IS NOT NULL AS settled
        FROM funding_line line JOIN chosen_agreement ON chosen_agreement.id = line.agreement_id
       WHERE ${inPeriod("line.due_on", filter)}
    )`;
  return {
    with: with_,
    memberMatches: memberMatches || "TRUE",
    currentMembership: CURRENT_MEMBERSHIP,
    params: {
      ...inScope.params,
      overviewAgreements: agreementKeys ?? [],
      overviewProvinces: filter.provinces ?? [],
      overviewKinds: filter.organisationKinds ?? [],
      overviewFrom: filter.periodFrom ?? null,
      overviewTo: filter.periodTo ?? null,
      overviewToday: today,
      overviewOpenStatuses: OPEN_STATUSES,
      overviewEndingFrom: ending.from,
      overviewEndingTo: ending.to,
    },
  };
}
