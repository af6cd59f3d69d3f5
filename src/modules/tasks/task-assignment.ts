/** Who may assign a task to whom: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";

/**
 * Coordinators assign any task of their consortium to any member; staff of the assignee
 * organisation only narrow it to one of their own users or clear that (the organisation stays).
 */
export function mayAssign(
  caller: { assignsAnyTask: boolean; organisation: string },
  currentAssignee: string,
  targetOrganisation: string | null,
): boolean {
  return caller.assignsAnyTask || (caller.organisation === currentAssignee && targetOrganisation === currentAssignee);
}

/** The facts an assignment is judged on. */
export interface Assignment {
  taskClosed: boolean;
  /** Null when the id names no organisation. */
  organisation: string | null;
  organisationIsCurrentMember: boolean;
  /** Whether a user was named, and the organisation that user works for (null: no such user). */
  user: { organisation: string | null } | null;
}

export type AssignmentProblem = RuleProblem<"INVALID_STATE" | "UNKNOWN_REFERENCE" | "NOT_A_MEMBER">;

/** Open work goes to a current member of the consortium, optionally narrowed to one of that member's users. */
export function assignmentProblems(assignment: Assignment): AssignmentProblem[] {
  if (assignment.taskClosed) return [{ field: ["taskId"], code: "INVALID_STATE", message: "A closed task is not reassigned; reopen it first." }];
  if (assignment.organisation === null) return [{ field: ["organisationId"], code: "UNKNOWN_REFERENCE", message: "No such organisation." }];
  if (!assignment.organisationIsCurrentMember) {
    return [{ field: ["organisationId"], code: "NOT_A_MEMBER", message: "Only a current member of the consortium can receive work." }];
  }
  if (assignment.user && assignment.user.organisation === null) return [{ field: ["userId"], code: "UNKNOWN_REFERENCE", message: "No such user." }];
  if (assignment.user && assignment.user.organisation !== assignment.organisation) {
    return [{ field: ["userId"], code: "NOT_A_MEMBER", message: "The user does not work for that organisation." }];
  }
  return [];
}
