/**
 * How a task was worked on, given its due date and today: old work is done (or did not apply),
 * recent work is under way, some is overdue or blocked; now and then it changed hands first or
 * got a comment. A household that left has its unfinished work cancelled on the day it left.
 */
import { dayBetween, daysBetween, earliest, latest } from "../../src/demo/demo-clock";
import { isClosed } from "../../src/modules/tasks/task-status";
import { TaskEventKind, TaskStatus } from "../../src/modules/tasks/task-vocabulary";
import { addDays } from "../../src/shared/calendar";
import { type Consortium, membersThrough } from "./consortia";
import type { Language } from "./places";
import type { ScaleRandom } from "./scale-random";
import type { Row } from "./table-columns";
import type { Actor, LiveTask, TaskLog } from "./task-log";
import { BLOCKED_REASONS, COMMENTS, DECLINE_REASONS, HANDOVER_MESSAGES, NOT_APPLICABLE_REASONS } from "./texts";

/** What a household's work happens in. */
export interface WorkContext {
  random: ScaleRandom;
  today: string;
  log: TaskLog;
  consortium: Consortium;
  language: Language;
  /** The household is still accompanied: its overdue work is more often still open. */
  active: boolean;
  exitedOn: string | null;
  /** The coordinator or (mostly) the staff member of an organisation. */
  actor(organisationId: string, coordinator?: boolean): Actor;
  lead: Actor;
  comment(row: Row<"task_comment">): void;
  handover(row: Row<"handover">): void;
  /** A key-moment task was done by recording its report, at that instant. */
  reported(task: LiveTask, at: string, by: Actor): void;
}

export interface Step {
  day: string;
  to: TaskStatus;
  reason?: string;
}

const { IN_PROGRESS, BLOCKED, DONE, CANCELLED, NOT_APPLICABLE } = TaskStatus;

/** The status changes of a task created on `from`, as of today. */
export function planSteps(task: LiveTask, ctx: WorkContext, from: string): Step[] {
  const { random } = ctx;
  const yesterday = addDays(ctx.today, -1);
  // A day from a to b, kept between the task's creation and yesterday.
  const between = (a: string, b: string): string => {
    const start = earliest(latest(a, from), yesterday);
    return dayBetween(random, start, latest(earliest(b, yesterday), start));
  };
  const done = (): Step[] => {
    const doneOn = between(addDays(task.dueOn, -12), addDays(task.dueOn, random.chance(0.15) ? 30 : 6));
    return random.chance(0.3) && doneOn > from ? [{ day: between(from, addDays(doneOn, -1)), to: IN_PROGRESS }, { day: doneOn, to: DONE }] : [{ day: doneOn, to: DONE }];
  };
  const started = (): Step => ({ day: between(addDays(task.dueOn, -14), yesterday), to: IN_PROGRESS });
  const blocked = (): Step => ({ day: between(addDays(task.dueOn, -10), yesterday), to: BLOCKED, reason: random.pick(BLOCKED_REASONS[ctx.language]) });
  const late = daysBetween(task.dueOn, ctx.today);
  const r = random.next();
  if (late > 21) {
    if (r < 0.035) return [{ day: between(from, addDays(task.dueOn, 5)), to: NOT_APPLICABLE, reason: random.pick(NOT_APPLICABLE_REASONS[ctx.language]) }];
    if (r < 0.035 + (ctx.active ? 0.05 : 0.003)) {
      const stuck = random.weighted([["open", 4], ["started", 4], ["blocked", 2]]);
      return stuck === "open" ? [] : [stuck === "started" ? started() : blocked()];
    }
    return done();
  }
  if (late > 0) return r < 0.55 ? done() : r < 0.8 ? [started()] : r < 0.94 ? [] : [blocked()];
  if (late >= -14) return r < 0.08 ? done() : r < 0.38 ? [started()] : r < 0.43 ? [blocked()] : [];
  return [];
}

/** Lives the steps from `from` on: hand-over, reassignment or comments first, then the status changes. */
export function live(task: LiveTask, ctx: WorkContext, from: string, planned: Step[]): void {
  let steps = [...planned].sort((a, b) => a.day.localeCompare(b.day));
  const last = steps.at(-1);
  if (ctx.exitedOn && !(last && isClosed(last.to) && last.day < ctx.exitedOn)) {
    steps = [...steps.filter((s) => s.day < ctx.exitedOn! && !isClosed(s.to)), { day: ctx.exitedOn, to: CANCELLED }];
  }
  const closing = steps.at(-1);
  const until = closing && isClosed(closing.to) ? closing.day : ctx.today;
  sideWork(task, ctx, from, steps[0]?.day ?? addDays(ctx.today, -1), until);
  for (const step of steps) {
    // The assignee's users move it; its coordinator closes what a departed household left open.
    const actor = ctx.actor(task.assignee, step.to === CANCELLED || ctx.random.chance(0.25));
    const at = ctx.log.changeStatus(task, step.to, actor, step.day, step.reason);
    if (step.to === DONE && task.keyMoment) ctx.reported(task, at, actor);
  }
}

/** Before the first status change: a hand-over (3%), a coordinator's reassignment (1.5%) or comments (5%). */
function sideWork(task: LiveTask, ctx: WorkContext, from: string, to: string, until: string): void {
  const { random } = ctx;
  if (to < from) return;
  const day = dayBetween(random, from, to);
  const targets = membersThrough(ctx.consortium, day, until).filter((m) => m.organisation.id !== task.assignee);
  const draw = random.next();
  if (targets.length > 0 && draw < 0.03) handover(task, ctx, day, to, until, random.pick(targets).organisation.id);
  else if (targets.length > 0 && draw < 0.045) {
    const target = random.pick(targets).organisation.id;
    ctx.log.log(task, ctx.lead, day, { kind: TaskEventKind.ASSIGNED, from_organisation_id: task.assignee, to_organisation_id: target });
    task.assignee = target;
    task.assigneeUser = random.chance(0.5) ? ctx.actor(target).userId : null;
  } else if (draw < 0.095) {
    for (let n = random.int(1, 2); n > 0; n--) {
      const author = ctx.actor(task.assignee);
      const at = ctx.log.log(task, author, dayBetween(random, from, to), { kind: TaskEventKind.COMMENTED });
      ctx.comment({ id: random.id(), task_id: task.id, author_user_id: author.userId, author_organisation_id: author.organisationId, body: random.pick(COMMENTS[ctx.language]), created_at: at });
    }
  }
}

/** Proposed by the assignee's staff; accepted, declined or withdrawn within days, or still waiting when recent. */
function handover(task: LiveTask, ctx: WorkContext, day: string, decideBy: string, until: string, target: string): void {
  const { random, log } = ctx;
  const proposer = ctx.actor(task.assignee);
  const from = task.assignee;
  const message = random.pick(HANDOVER_MESSAGES[ctx.language]);
  const proposedAt = log.log(task, proposer, day, { kind: TaskEventKind.HANDOVER_PROPOSED, from_organisation_id: from, to_organisation_id: target, note: message });
  const row: Row<"handover"> = {
    id: random.id(), task_id: task.id, from_organisation_id: from, to_organisation_id: target, proposed_by_user_id: proposer.userId, status: "PROPOSED", message,
    version: 1, created_at: proposedAt, updated_at: proposedAt,
  };
  // Only work that stays open may still wait for an answer: closing it would withdraw the proposal.
  const waiting = until === ctx.today && daysBetween(day, ctx.today) <= 14 && random.chance(0.5);
  if (!waiting) {
    const step = random.weighted([["ACCEPTED", 75], ["DECLINED", 20], ["WITHDRAWN", 5]] as const);
    const decider = step === "WITHDRAWN" ? proposer : ctx.actor(target, random.chance(0.3));
    const reason = step === "DECLINED" ? random.pick(DECLINE_REASONS[ctx.language]) : null;
    const kind = { ACCEPTED: TaskEventKind.HANDOVER_ACCEPTED, DECLINED: TaskEventKind.HANDOVER_DECLINED, WITHDRAWN: TaskEventKind.HANDOVER_WITHDRAWN }[step];
    const decidedOn = dayBetween(random, day, earliest(addDays(day, 5), decideBy));
    const at = log.log(task, decider, decidedOn, { kind, from_organisation_id: from, to_organisation_id: target, note: reason });
    Object.assign(row, { status: step, decline_reason: reason, decided_by_user_id: decider.userId, decided_at: at, version: 2, updated_at: at });
    if (step === "ACCEPTED") [task.assignee, task.assigneeUser] = [target, null];
  }
  ctx.handover(row);
}
