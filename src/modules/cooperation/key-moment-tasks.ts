import type { EntityManager } from "typeorm";
import type { Caller } from "../../auth/caller";
import type { MutationScope } from "../../shared/mutation-runner";
import { changeTaskStatus } from "../tasks/task-status-change";
import type { TaskPubSub } from "../tasks/task-notifications";
import { isClosed } from "../tasks/task-status";
import { TaskEventKind, TaskStatus, type KeyMoment } from "../tasks/task-vocabulary";
import { Task } from "../tasks/task.entity";

const FROM_KEY_MOMENT_TEMPLATE = "task.template_id IN (SELECT template.id FROM task_template template WHERE template.key_moment = :keyMoment)";

/**
 * A key-moment report completes each household's open task for that moment, in the report's own
 * transaction. Closed tasks stay as they are; a household without such a task (not arrived yet)
 * simply has none to complete. The tasks are read locked, so their versions hold until commit.
 */
export async function completeKeyMomentTasks(
  scope: MutationScope,
  caller: Caller,
  pubSub: TaskPubSub,
  report: { consortiumKey: string; householdKeys: readonly string[]; keyMoment: KeyMoment },
): Promise<Task[]> {
  const tasks = await scope.manager
    .createQueryBuilder(Task, "task")
    .where("task.household_id IN (:...households)", { households: [...report.householdKeys] })
    .andWhere(FROM_KEY_MOMENT_TEMPLATE, { keyMoment: report.keyMoment })
    .orderBy("task.due_on", "ASC")
    .addOrderBy("task.id", "ASC")
    .setLock("pessimistic_write")
    .getMany();
  const completed: Task[] = [];
  for (const task of tasks.filter((t) => !isClosed(t.status))) {
    completed.push(await changeTaskStatus(scope, caller, pubSub, task, report.consortiumKey, { to: TaskStatus.DONE, expectedVersion: task.version }));
  }
  return completed;
}

/**
 * The tasks a recorded report completed, for a retried request: their DONE history entries were
 * written by the report's author in the report's transaction, so they carry its timestamp.
 */
export function tasksCompletedBy(manager: EntityManager, eventKey: string): Promise<Task[]> {
  return manager
    .createQueryBuilder(Task, "task")
    .innerJoin("cooperation_event", "event", "event.id = :eventKey", { eventKey })
    .where("task.household_id IN (SELECT link.household_id FROM cooperation_event_household link WHERE link.cooperation_event_id = event.id)")
    .andWhere("task.template_id IN (SELECT template.id FROM task_template template WHERE template.key_moment = event.key_moment)")
    .andWhere(
      `EXISTS (SELECT 1 FROM task_event history
                WHERE history.task_id = task.id AND history.kind = :statusChanged AND history.to_status = :done
                  AND history.actor_user_id = event.recorded_by_user_id AND history.occurred_at = event.created_at)`,
      { statusChanged: TaskEventKind.STATUS_CHANGED, done: TaskStatus.DONE },
    )
    .orderBy("task.due_on", "ASC")
    .addOrderBy("task.id", "ASC")
    .getMany();
}
