import type { EntityManager } from "typeorm";
import type { Caller } from "../../auth/caller";
import { TaskEvent } from "./task-event.entity";

export type TaskHistoryEntry = Pick<TaskEvent, "taskKey" | "kind"> &
  Partial<Pick<TaskEvent, "fromStatus" | "toStatus" | "fromOrganisationKey" | "toOrganisationKey" | "fromDueOn" | "toDueOn" | "note">>;

/** Adds entries to tasks' history in the change's own transaction; `caller` null for the system. */
export async function recordTaskHistory(manager: EntityManager, caller: Caller | null, entries: TaskHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = { actorUserKey: caller?.viewer.userId ?? null, actorOrganisationKey: caller?.viewer.organisationId ?? null };
  await manager.insert(
    TaskEvent,
    entries.map((entry) => ({ ...actor, ...entry })),
  );
}
