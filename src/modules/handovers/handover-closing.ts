import type { Caller } from "../../auth/caller";
import { updateVersioned } from "../../database/versioned-update";
import type { MutationScope } from "../../shared/mutation-runner";
import { recordTaskHistory } from "../tasks/task-history";
import { HandoverStatus, TaskEventKind } from "../tasks/task-vocabulary";
import { Handover } from "./handover.entity";

/**
 * Withdraws the task's open hand-over, if any, in the caller's mutation, when the task changed
 * under it (see `withdrawnByTaskChange`): the history says why, the audit trail who.
 * The caller's transaction already holds the task's lock.
 */
export async function withdrawOpenHandover(scope: MutationScope, caller: Caller, taskKey: string, consortiumKey: string, why: string): Promise<void> {
  const open = await scope.manager.findOneBy(Handover, { taskKey, status: HandoverStatus.PROPOSED });
  if (!open) return;
  const after = await updateVersioned(scope.manager, Handover, open.key, open.version, {
    status: HandoverStatus.WITHDRAWN,
    decidedByUserKey: caller.viewer.userId,
    decidedAt: new Date(),
  });
  await recordTaskHistory(scope.manager, caller, [
    { taskKey, kind: TaskEventKind.HANDOVER_WITHDRAWN, fromOrganisationKey: open.fromOrganisationKey, toOrganisationKey: open.toOrganisationKey, note: why },
  ]);
  await scope.audit({ subjectType: "Handover", subjectKey: open.key, consortiumKey, before: open, after });
}
