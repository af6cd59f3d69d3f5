import { isFedasil, isPartner } from "../auth/roles";
import { type Viewer, householdScope, inScope } from "../auth/viewer";
import { keyOf } from "../graphql/global-id";
import type { TaskNotification } from "../modules/tasks/task-notifications";

/**
 * Whether a live notification is meant for the viewer, from the keys it carries (no query):
 * tasks and hand-overs are household work, so only Fedasil and the members of the task's
 * consortium hear of them; an assignment or a proposed hand-over only reaches the organisation
 * it names. Whether the viewer may still see the object is checked again when it is loaded.
 */
export function receives(viewer: Viewer, notification: TaskNotification): boolean {
  if (!inScope(householdScope(viewer), notification.consortiumKey)) return false;
  switch (notification.topic) {
    case "TASK_ASSIGNED":
      return notification.assigneeOrganisationKey === viewer.organisationId;
    case "HANDOVER_PROPOSED":
      return notification.toOrganisationKey === viewer.organisationId;
    case "TASK_CHANGED":
      return true;
  }
}

/** Whether a task change concerns the household asked for (none asked: every household). */
export function ofHousehold(notification: TaskNotification, householdId: string | null | undefined): boolean {
  if (householdId == null) return true;
  // An id that names no household matches nothing, as in the task list's filter.
  return notification.topic === "TASK_CHANGED" && notification.householdKey !== null && notification.householdKey === keyOf(householdId, "Household");
}

/** Evaluators never see tasks or households: following them live is refused outright. */
export function mayFollowTasks(viewer: Viewer): boolean {
  return isFedasil(viewer.role) || isPartner(viewer.role);
}
