import { CooperationEventKind, HandoverStatus, KeyMoment, TaskStatus } from "../modules/tasks/task-vocabulary";
import { addDays } from "../shared/calendar";
import { daysBetween, officeHour } from "./demo-clock";
import { createdOn, isSettled } from "./demo-task-life";
import type { DemoTask, DemoWork } from "./demo-work";
import type { Actor } from "./demo-world";

interface DemoEvent {
  agreementId: string;
  kind: CooperationEventKind;
  occurredOn: string;
  title: string;
  summary: string;
  decisions?: string[];
  participants?: string[];
  keyMoment?: KeyMoment;
  recorder: Actor;
  households: string[];
}

/** Records an event with its households, as recordCooperationEvent does; returns when it was recorded. */
function record(work: DemoWork, event: DemoEvent, at = officeHour(work.random, event.occurredOn)): string {
  const id = work.random.uuid();
  work.events.push({
    id, agreement_id: event.agreementId, kind: event.kind, occurred_on: event.occurredOn, title: event.title, summary: event.summary,
    decisions: event.decisions ?? [], participant_organisation_ids: event.participants ?? [], key_moment: event.keyMoment ?? null,
    recorded_by_user_id: event.recorder.userId, recorded_by_organisation_id: event.recorder.organisationId, created_at: at, updated_at: at,
  });
  for (const household of new Set(event.households)) work.eventHouseholds.push({ cooperation_event_id: id, household_id: household });
  return at;
}

/**
 * Gent: one arrival report for the two households that started closest together, ten days after
 * the later one; it completes both households' arrival-report tasks at the moment it is recorded.
 */
export function reportArrivals(work: DemoWork): void {
  const reports = work.tasks.filter((t) => t.consortium === "GENT" && t.keyMoment === KeyMoment.ARRIVAL && isSettled(work, t));
  const pairs = reports.flatMap((a, i) => reports.slice(i + 1).map((b) => [a, b].sort((x, y) => createdOn(x).localeCompare(createdOn(y)))));
  const gap = ([a, b]: DemoTask[]) => daysBetween(createdOn(a), createdOn(b));
  const pair = pairs.reduce((best, candidate) => (gap(candidate) < gap(best) ? candidate : best));
  const recorder = work.world.actor(pair[1].assignee, "PARTNER_STAFF");
  const at = record(work, {
    agreementId: pair[1].agreementId,
    kind: CooperationEventKind.KEY_MOMENT_REPORT,
    keyMoment: KeyMoment.ARRIVAL,
    occurredOn: addDays(createdOn(pair[1]), 10),
    title: "Rapport sleutelmoment: aankomst",
    summary: "Beide gezinnen zijn goed aangekomen en wonen in hun woning; de eerste afspraken bij de gemeente en het OCMW zijn gepland.",
    recorder,
    households: pair.map((t) => t.household.id),
  });
  for (const task of pair) work.changeStatus(work.claim("an arrival report", (t) => t === task), TaskStatus.DONE, recorder, at);
}

/** A consortium meeting in Gent, a family's feedback in Brussels and Fedasil's evaluation in Liège. */
export function recordCooperation(work: DemoWork): void {
  const world = work.world;
  const blocked = work.tasks.find((t) => t.status === TaskStatus.BLOCKED)!;
  const offered = work.tasks.find((t) => work.handovers.some((h) => h.task_id === t.id && h.status === HandoverStatus.PROPOSED))!;
  const accepted = work.tasks.find((t) => work.handovers.some((h) => h.task_id === t.id && h.status === HandoverStatus.ACCEPTED))!;
  const meetingOn = addDays(work.today, -12);
  record(work, {
    agreementId: world.agreementOf("GENT"),
    kind: CooperationEventKind.MEETING,
    occurredOn: meetingOn,
    title: "Maandelijks consortiumoverleg",
    summary: "Overlopen van de lopende begeleidingen, de taken die vastzitten en de gezinnen van wie de begeleiding binnenkort afloopt.",
    decisions: [
      `Stad Gent vraagt bij Burgerzaken voorrang voor de verblijfskaart van ${blocked.household.reference}.`,
      `Vluchtelingenwerk neemt de zoektocht naar een volgende woning van ${offered.household.reference} op zich.`,
      "Volgend overleg over vier weken.",
    ],
    participants: [...world.currentMembers(world.agreementOf("GENT"), meetingOn).map((m) => m.organisationKey), world.organisation("fedasil")],
    recorder: world.actor(world.organisation("stadGent"), "PARTNER_COORDINATOR"),
    households: [blocked.household.id, offered.household.id],
  });
  const longest = work.tasks.filter((t) => t.consortium === "BXL").sort((a, b) => createdOn(a).localeCompare(createdOn(b)))[0];
  record(work, {
    agreementId: world.agreementOf("BXL"),
    kind: CooperationEventKind.FEEDBACK,
    occurredOn: addDays(work.today, -20),
    title: "Retour de la famille sur l'accompagnement",
    summary: "La famille est satisfaite du logement et de l'aide pour les démarches administratives ; elle souhaite plus de soutien pour trouver un emploi.",
    recorder: world.actor(world.organisation("cire"), "PARTNER_STAFF"),
    households: [longest.household.id],
  });
  record(work, {
    agreementId: world.agreementOf("LIEGE"),
    kind: CooperationEventKind.EVALUATION,
    occurredOn: addDays(work.today, -30),
    title: "Évaluation intermédiaire de la collaboration",
    summary: "Les partenaires se concertent bien ; les reprises de tâches entre le CPAS et Caritas se font rapidement.",
    decisions: ["Le CPAS et Caritas décident au cas par cas qui accompagne les démarches de santé.", "Prochaine évaluation dans six mois."],
    participants: [world.organisation("cpasLiege"), world.organisation("caritas"), world.organisation("fedasil")],
    recorder: world.actor(world.organisation("fedasil"), "FEDASIL_STAFF"),
    households: [accepted.household.id],
  });
}
