/** A task of the scale programme as it is lived, and its history written the way the services write it. */
import { officeHour } from "../../src/demo/demo-clock";
import { statusFieldsAfter, taskStatusProblems } from "../../src/modules/tasks/task-status";
import { TaskEventKind, type TaskCategory, TaskStatus } from "../../src/modules/tasks/task-vocabulary";
import type { ScaleRandom } from "./scale-random";
import type { Row } from "./table-columns";

/** Someone doing something: a user and the organisation they act for. */
export interface Actor {
  userId: string;
  organisationId: string;
}

export interface LiveTask {
  id: string;
  agreementId: string;
  householdId: string | null;
  templateId: string | null;
  keyMoment: string | null;
  personId: string | null;
  category: TaskCategory;
  title: string | null;
  dueOn: string;
  status: TaskStatus;
  statusReason: string | null;
  assignee: string;
  assigneeUser: string | null;
  doneAt: string | null;
  doneBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: Array<Row<"task_event">>;
}

export type NewTask = Pick<LiveTask, "agreementId" | "householdId" | "templateId" | "keyMoment" | "personId" | "category" | "title" | "dueOn" | "assignee">;

/** Entry kinds that leave the task's version as it was (createPathTasks and commentOnTask). */
const KEEPS_VERSION: readonly string[] = [TaskEventKind.CREATED, TaskEventKind.COMMENTED];

export class TaskLog {
  constructor(private readonly random: ScaleRandom, private readonly today: string) {}

  /** A task with its CREATED entry, at the instant its creator's transaction ran. */
  create(fields: NewTask, actor: Actor, at: string): LiveTask {
    const task: LiveTask = {
      ...fields, id: this.random.id(), status: TaskStatus.OPEN, statusReason: null, assigneeUser: null, doneAt: null, doneBy: null, version: 1, createdAt: at, updatedAt: at, history: [],
    };
    this.log(task, actor, at, { kind: TaskEventKind.CREATED, to_status: TaskStatus.OPEN, to_organisation_id: task.assignee, to_due_on: task.dueOn });
    return task;
  }

  /** A permitted status change (the state machine is asked), with DONE's who and when. */
  changeStatus(task: LiveTask, to: TaskStatus, actor: Actor, when: string, reason?: string): string {
    const problems = taskStatusProblems(task.status, to, reason);
    if (problems.length > 0) throw new Error(`The scale programme breaks a rule: ${problems[0].message}`);
    const fields = statusFieldsAfter(to, reason);
    const at = this.log(task, actor, when, { kind: TaskEventKind.STATUS_CHANGED, from_status: task.status, to_status: to, note: fields.note });
    Object.assign(task, { status: to, statusReason: fields.statusReason, doneAt: fields.done ? at : null, doneBy: fields.done ? actor.userId : null });
    return at;
  }

  /**
   * Adds an entry after the task's last one; `when` is a day (an office hour on it, or a few
   * minutes after the last entry) or an exact instant. Returns the entry's instant.
   */
  log(task: LiveTask, actor: Actor, when: string, entry: Row<"task_event">): string {
    const last = task.history.at(-1)?.occurred_at as string | undefined;
    const at = when.length > 10 ? when : officeHour(this.random, when, last);
    if (at.slice(0, 10) >= this.today || (last !== undefined && at < last)) throw new Error(`A ${String(entry.kind)} entry at ${at} is out of order.`);
    task.history.push({ ...entry, id: this.random.id(), task_id: task.id, occurred_at: at, actor_user_id: actor.userId, actor_organisation_id: actor.organisationId });
    if (!KEEPS_VERSION.includes(entry.kind as string)) {
      task.version += 1;
      task.updatedAt = at;
    }
    return at;
  }

  row(task: LiveTask): Row<"task"> {
    return {
      id: task.id, agreement_id: task.agreementId, household_id: task.householdId, template_id: task.templateId, person_id: task.personId, category: task.category,
      title: task.title, due_on: task.dueOn, status: task.status, status_reason: task.statusReason, assignee_organisation_id: task.assignee,
      assignee_user_id: task.assigneeUser, done_at: task.doneAt, done_by_user_id: task.doneBy, version: task.version, created_at: task.createdAt, updated_at: task.updatedAt,
    };
  }
}
