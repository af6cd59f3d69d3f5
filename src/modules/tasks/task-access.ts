import type { EntityManager } from "typeorm";
import { type Caller, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import { householdScope, inScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { forbidden, notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { Agreement } from "../agreements/agreement.entity";
import { hasMemberOn } from "../consortia/consortium-scope";
import { Consortium } from "../consortia/consortium.entity";
import { Handover } from "../handovers/handover.entity";
import { Task } from "./task.entity";

export interface TaskTarget {
  task: Task;
  consortiumKey: string;
}

/**
 * Finds the target of a task mutation as the caller may see it: a task outside the caller's
 * household scope answers NOT_FOUND exactly like one that does not exist (evaluators see none);
 * only then must the role allow work on tasks (FORBIDDEN for Fedasil).
 */
export class TaskAccess {
  constructor(private readonly db: Database) {}

  async task(caller: Caller, taskId: string): Promise<TaskTarget> {
    const key = keyOf(taskId, "Task");
    return this.visible(caller, key ? await this.db.manager.findOneBy(Task, { key }) : null);
  }

  async handover(caller: Caller, handoverId: string): Promise<TaskTarget & { handover: Handover }> {
    const key = keyOf(handoverId, "Handover");
    const handover = key ? await this.db.manager.findOneBy(Handover, { key }) : null;
    const target = await this.visible(caller, handover ? await this.db.manager.findOneBy(Task, { key: handover.taskKey }) : null);
    return { ...target, handover: handover! };
  }

  private async visible(caller: Caller, task: Task | null): Promise<TaskTarget> {
    const agreement = task ? await this.db.manager.findOneBy(Agreement, { key: task.agreementKey }) : null;
    if (!task || !agreement || !inScope(householdScope(caller.viewer), agreement.consortiumKey)) throw notFound();
    requirePermission(caller, Permission.WORK_ON_TASKS);
    return { task, consortiumKey: agreement.consortiumKey };
  }
}

/** Throws FORBIDDEN unless the caller works for the organisation (the assignee, or a hand-over's party). */
export function requireOrganisation(caller: Caller, organisationKey: string): void {
  if (caller.viewer.organisationId !== organisationKey) throw forbidden();
}

/**
 * Throws FORBIDDEN unless the caller works for the task's assignee, judged on the version the caller
 * acted on only: on any other the mutation answers CONFLICT (its version check), so a caller who lost
 * a race to a reassignment learns that the task changed, not that their role forbids the change.
 */
export function requireAssignee(caller: Caller, task: Task, expectedVersion: number): void {
  if (task.version === expectedVersion) requireOrganisation(caller, task.assigneeOrganisationKey);
}

/** The task, read in the mutation's transaction and locked until it commits: the task first, then its hand-overs. */
export async function lockTask(manager: EntityManager, key: string): Promise<Task> {
  const task = await manager.createQueryBuilder(Task, "task").where("task.id = :key", { key }).setLock("pessimistic_write").getOne();
  return task ?? Promise.reject(notFound());
}

/** Whether the organisation is a member of the consortium on that day (joined, not yet left). */
export async function isCurrentMember(manager: EntityManager, consortiumKey: string, organisationKey: string, today: string): Promise<boolean> {
  return manager
    .createQueryBuilder(Consortium, "consortium")
    .where("consortium.id = :consortiumKey", { consortiumKey })
    .andWhere(hasMemberOn("consortium.id"), { memberOrganisation: organisationKey, memberOn: today })
    .getExists();
}
