/** Cooperation events: key-moment reports that complete tasks, a family's feedback, meetings every two months, Fedasil's yearly evaluation. */
import { dayBetween, earliest, officeHour } from "../../src/demo/demo-clock";
import { addDays, addMonths } from "../../src/shared/calendar";
import { membersOn } from "./consortia";
import type { Household } from "./households";
import type { Agreement } from "./programme";
import type { ScaleRandom } from "./scale-random";
import type { Row } from "./table-columns";
import type { TableWriter } from "./table-writer";
import type { Actor } from "./task-log";
import { EVALUATION, FEEDBACK, MEETING } from "./texts";

type Event = Omit<Row<"cooperation_event">, "id" | "created_at" | "updated_at" | "recorded_by_user_id" | "recorded_by_organisation_id">;

/** Writes the event, recorded by `by` at `at`, and its households. */
export function recordEvent(writer: TableWriter, random: ScaleRandom, event: Event, by: Actor, at: string, households: readonly string[]): void {
  const id = random.id();
  writer.add("cooperation_event", {
    decisions: [], participant_organisation_ids: [], ...event, id, recorded_by_user_id: by.userId, recorded_by_organisation_id: by.organisationId, created_at: at, updated_at: at,
  });
  for (const household of new Set(households)) writer.add("cooperation_event_household", { cooperation_event_id: id, household_id: household });
}

/** One household in twenty tells the consortium how the accompaniment goes, through the lead's staff. */
export function maybeFeedback(writer: TableWriter, random: ScaleRandom, household: Household, by: Actor, today: string): void {
  if (!household.startsOn || !random.chance(0.05)) return;
  const day = dayBetween(random, addDays(household.startsOn, 30), earliest(household.exitedOn ?? household.accompanimentEndsOn!, addDays(today, -1)));
  const language = household.agreement.consortium.place.language;
  recordEvent(writer, random, { agreement_id: household.agreement.id, kind: "FEEDBACK", occurred_on: day, title: FEEDBACK.title[language], summary: FEEDBACK.summary[language] }, by, officeHour(random, day), [household.id]);
}

/** A household an agreement's meetings may talk about: accompanied from…to. */
export interface Followed {
  id: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Every two months the members meet (the lead's coordinator takes the minutes, Fedasil joins now
 * and then, two accompanied households come up); once a year Fedasil's contact evaluates.
 */
export function agreementEvents(writer: TableWriter, random: ScaleRandom, agreement: Agreement, followed: readonly Followed[], fedasil: string, today: string): void {
  const language = agreement.consortium.place.language;
  const lastDay = earliest(agreement.endedOn ?? agreement.endsOn, addDays(today, -1));
  const lead = agreement.consortium.members[0].organisation;
  const coordinator: Actor = { userId: lead.users.find((u) => u.role === "PARTNER_COORDINATOR")!.id, organisationId: lead.id };
  for (let month = 1; addMonths(agreement.startsOn, month) <= lastDay; month += 2) {
    const day = addDays(addMonths(agreement.startsOn, month), random.int(0, 9));
    if (day > lastDay) break;
    const members = membersOn(agreement.consortium, day).map((m) => m.organisation.id);
    const current = followed.length > 0 ? [random.pick(followed), random.pick(followed)].filter((h) => h.startsOn <= day && day <= h.endsOn).map((h) => h.id) : [];
    const decisions = MEETING.decisions[language].filter(() => random.chance(0.5));
    recordEvent(writer, random, {
      agreement_id: agreement.id, kind: "MEETING", occurred_on: day, title: MEETING.title[language], summary: MEETING.summary[language], decisions,
      participant_organisation_ids: random.chance(0.3) ? [...members, fedasil] : members,
    }, coordinator, officeHour(random, day), current);
  }
  const contact: Actor = { userId: agreement.contactId, organisationId: fedasil };
  for (let year = 1; addMonths(agreement.startsOn, 12 * year) <= lastDay; year++) {
    const day = addMonths(agreement.startsOn, 12 * year);
    const members = membersOn(agreement.consortium, day).map((m) => m.organisation.id);
    recordEvent(writer, random, {
      agreement_id: agreement.id, kind: "EVALUATION", occurred_on: day, title: EVALUATION.title[language], summary: EVALUATION.summary[language], participant_organisation_ids: [...members, fedasil],
    }, contact, officeHour(random, day), []);
  }
}
