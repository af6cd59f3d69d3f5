import type { Database } from "../../src/database/database";
import { toGlobalId } from "../../src/graphql/global-id";
import { type TaskPubSub, publishTaskNotification } from "../../src/modules/tasks/task-notifications";
import type { World } from "../support/world";

export interface LiveTask {
  key: string;
  id: string;
  householdKey: string;
  assigneeKey: string;
  consortiumKey: string;
}

async function insertRow(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const [{ id }] = await db.manager.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

/**
 * Tasks straight in the database (the events are published by hand in the filter tests):
 * Gent's for its PCSW and NGO, one of a second Gent household, one from a template, Liège's.
 */
export async function seedLiveTasks(db: Database, world: World) {
  const secondGentHousehold = await insertRow(db, "household", {
    agreement_id: world.agreements.gent,
    reference: "HH-GENT-2",
    arrival_route: "VIA_RECEPTION",
    expected_arrival_on: "2026-04-01",
  });
  const [{ id: pcswTemplate }] = await db.manager.query(`SELECT id FROM task_template WHERE code = 'REGISTER_AT_PCSW'`);
  const task = async (consortium: "gent" | "liege", householdKey: string, assigneeKey: string, title: string | null, templateKey?: string) => {
    const key = await insertRow(db, "task", {
      agreement_id: world.agreements[consortium],
      household_id: householdKey,
      category: "ADMINISTRATION",
      title,
      template_id: templateKey ?? null,
      due_on: "2026-05-01",
      assignee_organisation_id: assigneeKey,
    });
    return { key, id: toGlobalId("Task", key), householdKey, assigneeKey, consortiumKey: world.consortia[consortium] };
  };
  const { organisations: o, households: h } = world;
  return {
    secondGentHousehold,
    gentPcswProbe: await task("gent", h.gent, o.gentPcsw, "Probe for the PCSW"),
    gentPcsw: await task("gent", h.gent, o.gentPcsw, "Register at the PCSW office"),
    gentPcswTemplated: await task("gent", h.gent, o.gentPcsw, null, pcswTemplate),
    gentNgo: await task("gent", h.gent, o.gentNgo, "Find a language course"),
    gentSecondHouseholdProbe: await task("gent", secondGentHousehold, o.gentNgo, "Probe for the second household"),
    gentSecondHousehold: await task("gent", secondGentHousehold, o.gentPcsw, "Open a bank account"),
    liegeNgoProbe: await task("liege", h.liege, o.liegeNgo, "Sonde"),
    liegeNgo: await task("liege", h.liege, o.liegeNgo, "Chercher un logement"),
  };
}

export type LiveTasks = Awaited<ReturnType<typeof seedLiveTasks>>;

/** A hand-over proposal row, from the task's assignee to another member. */
export async function insertHandover(db: Database, task: LiveTask, toOrganisationKey: string, proposedByUserKey: string): Promise<{ key: string; id: string }> {
  const key = await insertRow(db, "handover", {
    task_id: task.key,
    from_organisation_id: task.assigneeKey,
    to_organisation_id: toOrganisationKey,
    proposed_by_user_id: proposedByUserKey,
  });
  return { key, id: toGlobalId("Handover", key) };
}

/** Publishes as the task services do after a commit. */
export function announcer(pubSub: TaskPubSub) {
  return {
    assigned: (task: LiveTask) =>
      publishTaskNotification(pubSub, { topic: "TASK_ASSIGNED", taskKey: task.key, assigneeOrganisationKey: task.assigneeKey, consortiumKey: task.consortiumKey }),
    changed: (task: LiveTask) =>
      publishTaskNotification(pubSub, { topic: "TASK_CHANGED", taskKey: task.key, householdKey: task.householdKey, consortiumKey: task.consortiumKey }),
    proposed: (handoverKey: string, task: LiveTask, toOrganisationKey: string) =>
      publishTaskNotification(pubSub, { topic: "HANDOVER_PROPOSED", handoverKey, toOrganisationKey, consortiumKey: task.consortiumKey }),
  };
}
