import { type Viewer, householdScope } from "../../auth/viewer";
import { childObjectPagesLoader, perVariant } from "../../database/child-pages";
import { groupedLoader, keyedLoader, numberLoader } from "../../database/loaders";
import type { Language } from "../../graphql/language";
import { type TaskReads, readsWhole } from "./task-rows";
import type { TaskServices } from "./task-services";
import type { TaskFilter, TaskOrder } from "./task.inputs";

/**
 * The task module's loaders for one request, all within the viewer's household scope (through
 * the task's agreement): Fedasil sees every task, partners their consortia's, evaluators none.
 * Tasks are titled in the request's language.
 */
export function taskLoaders(services: TaskServices, viewer: Viewer, language: Language) {
  const scope = householdScope(viewer);
  const task = keyedLoader((keys) => services.tasks.readMany(scope, language, keys), (t) => t.key);
  const pages = perVariant((variant) => {
    const [filter, order, reads] = JSON.parse(variant) as [TaskFilter | null, TaskOrder | null, TaskReads];
    return childObjectPagesLoader((windows) => services.tasks.pagesOfHouseholds(viewer, language, filter, order, reads, windows), readsWhole(reads) ? task : null);
  });
  const counts = perVariant((variant) => {
    const filter = JSON.parse(variant) as TaskFilter | null;
    return numberLoader((keys) => services.tasks.countsOfHouseholds(viewer, filter, keys), 0);
  });

  return {
    task,
    taskEvent: keyedLoader((keys) => services.tasks.readEvents(scope, keys), (e) => e.key),
    taskComment: keyedLoader((keys) => services.tasks.readComments(scope, keys), (c) => c.key),
    handover: keyedLoader((keys) => services.handovers.readMany(scope, keys), (h) => h.key),
    taskHistory: groupedLoader((keys) => services.tasks.eventsOf(scope, keys), (e) => e.taskKey),
    taskComments: groupedLoader((keys) => services.tasks.commentsOf(scope, keys), (c) => c.taskKey),
    taskHandovers: groupedLoader((keys) => services.handovers.ofTasks(scope, keys), (h) => h.taskKey),
    /** Pages of households' tasks as `reads` asks: one statement for all windows of a batch. */
    householdTaskPages: (filter: TaskFilter | null, order: TaskOrder | null, reads: TaskReads) => pages(JSON.stringify([filter ?? null, order ?? null, reads])),
    householdTaskCount: (filter: TaskFilter | null) => counts(JSON.stringify(filter ?? null)),
  };
}
