import { type EntityManager, In } from "typeorm";
import type { Caller } from "../../auth/caller";
import { insertRows } from "../../database/sql";
import type { MutationScope } from "../../shared/mutation-runner";
import { TaskTemplate } from "../task-templates/task-template.entity";
import { recordTaskHistory } from "../tasks/task-history";
import { type TaskPubSub, publishTaskNotification } from "../tasks/task-notifications";
import { DueAnchor, TaskEventKind } from "../tasks/task-vocabulary";
import { Task } from "../tasks/task.entity";
import { type AccompanimentPeriod, type PlannedTask, replanFromEnd } from "./integration-path-plan";

/** Where a household's path tasks belong: for the rows, the audit trail and the live notifications. */
export interface PathOwner {
  agreementKey: string;
  consortiumKey: string;
  householdKey: string;
}

/**
 * Writes a planned path in one multi-row insert and its CREATED history entries in another, with
 * an audit event per task; each assignee hears of its tasks once the transaction has committed.
 */
export async function createPathTasks(scope: MutationScope, caller: Caller, pubSub: TaskPubSub, owner: PathOwner, planned: readonly PlannedTask[]): Promise<Task[]> {
  if (planned.length === 0) return [];
  const { manager } = scope;
  const tasks = planned.map((task) => manager.create(Task, { ...NO_PROGRESS, ...task, agreementKey: owner.agreementKey, householdKey: owner.householdKey }));
  // The insert returns the columns the database fills (key, status, version, timestamps) into the entities.
  await insertRows(manager, Task, tasks);
  await recordTaskHistory(
    manager,
    caller,
    tasks.map((task) => ({ taskKey: task.key, kind: TaskEventKind.CREATED, toStatus: task.status, toOrganisationKey: task.assigneeOrganisationKey, toDueOn: task.dueOn })),
  );
  for (const task of tasks) scope.audit({ subjectType: "Task", subjectKey: task.key, consortiumKey: owner.consortiumKey, before: null, after: task });
  scope.afterCommit(() => {
    for (const task of tasks) {
      publishTaskNotification(pubSub, { topic: "TASK_ASSIGNED", taskKey: task.key, assigneeOrganisationKey: task.assigneeOrganisationKey, consortiumKey: owner.consortiumKey });
    }
  });
  return tasks;
}

/** What a new path task has not got yet: the columns a re-read would give as null. */
const NO_PROGRESS = { customTitle: null, statusReason: null, assigneeUserKey: null, doneAt: null, doneByUserKey: null } as const;

/**
 * After the end of the accompaniment moved: the household's open tasks counted from the end get
 * their new due dates (history, audit, TASK_CHANGED after commit); closed ones keep theirs.
 */
export async function replanEndAnchoredTasks(scope: MutationScope, caller: Caller, pubSub: TaskPubSub, owner: PathOwner, period: AccompanimentPeriod): Promise<Task[]> {
  const { manager } = scope;
  const anchored = await endAnchoredTasks(manager, owner.householdKey);
  const changes = replanFromEnd(anchored, period);
  if (changes.length === 0) return [];
  await manager.query(
    `UPDATE task SET due_on = change.due_on, version = task.version + 1, updated_at = now()
       FROM unnest(CAST($1 AS uuid[]), CAST($2 AS date[])) AS change(id, due_on)
      WHERE task.id = change.id`,
    [changes.map((c) => c.key), changes.map((c) => c.toDueOn)],
  );
  const after = await manager.findBy(Task, { key: In(changes.map((c) => c.key)) });
  await recordTaskHistory(manager, caller, changes.map((c) => ({ taskKey: c.key, kind: TaskEventKind.DUE_DATE_CHANGED, fromDueOn: c.fromDueOn, toDueOn: c.toDueOn })));
  for (const task of after) {
    const before = anchored.find((a) => a.key === task.key)!.task;
    scope.audit({ subjectType: "Task", subjectKey: task.key, consortiumKey: owner.consortiumKey, before, after: task });
  }
  scope.afterCommit(() => {
    for (const task of after) {
      publishTaskNotification(pubSub, { topic: "TASK_CHANGED", taskKey: task.key, householdKey: owner.householdKey, consortiumKey: owner.consortiumKey });
    }
  });
  return after;
}

/** The household's tasks made from templates anchored at the end, each locked until commit with its template's due rule. */
async function endAnchoredTasks(manager: EntityManager, householdKey: string) {
  const tasks = await manager
    .createQueryBuilder(Task, "task")
    .innerJoin(TaskTemplate, "template", "template.id = task.template_id")
    .where("task.household_id = :householdKey AND template.due_anchor = :end", { householdKey, end: DueAnchor.ACCOMPANIMENT_END })
    .setLock("pessimistic_write", undefined, ["task"])
    .getMany();
  const templates = tasks.length > 0 ? await manager.findBy(TaskTemplate, { key: In(tasks.map((t) => t.templateKey!)) }) : [];
  return tasks.map((task) => ({ key: task.key, status: task.status, dueOn: task.dueOn, template: templates.find((t) => t.key === task.templateKey)!, task }));
}
