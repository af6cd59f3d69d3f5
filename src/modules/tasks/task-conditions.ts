import { type ConsortiumScope, type Viewer, householdScope } from "../../auth/viewer";
import { keyOf } from "../../graphql/global-id";
import { type ScopeCondition, agreementInScope } from "../households/household-scope";
import { TaskOrderField, type TaskFilter, type TaskOrder } from "./task.inputs";
import { CLOSED_STATUSES } from "./task-status";
import { TaskStatus } from "./task-vocabulary";

/** SQL over the alias `task`; the parameters are prefixed so they never meet the scope's. */
const OPEN_WORK = "task.status <> ALL(:taskClosedStatuses)";
const OVERDUE = `${OPEN_WORK} AND task.due_on < :taskToday`;
const ASSIGNEE_LEFT = `${OPEN_WORK} AND NOT EXISTS (
  SELECT 1 FROM agreement task_agreement JOIN consortium_membership task_member ON task_member.consortium_id = task_agreement.consortium_id
   WHERE task_agreement.id = task.agreement_id AND task_member.organisation_id = task.assignee_organisation_id
     AND task_member.joined_on <= :taskToday AND (task_member.left_on IS NULL OR task_member.left_on > :taskToday))`;

/** A boolean filter: true keeps the rows matching `sql`, false the others, null does not filter. */
const either = (wanted: boolean | null | undefined, sql: string): string | null =>
  wanted == null ? null : wanted ? `(${sql})` : `NOT (${sql})`;

/** An id that names nothing of the expected type matches nothing, like an object without tasks. */
function keyCondition(id: string | null | undefined, typeName: string, column: string, name: string): [string | null, Record<string, unknown>] {
  if (id == null) return [null, {}];
  const key = keyOf(id, typeName);
  return key ? [`${column} = :${name}`, { [name]: key }] : ["false", {}];
}

/** Tasks the viewer may see (through the agreement's consortium) that pass the filter, as of `today` in Brussels. */
export function taskConditions(viewer: Viewer, filter: TaskFilter | null | undefined, today: string): ScopeCondition {
  const f = filter ?? {};
  const scope = agreementInScope("task.agreement_id", householdScope(viewer));
  const assignees = f.assigneeOrganisationIds?.length
    ? f.assigneeOrganisationIds.map((id) => keyOf(id, "Organisation")).filter((key): key is string => key !== null)
    : null;
  const [household, householdParams] = keyCondition(f.householdId, "Household", "task.household_id", "taskHousehold");
  const [agreement, agreementParams] = keyCondition(f.agreementId, "Agreement", "task.agreement_id", "taskAgreement");
  const parts = [
    scope.sql,
    either(f.assignedToMyOrganisation, "task.assignee_organisation_id = :taskMyOrganisation"),
    assignees ? (assignees.length > 0 ? "task.assignee_organisation_id = ANY(:taskAssignees)" : "false") : null,
    f.statuses?.length ? "task.status = ANY(:taskStatuses)" : null,
    f.categories?.length ? "task.category = ANY(:taskCategories)" : null,
    either(f.overdue, OVERDUE),
    f.dueBefore ? "task.due_on < :taskDueBefore" : null,
    f.dueAfter ? "task.due_on > :taskDueAfter" : null,
    household,
    agreement,
    either(f.awaitingReassignment, ASSIGNEE_LEFT),
  ].filter((part): part is string => part !== null);
  return {
    sql: parts.join(" AND "),
    params: {
      ...scope.params,
      ...householdParams,
      ...agreementParams,
      taskClosedStatuses: [...CLOSED_STATUSES],
      taskToday: today,
      taskMyOrganisation: viewer.organisationId,
      taskAssignees: assignees ?? [],
      taskStatuses: f.statuses ?? [],
      taskCategories: f.categories ?? [],
      taskDueBefore: f.dueBefore ?? null,
      taskDueAfter: f.dueAfter ?? null,
    },
  };
}

/** Rows of another table (the task uuid in `taskColumn`) whose task lies in the scope. */
export function taskInScope(taskColumn: string, scope: ConsortiumScope): ScopeCondition {
  if (scope.all) return { sql: "TRUE", params: {} };
  const agreement = agreementInScope("scope_task.agreement_id", scope);
  return { sql: `${taskColumn} IN (SELECT scope_task.id FROM task scope_task WHERE ${agreement.sql})`, params: agreement.params };
}

const WORKFLOW = Object.values(TaskStatus).map((status) => `'${status}'`).join(", ");

/** The ORDER BY of a task list: the chosen field, then the due date, then the id, so every order is total. */
export function taskOrdering(order: TaskOrder | null | undefined): Array<[string, "ASC" | "DESC"]> {
  const direction = order?.direction ?? "ASC";
  switch (order?.field ?? TaskOrderField.DUE_ON) {
    case TaskOrderField.CREATED_AT:
      return [["task.created_at", direction], ["task.id", "ASC"]];
    case TaskOrderField.STATUS:
      return [[`array_position(ARRAY[${WORKFLOW}]::text[], task.status)`, direction], ["task.due_on", "ASC"], ["task.id", "ASC"]];
    default:
      return [["task.due_on", direction], ["task.id", "ASC"]];
  }
}
