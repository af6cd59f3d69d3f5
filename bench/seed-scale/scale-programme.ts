/**
 * The whole scale programme, written into a TableWriter: organisations to allocations, agreement
 * by agreement and household by household, so only one batch of rows is held at a time. The
 * same number of households, templates, rate schedules and day give the same rows.
 */
import type { StoredRateSchedule } from "../../src/modules/funding/funding-rate-schedule.service";
import { agreementEvents, type Followed, maybeFeedback, recordEvent } from "./cooperation";
import { fundHousehold } from "./funding";
import { planHousehold } from "./households";
import { homesOf } from "./homes";
import type { Organisation } from "./organisations";
import { type ScaleTemplate, agreementWork, workOnHousehold } from "./paths";
import { type Programme, planProgramme } from "./programme";
import { writeHousehold, writeProgramme } from "./programme-rows";
import { ScaleRandom } from "./scale-random";
import type { TableWriter } from "./table-writer";
import type { Actor, LiveTask } from "./task-log";
import { TaskLog } from "./task-log";
import type { WorkContext } from "./task-life";

export interface ScaleInput {
  households: number;
  today: string;
  /** The active templates of the standard path, in path order. */
  templates: readonly ScaleTemplate[];
  schedules: readonly StoredRateSchedule[];
}

const SEED = 20_160_101;

/** Plans and writes everything; returns the programme (its organisations, agreements and users) for the caller's summary. */
export async function writeScaleProgramme(writer: TableWriter, input: ScaleInput): Promise<Programme> {
  const random = new ScaleRandom(SEED);
  const { today } = input;
  const programme = planProgramme(random, input.households, today);
  writeProgramme(writer, random, programme);
  const people = actorsByOrganisation(programme.organisations.all);
  const admins = programme.fedasil.users.filter((u) => u.role === "FEDASIL_ADMIN").map((u) => u.id);
  const log = new TaskLog(random, today);
  const emit = (task: LiveTask) => {
    writer.add("task", log.row(task));
    for (const entry of task.history) writer.add("task_event", entry);
  };
  const titles = new Map(input.templates.map((t) => [t.key, t]));
  for (const agreement of programme.agreements) {
    const consortium = agreement.consortium;
    const language = consortium.place.language;
    const lead = people.get(consortium.members[0].organisation.id)!;
    const base: WorkContext = {
      random, today, log, consortium, language, active: agreement.status === "ACTIVE", exitedOn: null, lead: lead.coordinator,
      actor: (organisationId, coordinator = false) => people.get(organisationId)![coordinator ? "coordinator" : "staff"],
      comment: (row) => writer.add("task_comment", row),
      handover: (row) => writer.add("handover", row),
      reported: (task, at, by) => {
        const template = titles.get(task.templateId!)!;
        recordEvent(writer, random, {
          agreement_id: agreement.id, kind: "KEY_MOMENT_REPORT", key_moment: task.keyMoment, occurred_on: at.slice(0, 10),
          title: language === "nl" ? template.titleNl : template.titleFr, summary: null,
        }, by, at, task.householdId ? [task.householdId] : []);
      },
    };
    agreementWork(base, agreement, emit);
    const followed: Followed[] = [];
    for (let sequence = 1; sequence <= agreement.arrived + agreement.planned; sequence++) {
      const household = planHousehold(random, agreement, sequence, sequence > agreement.arrived, today);
      writeHousehold(writer, random, household);
      for (const home of homesOf(random, household, today)) writer.add("accommodation", home);
      const accompanied = household.status === "IN_ACCOMPANIMENT" || household.status === "EXTENDED";
      workOnHousehold({ ...base, active: accompanied, exitedOn: household.exitedOn }, household, input.templates, emit);
      fundHousehold({ random, today, writer, schedules: input.schedules, admins }, household);
      maybeFeedback(writer, random, household, lead.staff, today);
      if (household.startsOn) followed.push({ id: household.id, startsOn: household.startsOn, endsOn: household.exitedOn ?? household.accompanimentEndsOn! });
      await writer.maybeSend();
      // Lets the batch under way reach the database while the next one is planned.
      if (sequence % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    agreementEvents(writer, random, agreement, followed, programme.fedasil.id, today);
  }
  await writer.finish();
  return programme;
}

function actorsByOrganisation(organisations: readonly Organisation[]): Map<string, { coordinator: Actor; staff: Actor }> {
  const actors = new Map<string, { coordinator: Actor; staff: Actor }>();
  for (const o of organisations) {
    const coordinator = o.users.find((u) => u.role === "PARTNER_COORDINATOR");
    const staff = o.users.find((u) => u.role === "PARTNER_STAFF");
    if (coordinator && staff) actors.set(o.id, { coordinator: { userId: coordinator.id, organisationId: o.id }, staff: { userId: staff.id, organisationId: o.id } });
  }
  return actors;
}
