import { TaskStatus } from "../modules/tasks/task-vocabulary";
import { addDays } from "../shared/calendar";
import { dayBetween, daysBetween, earliest, latest } from "./demo-clock";
import type { DemoTask, DemoWork } from "./demo-work";

/** Work due this many days before today or earlier has been dealt with, unless a story says otherwise. */
export const SETTLED_AFTER_DAYS = 21;

/** Work due within this many days may have been started already. */
const STARTED_AHEAD_DAYS = 14;

export const isSettled = (work: DemoWork, task: DemoTask): boolean => daysBetween(task.dueOn, work.today) > SETTLED_AFTER_DAYS;

/** The day the task was created: its household's arrival was registered then. */
export const createdOn = (task: DemoTask): string => (task.history[0].occurred_at as string).slice(0, 10);

/** The day of the task's latest history entry: what happens next happens then or later. */
export const lastDay = (task: DemoTask): string => (task.history.at(-1)!.occurred_at as string).slice(0, 10);

/**
 * The everyday work on the tasks no story took: settled work is DONE, work due in the last weeks
 * is DONE or IN_PROGRESS, work due soon has sometimes been started. The assignee's users do it.
 */
export function liveEveryday(work: DemoWork): void {
  for (const task of work.tasks.filter((t) => !t.claimed)) {
    const daysLate = daysBetween(task.dueOn, work.today);
    if (daysLate > SETTLED_AFTER_DAYS || (daysLate > 0 && work.random.chance(0.6))) finish(work, task);
    else if (daysLate > 0 || (daysLate >= -STARTED_AHEAD_DAYS && work.random.chance(0.4))) start(work, task);
  }
}

/** Done around its due day, a third of the time after a spell IN_PROGRESS. */
function finish(work: DemoWork, task: DemoTask): void {
  const from = latest(addDays(lastDay(task), 1), addDays(task.dueOn, -12));
  const doneOn = dayBetween(work.random, from, earliest(addDays(task.dueOn, 6), addDays(work.today, -1)));
  const doer = someoneOf(work, task.assignee);
  if (from < doneOn && work.random.chance(0.3)) work.changeStatus(task, TaskStatus.IN_PROGRESS, doer, dayBetween(work.random, from, addDays(doneOn, -1)));
  work.changeStatus(task, TaskStatus.DONE, doer, doneOn);
}

/** Started in the two weeks before its due day, and not later than yesterday. */
function start(work: DemoWork, task: DemoTask): void {
  const from = latest(addDays(lastDay(task), 1), addDays(task.dueOn, -STARTED_AHEAD_DAYS));
  work.changeStatus(task, TaskStatus.IN_PROGRESS, someoneOf(work, task.assignee), dayBetween(work.random, from, addDays(work.today, -1)));
}

/** Mostly the staff member, now and then the coordinator. */
const someoneOf = (work: DemoWork, organisationId: string) =>
  work.world.actor(organisationId, work.random.chance(0.75) ? "PARTNER_STAFF" : "PARTNER_COORDINATOR");
