import { HandoverStep, handoverStepProblems, proposalProblems, statusAfter } from "../modules/handovers/handover-status";
import { isClosed, statusFieldsAfter, taskStatusProblems } from "../modules/tasks/task-status";
import { HandoverStatus, TaskEventKind, type TaskCategory, TaskStatus } from "../modules/tasks/task-vocabulary";
import type { RuleProblem } from "../shared/rule-problem";
import { officeHour } from "./demo-clock";
import type { Row } from "./demo-plan";
import type { Actor, DemoWorld } from "./demo-world";
import type { SeededRandom } from "./random";

/** A task of the demo as it is being lived: its current state and its history so far. */
export interface DemoTask {
  id: string;
  agreementId: string;
  /** The consortium's code (GENT, LIEGE, BXL). */
  consortium: string;
  household: { id: string; reference: string; size: number };
  templateId: string;
  templateCode: string;
  keyMoment: string | null;
  personId: string | null;
  category: TaskCategory;
  dueOn: string;
  status: TaskStatus;
  statusReason: string | null;
  assignee: string;
  doneAt: string | null;
  doneBy: string | null;
  /** Taken by a story: the everyday work leaves it alone. */
  claimed: boolean;
  history: Row[];
}

export type NewTask = Pick<DemoTask, "agreementId" | "consortium" | "household" | "templateId" | "templateCode" | "keyMoment" | "personId" | "category" | "dueOn" | "assignee">;

/** Every column of task_event but the generated position: all rows of one insert have the same columns. */
const EMPTY_ENTRY = {
  from_status: null, to_status: null, from_organisation_id: null, to_organisation_id: null, from_due_on: null, to_due_on: null, note: null,
};

/** The one entry kinds that leave the task's version as it was (see createPathTasks and comment). */
const KEEPS_VERSION: readonly string[] = [TaskEventKind.CREATED, TaskEventKind.COMMENTED];

/**
 * The daily work of the demo consortia, written the way the services write it: each change of a
 * task obeys the task and hand-over state machines and adds its history entry, after the last one.
 */
export class DemoWork {
  readonly tasks: DemoTask[] = [];
  readonly comments: Row[] = [];
  readonly handovers: Row[] = [];
  readonly events: Row[] = [];
  readonly eventHouseholds: Row[] = [];

  constructor(readonly random: SeededRandom, readonly world: DemoWorld, readonly today: string) {}

  /** A task as registerArrival creates it, with its CREATED entry. */
  createTask(fields: NewTask, actor: Actor, day: string): DemoTask {
    const task: DemoTask = { ...fields, id: this.random.uuid(), status: TaskStatus.OPEN, statusReason: null, doneAt: null, doneBy: null, claimed: false, history: [] };
    this.log(task, actor, day, { kind: TaskEventKind.CREATED, to_status: TaskStatus.OPEN, to_organisation_id: task.assignee, to_due_on: task.dueOn });
    this.tasks.push(task);
    return task;
  }

  /** `when` is a day (an office hour after the last entry is chosen) or the exact instant. */
  changeStatus(task: DemoTask, to: TaskStatus, actor: Actor, when: string, reason?: string): string {
    assertNone(taskStatusProblems(task.status, to, reason));
    const fields = statusFieldsAfter(to, reason);
    const at = this.log(task, actor, when, { kind: TaskEventKind.STATUS_CHANGED, from_status: task.status, to_status: to, note: fields.note });
    Object.assign(task, { status: to, statusReason: fields.statusReason, doneAt: fields.done ? at : null, doneBy: fields.done ? actor.userId : null });
    return at;
  }

  moveDue(task: DemoTask, toDueOn: string, actor: Actor, day: string): void {
    this.log(task, actor, day, { kind: TaskEventKind.DUE_DATE_CHANGED, from_due_on: task.dueOn, to_due_on: toDueOn });
    task.dueOn = toDueOn;
  }

  comment(task: DemoTask, actor: Actor, day: string, body: string): void {
    const at = this.log(task, actor, day, { kind: TaskEventKind.COMMENTED });
    this.comments.push({ id: this.random.uuid(), task_id: task.id, author_user_id: actor.userId, author_organisation_id: actor.organisationId, body, created_at: at });
  }

  /** The assignee proposes to pass the task to another member, which must be a current one. */
  propose(task: DemoTask, to: string, actor: Actor, day: string, message: string): Row {
    const toIsCurrentMember = this.world.currentMembers(task.agreementId, day).some((m) => m.organisationKey === to);
    const openProposalExists = this.handovers.some((h) => h.task_id === task.id && h.status === HandoverStatus.PROPOSED);
    assertNone(proposalProblems({ taskClosed: isClosed(task.status), fromOrganisation: task.assignee, toOrganisation: to, toIsCurrentMember, openProposalExists }));
    const at = this.log(task, actor, day, { kind: TaskEventKind.HANDOVER_PROPOSED, from_organisation_id: task.assignee, to_organisation_id: to, note: message });
    const handover: Row = {
      id: this.random.uuid(), task_id: task.id, from_organisation_id: task.assignee, to_organisation_id: to, proposed_by_user_id: actor.userId,
      status: HandoverStatus.PROPOSED, message, decline_reason: null, decided_by_user_id: null, decided_at: null, version: 1, created_at: at, updated_at: at,
    };
    this.handovers.push(handover);
    return handover;
  }

  /** The receiving member accepts: the task is its organisation's from now on. */
  accept(handover: Row, task: DemoTask, actor: Actor, day: string): void {
    assertNone(handoverStepProblems(handover.status as HandoverStatus, HandoverStep.ACCEPT));
    const entry = { kind: TaskEventKind.HANDOVER_ACCEPTED, from_organisation_id: handover.from_organisation_id, to_organisation_id: handover.to_organisation_id };
    const at = this.log(task, actor, day, entry);
    Object.assign(handover, { status: statusAfter(HandoverStatus.PROPOSED, HandoverStep.ACCEPT), decided_by_user_id: actor.userId, decided_at: at, version: (handover.version as number) + 1, updated_at: at });
    task.assignee = handover.to_organisation_id as string;
  }

  /** The first unclaimed task `matches` finds, in `order`; claimed from now on. */
  claim(what: string, matches: (task: DemoTask) => boolean, order: (a: DemoTask, b: DemoTask) => number = () => 0): DemoTask {
    const task = this.tasks.filter((t) => !t.claimed && matches(t)).sort(order)[0];
    if (!task) throw new Error(`The demo programme has no task for ${what}.`);
    task.claimed = true;
    return task;
  }

  /** One of the unclaimed tasks `matches` finds, drawn at random; claimed from now on. */
  claimAny(what: string, matches: (task: DemoTask) => boolean): DemoTask {
    const pool = this.tasks.filter((t) => !t.claimed && matches(t));
    const drawn = pool.length > 0 ? this.random.pick(pool) : undefined;
    return this.claim(what, (t) => t === drawn);
  }

  /** Adds an entry to the task's history; returns its instant, which lies before today. */
  private log(task: DemoTask, actor: Actor, when: string, entry: Row): string {
    const last = task.history.at(-1)?.occurred_at as string | undefined;
    const at = when.length > 10 ? when : officeHour(this.random, when, last);
    if (at.slice(0, 10) >= this.today || (last !== undefined && at <= last)) throw new Error(`A demo ${entry.kind} of ${task.templateCode} at ${at} is out of order.`);
    task.history.push({ ...EMPTY_ENTRY, ...entry, id: this.random.uuid(), task_id: task.id, occurred_at: at, actor_user_id: actor.userId, actor_organisation_id: actor.organisationId });
    return at;
  }

  /** The task's row: its version counts the changes its history records (a comment changes nothing of the task). */
  taskRow(task: DemoTask): Row {
    const changes = task.history.filter((entry) => !KEEPS_VERSION.includes(entry.kind as string));
    return {
      id: task.id, agreement_id: task.agreementId, household_id: task.household.id, template_id: task.templateId, person_id: task.personId,
      category: task.category, due_on: task.dueOn, status: task.status, status_reason: task.statusReason, assignee_organisation_id: task.assignee,
      done_at: task.doneAt, done_by_user_id: task.doneBy, version: 1 + changes.length,
      created_at: task.history[0].occurred_at, updated_at: (changes.at(-1) ?? task.history[0]).occurred_at,
    };
  }
}

function assertNone(problems: ReadonlyArray<RuleProblem<string>>): void {
  if (problems.length > 0) throw new Error(`The demo programme breaks a rule: ${problems[0].message}`);
}
