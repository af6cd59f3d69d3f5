/** The life of a task as a state machine: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";
import { TaskStatus } from "./task-vocabulary";

const { OPEN, IN_PROGRESS, BLOCKED, DONE, CANCELLED, NOT_APPLICABLE } = TaskStatus;

/** Work that is finished one way or another; every other status is open work. */
export const CLOSED_STATUSES: readonly TaskStatus[] = [DONE, CANCELLED, NOT_APPLICABLE];

/** Open work may move freely; closed work only reopens (with a reason). */
const TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  [OPEN]: [IN_PROGRESS, BLOCKED, DONE, CANCELLED, NOT_APPLICABLE],
  [IN_PROGRESS]: [OPEN, BLOCKED, DONE, CANCELLED, NOT_APPLICABLE],
  [BLOCKED]: [OPEN, IN_PROGRESS, DONE, CANCELLED, NOT_APPLICABLE],
  [DONE]: [OPEN],
  [CANCELLED]: [OPEN],
  [NOT_APPLICABLE]: [OPEN],
};

export const isClosed = (status: TaskStatus): boolean => CLOSED_STATUSES.includes(status);

export const canMove = (from: TaskStatus, to: TaskStatus): boolean => TRANSITIONS[from].includes(to);

/** BLOCKED and NOT_APPLICABLE say why; so does reopening closed work. */
export const needsReason = (from: TaskStatus, to: TaskStatus): boolean =>
  to === BLOCKED || to === NOT_APPLICABLE || isClosed(from);

export type TaskStatusProblem = RuleProblem<"INVALID_STATE" | "REQUIRED">;

/** What stands in the way of moving a task from one status to another; empty when it may move. */
export function taskStatusProblems(from: TaskStatus, to: TaskStatus, reason: string | null | undefined): TaskStatusProblem[] {
  if (!canMove(from, to)) {
    return [{ field: ["status"], code: "INVALID_STATE", message: `A ${from} task cannot become ${to}.` }];
  }
  if (needsReason(from, to) && !reason?.trim()) {
    return [{ field: ["reason"], code: "REQUIRED", message: `Say why the task becomes ${to}.` }];
  }
  return [];
}

/** The status fields a task has after a permitted move: a reason only where the status keeps one, DONE's who and when. */
export interface StatusFields {
  status: TaskStatus;
  statusReason: string | null;
  /** True when the move records who did the work and when. */
  done: boolean;
  /** The reason as written to the history: required where needsReason says so, kept whenever given. */
  note: string | null;
}

export function statusFieldsAfter(to: TaskStatus, reason: string | null | undefined): StatusFields {
  const note = reason?.trim() || null;
  return { status: to, statusReason: to === BLOCKED || to === NOT_APPLICABLE ? note : null, done: to === DONE, note };
}

/** Open work whose due day lies before today (a Brussels calendar day). */
export const isOverdue = (status: TaskStatus, dueOn: string, today: string): boolean => !isClosed(status) && dueOn < today;
