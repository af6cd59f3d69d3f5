import type { GraphQLSchema } from "graphql";
import { keyOf } from "../../src/graphql/global-id";
import { type TaskNotification, publishTaskNotification } from "../../src/modules/tasks/task-notifications";
import { subscribe } from "../realtime/live-client";
import type { TestApp } from "../support/test-app";
import { VIEWERS, isPartnerRole } from "./access-table";
import { type CaseContext, gid, placeOf } from "./matrix-fixtures";
import { type Case, missingId, operationText } from "./matrix-runner";

/**
 * Subscriptions are run over graphql-ws, as clients do. A subscription answers nothing until an
 * event comes, so each case publishes (every 50 ms, as the services do after a commit) an event
 * the viewer would hear of if allowed — its probe — until the viewer hears of something or the
 * server refuses. For a household's tasks a second event, the marker, follows each probe: it names
 * the household asked for but a task of Gent (so it reaches every Gent partner and Fedasil).
 * Events reach one subscriber in order, so a marker heard before any probe proves the probes
 * were dropped — the answer for a household that does not exist.
 */
export interface LiveAttempt {
  /** The household the case names (its global ID), given as `householdId`. */
  object?: string;
  /** The global ID of what the probe delivers, and the probe. */
  probeId: string;
  probe: TaskNotification;
  /** Given the key of the household asked for: the marker's ID and event. */
  marker?(householdKey: string): { id: string; event: TaskNotification };
}

export const SUBSCRIPTION_CASES: Record<string, (c: CaseContext) => Promise<LiveAttempt>> = {
  taskAssigned: async (c) => {
    const task = await c.fixtures.task(c.place);
    return { probeId: gid("Task", task), probe: { topic: "TASK_ASSIGNED", taskKey: task, assigneeOrganisationKey: viewerOrganisation(c), consortiumKey: c.place.consortium } };
  },
  handoverProposed: async (c) => {
    const handover = await c.fixtures.handover(c.place, c.place.peer, c.place.actor, c.place.peerUser);
    return { probeId: gid("Handover", handover), probe: { topic: "HANDOVER_PROPOSED", handoverKey: handover, toOrganisationKey: viewerOrganisation(c), consortiumKey: c.place.consortium } };
  },
  taskChanged: async (c) => {
    const task = await c.fixtures.task(c.place, c.place.household);
    const gent = placeOf(c.world, c.role, "own");
    const markerTask = await c.fixtures.task(gent);
    const object = gid("Household", c.place.household);
    return {
      object,
      probeId: gid("Task", task),
      probe: { topic: "TASK_CHANGED", taskKey: task, householdKey: c.place.household, consortiumKey: c.place.consortium },
      marker: (householdKey) => ({ id: gid("Task", markerTask), event: { topic: "TASK_CHANGED", taskKey: markerTask, householdKey, consortiumKey: gent.consortium } }),
    };
  },
};

/**
 * The viewer's organisation: a partner's own; Fedasil's, for Fedasil (no task is ever assigned
 * to Fedasil, so its probe names Fedasil to prove the subscription delivers).
 */
function viewerOrganisation({ world, role, place }: CaseContext): string {
  if (role === "FEDASIL_STAFF" || role === "FEDASIL_ADMIN") return world.organisations.fedasil;
  return role === "EVALUATOR" ? world.organisations.evaluators : place.actor;
}

/** What the subscription heard first: "probe", "marker", an error code, the socket's close, or "nothing". */
async function firstHeard(t: TestApp, query: string, subject: string | null, attempt: LiveAttempt, householdId = attempt.object): Promise<string> {
  const live = await subscribe(t, subject, query, { variables: householdId ? { householdId } : {} });
  const marker = householdId ? attempt.marker?.(keyOf(householdId, "Household")!) : undefined;
  let closed: unknown;
  void live.ended.then((reason) => (closed = reason ?? "completed"));
  // Other cases run at the same time: their events are not this case's answer.
  const idOf = (result: (typeof live.results)[number]) => (Object.values(result.data ?? {})[0] as { id?: string } | undefined)?.id;
  const ours = () => live.results.find((result) => result.errors || idOf(result) === attempt.probeId || (marker && idOf(result) === marker.id));
  const deadline = Date.now() + 15_000;
  try {
    while (!ours() && closed === undefined && Date.now() < deadline) {
      publishTaskNotification(t.app.services.taskPubSub, attempt.probe);
      if (marker) publishTaskNotification(t.app.services.taskPubSub, marker.event);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await live.close();
  }
  const first = ours();
  if (first?.errors) return String((first.errors[0] as { extensions?: { code?: string } }).extensions?.code);
  if (first) return idOf(first) === attempt.probeId ? "probe" : "marker";
  // graphql-ws closes the socket with 4403 when an operation comes without a valid token.
  const code = (closed as { code?: number } | undefined)?.code;
  return code === 4403 ? "UNAUTHENTICATED" : code ? `closed ${code}` : "nothing";
}

/** The case's outcome in the table's words (see outcomeOf for queries and mutations). */
export async function subscriptionOutcome(t: TestApp, schema: GraphQLSchema, c: Case, context: CaseContext): Promise<string> {
  const attempt = await SUBSCRIPTION_CASES[c.field](context);
  const query = operationText(schema, "subscription", c.field, attempt.object ? { householdId: attempt.object } : {});
  const subject = VIEWERS[c.role];
  const heard = await firstHeard(t, query, subject, attempt);
  if (heard === "probe") return "allowed";
  if (!attempt.object) return heard;
  const missing = await firstHeard(t, query, subject, attempt, missingId(attempt.object));
  if ((heard === "UNAUTHENTICATED" || heard === "FORBIDDEN") && !(isPartnerRole(c.role) && c.side === "other")) return heard;
  if (heard !== missing) return `${heard} (unlike a missing household: ${missing})`;
  return heard === "marker" ? "NOT_FOUND" : heard;
}
