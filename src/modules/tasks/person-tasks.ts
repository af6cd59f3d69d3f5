import type { Caller } from "../../auth/caller";
import type { MutationScope } from "../../shared/mutation-runner";
import { changeTaskStatus } from "./task-status-change";
import type { TaskPubSub } from "./task-notifications";
import { isClosed } from "./task-status";
import { TaskStatus } from "./task-vocabulary";
import { Task } from "./task.entity";

/**
 * A person removed from a household takes no work along: their open tasks (a child's school
 * enrolment) are cancelled with the reason in the history. The tasks keep the removed person's
 * key (task.person_id has no foreign key for this reason), so registerArrival's once-per-child
 * rule still holds. Runs in the removal's own transaction.
 */
export async function cancelTasksOfPerson(
  scope: MutationScope,
  caller: Caller,
  pubSub: TaskPubSub,
  person: { key: string; givenName: string },
  consortiumKey: string,
): Promise<void> {
  const tasks = await scope.manager.createQueryBuilder(Task, "task").where("task.person_id = :person", { person: person.key }).setLock("pessimistic_write").getMany();
  for (const task of tasks.filter((t) => !isClosed(t.status))) {
    const reason = `${person.givenName} was removed from the household.`;
    await changeTaskStatus(scope, caller, pubSub, task, consortiumKey, { to: TaskStatus.CANCELLED, reason, expectedVersion: task.version });
  }
}
