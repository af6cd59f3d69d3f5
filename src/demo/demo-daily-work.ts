import { reportArrivals, recordCooperation } from "./demo-cooperation";
import { type DemoTemplate, planPaths } from "./demo-paths";
import type { DemoRows, Row } from "./demo-plan";
import { tellStories } from "./demo-stories";
import { liveEveryday } from "./demo-task-life";
import { DemoWork } from "./demo-work";
import { DemoWorld } from "./demo-world";
import { SeededRandom } from "./random";

/** Rows of the daily work per table, in an order that satisfies the foreign keys. */
export interface WorkRows {
  task: Row[];
  task_event: Row[];
  task_comment: Row[];
  handover: Row[];
  cooperation_event: Row[];
  cooperation_event_household: Row[];
}

/** Its own seed, so the programme's rows stay the same whatever the work draws. */
const SEED = 20_240_602;

/**
 * The daily work on the demo programme as of `today`: the integration path of every arrived
 * household, worked on as the members would have (history, comments, hand-overs) and the
 * cooperation events around it. The same programme, templates and day give the same rows.
 */
export function planDemoWork(programme: DemoRows, templates: readonly DemoTemplate[], today: string): WorkRows {
  const work = new DemoWork(new SeededRandom(SEED), new DemoWorld(programme), today);
  planPaths(work, templates);
  reportArrivals(work);
  tellStories(work);
  liveEveryday(work);
  recordCooperation(work);
  return {
    task: work.tasks.map((task) => work.taskRow(task)),
    // Each task's entries in the order they happened: the generated position keeps that order.
    task_event: work.tasks.flatMap((task) => task.history),
    task_comment: work.comments,
    handover: work.handovers,
    cooperation_event: work.events,
    cooperation_event_household: work.eventHouseholds,
  };
}
