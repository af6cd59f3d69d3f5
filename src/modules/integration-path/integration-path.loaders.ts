import DataLoader from "dataloader";
import { type Viewer, agreementScope } from "../../auth/viewer";
import { keyedLoader } from "../../database/loaders";
import type { TaskTemplateService } from "../task-templates/task-template.service";
import type { ResponsibilityAssignment } from "./responsibility-assignment";
import type { ResponsibilityService } from "./responsibility.service";

/** Templates (every signed-in user reads them) and agreements' matrices (visible with the agreement) for one request. */
export function integrationPathLoaders(services: { taskTemplates: TaskTemplateService; responsibilities: ResponsibilityService }, viewer: Viewer) {
  const scope = agreementScope(viewer);
  return {
    taskTemplate: keyedLoader((keys) => services.taskTemplates.readMany(keys), (t) => t.key),
    /** Empty for an agreement the viewer may not see. */
    agreementResponsibilities: new DataLoader<string, ResponsibilityAssignment[]>(async (keys) => {
      const matrices = await services.responsibilities.ofAgreements(scope, keys);
      return keys.map((key) => matrices.get(key) ?? []);
    }),
  };
}
