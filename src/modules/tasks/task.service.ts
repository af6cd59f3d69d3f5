import type { SelectQueryBuilder } from "typeorm";
import { type ConsortiumScope, type Viewer, householdScope } from "../../auth/viewer";
import { type ChildWindow, childPageRows } from "../../database/child-pages";
import type { Database } from "../../database/database";
import type { Language } from "../../graphql/language";
import { paginate, type ConnectionPage } from "../../graphql/connection";
import type { PageArgs } from "../../graphql/pagination";
import { todayInBrussels } from "../../shared/calendar";
import { agreementInScope } from "../households/household-scope";
import { taskConditions, taskInScope, taskOrdering } from "./task-conditions";
import { TaskComment } from "./task-comment.entity";
import { TaskEvent } from "./task-event.entity";
import { type TaskReads, WHOLE_TASKS, readTasks, taskSource } from "./task-rows";
import type { TaskFilter, TaskOrder } from "./task.inputs";
import { Task } from "./task.entity";

/** Reads tasks, their history and comments, always within the viewer's household scope. */
export class TaskService {
  constructor(private readonly db: Database) {}

  /** Whole tasks, titled in `language`. */
  readMany(scope: ConsortiumScope, language: Language, keys: readonly string[]): Promise<Task[]> {
    const inScope = agreementInScope("task.agreement_id", scope);
    const where = { sql: `task.id = ANY(:keys) AND ${inScope.sql}`, params: { ...inScope.params, keys: [...keys] } };
    return readTasks(this.db, taskSource(this.db, scope, language), where);
  }

  /** A page of the tasks the viewer may see that pass the filter, read as `reads` asks and titled in `language`. */
  list(
    viewer: Viewer,
    language: Language,
    filter: TaskFilter | null | undefined,
    order: TaskOrder | null | undefined,
    page: PageArgs,
    reads: TaskReads = WHOLE_TASKS,
  ): Promise<ConnectionPage<Task>> {
    const today = todayInBrussels();
    const conditions = taskConditions(viewer, filter, today);
    return paginate(page, {
      read: (offset, limit) => readTasks(this.db, taskSource(this.db, householdScope(viewer), language, reads), conditions, { orderBy: orderBy(order), offset, limit }),
      count: () => this.filtered(viewer, filter, today).getCount(),
    });
  }

  private filtered(viewer: Viewer, filter: TaskFilter | null | undefined, today: string): SelectQueryBuilder<Task> {
    const conditions = taskConditions(viewer, filter, today);
    return this.db.manager.createQueryBuilder(Task, "task").where(conditions.sql, conditions.params);
  }

  /** One page of tasks per household window, in list order, all read in one statement as `reads` asks and titled in `language`. */
  async pagesOfHouseholds(
    viewer: Viewer,
    language: Language,
    filter: TaskFilter | null,
    order: TaskOrder | null,
    reads: TaskReads,
    windows: readonly ChildWindow[],
  ): Promise<Task[][]> {
    const conditions = taskConditions(viewer, filter, todayInBrussels());
    const source = taskSource(this.db, householdScope(viewer), language, reads);
    const pages = await childPageRows(this.db, {
      id: "task.id",
      parent: "task.household_id",
      from: "task",
      where: `task.household_id = ANY(:windowHouseholds) AND ${conditions.sql}`,
      orderBy: orderBy(order),
      params: { ...source.params, ...conditions.params, windowHouseholds: windows.map((w) => w.parentKey) },
    }, { alias: "task", columns: source.columns, joins: source.joins }, windows);
    // Made in one go, so that what the pages share (an assignee) is made once.
    const tasks = source.hydrate(pages.flat());
    let start = 0;
    return pages.map((rows) => tasks.slice(start, (start += rows.length)));
  }

  /** How many of each household's tasks pass the filter. */
  async countsOfHouseholds(viewer: Viewer, filter: TaskFilter | null, householdKeys: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ household: string; count: number }> = await this.filtered(viewer, filter, todayInBrussels())
      .select("task.household_id", "household")
      .addSelect("count(*)::int", "count")
      .andWhere("task.household_id IN (:...countedHouseholds)", { countedHouseholds: [...householdKeys] })
      .groupBy("task.household_id")
      .getRawMany();
    return new Map(rows.map((row) => [row.household, Number(row.count)]));
  }

  readEvents(scope: ConsortiumScope, keys: readonly string[]): Promise<TaskEvent[]> {
    return this.scoped(TaskEvent, "event", scope).andWhere("event.id IN (:...keys)", { keys: [...keys] }).getMany();
  }

  /** The history of these tasks, oldest first (in the order written within one change). */
  eventsOf(scope: ConsortiumScope, taskKeys: readonly string[]): Promise<TaskEvent[]> {
    return this.scoped(TaskEvent, "event", scope)
      .andWhere("event.task_id IN (:...taskKeys)", { taskKeys: [...taskKeys] })
      .orderBy("event.occurred_at", "ASC")
      .addOrderBy("event.position", "ASC")
      .getMany();
  }

  readComments(scope: ConsortiumScope, keys: readonly string[]): Promise<TaskComment[]> {
    return this.scoped(TaskComment, "comment", scope).andWhere("comment.id IN (:...keys)", { keys: [...keys] }).getMany();
  }

  /** The comments on these tasks, oldest first. */
  commentsOf(scope: ConsortiumScope, taskKeys: readonly string[]): Promise<TaskComment[]> {
    return this.scoped(TaskComment, "comment", scope)
      .andWhere("comment.task_id IN (:...taskKeys)", { taskKeys: [...taskKeys] })
      .orderBy("comment.created_at", "ASC")
      .addOrderBy("comment.id", "ASC")
      .getMany();
  }

  private scoped<T extends TaskEvent | TaskComment>(entity: new () => T, alias: string, scope: ConsortiumScope): SelectQueryBuilder<T> {
    const inScope = taskInScope(`${alias}.task_id`, scope);
    return this.db.manager.createQueryBuilder(entity, alias).where(inScope.sql, inScope.params);
  }
}

const orderBy = (order: TaskOrder | null | undefined): string =>
  taskOrdering(order).map(([expression, direction]) => `${expression} ${direction}`).join(", ");
