import type { Caller } from "../../auth/caller";
import { updateVersioned } from "../../database/versioned-update";
import { asUserErrors, rejectIf } from "../../graphql/user-error";
import { type MutationScope, conflict } from "../../shared/mutation-runner";
import { withdrawOpenHandover } from "../handovers/handover-closing";
import { withdrawnByTaskChange } from "../handovers/handover-status";
import { recordTaskHistory } from "./task-history";
import { type TaskPubSub, publishTaskNotification } from "./task-notifications";
import { TaskEventKind, type TaskStatus } from "./task-vocabulary";
import { isClosed, statusFieldsAfter, taskStatusProblems } from "./task-status";
import { Task } from "./task.entity";

export interface TaskStatusChange {
  to: TaskStatus;
  reason?: string | null;
  expectedVersion: number;
}

/**
 * Moves a task along its state machine in the caller's mutation: DONE records who and when,
 * the history and audit trail get an entry, live subscribers hear of it after commit.
 * A stale expectedVersion answers CONFLICT before the state machine is asked; closing the task
 * withdraws its open hand-over. Whether the caller may change this task is the calling service's check.
 */
export async function changeTaskStatus(
  scope: MutationScope,
  caller: Caller,
  pubSub: TaskPubSub,
  task: Task,
  consortiumKey: string,
  change: TaskStatusChange,
): Promise<Task> {
  if (task.version !== change.expectedVersion) throw conflict();
  rejectIf(asUserErrors(taskStatusProblems(task.status, change.to, change.reason)));
  const fields = statusFieldsAfter(change.to, change.reason);
  const after = await updateVersioned(scope.manager, Task, task.key, change.expectedVersion, {
    status: fields.status,
    statusReason: fields.statusReason,
    doneAt: fields.done ? new Date() : null,
    doneByUserKey: fields.done ? caller.viewer.userId : null,
  });
  await recordTaskHistory(scope.manager, caller, [
    { taskKey: task.key, kind: TaskEventKind.STATUS_CHANGED, fromStatus: task.status, toStatus: change.to, note: fields.note },
  ]);
  if (withdrawnByTaskChange({ assigneeChanged: false, closed: isClosed(change.to) })) {
    await withdrawOpenHandover(scope, caller, task.key, consortiumKey, `The task became ${change.to}.`);
  }
  scope.audit({ subjectType: "Task", subjectKey: task.key, consortiumKey, before: task, after });
  scope.afterCommit(() =>
    publishTaskNotification(pubSub, { topic: "TASK_CHANGED", taskKey: task.key, householdKey: task.householdKey, consortiumKey }),
  );
  return after;
}
