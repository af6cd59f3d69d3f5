import type { Database } from "../../database/database";
import type { MutationRunner } from "../../shared/mutation-runner";
import { HouseholdAccess } from "../households/household-access";
import { TaskTemplateService } from "../task-templates/task-template.service";
import type { TaskPubSub } from "../tasks/task-notifications";
import { AccompanimentService } from "./accompaniment.service";
import { ResponsibilityService } from "./responsibility.service";

/** The services of the integration path: its templates, the agreements' matrices, arrivals and extensions. */
export function createIntegrationPathServices(db: Database, mutations: MutationRunner, taskPubSub: TaskPubSub) {
  const taskTemplates = new TaskTemplateService(db, mutations);
  const responsibilities = new ResponsibilityService(db, mutations);
  return {
    taskTemplates,
    responsibilities,
    accompaniments: new AccompanimentService(db, mutations, new HouseholdAccess(db), taskTemplates, responsibilities, taskPubSub),
  };
}

export type IntegrationPathServices = ReturnType<typeof createIntegrationPathServices>;
