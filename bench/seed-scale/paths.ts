/**
 * A household's integration path as registerArrival made it (the pure planning functions of
 * src/modules/integration-path), moved as extendAccompaniment moved it, then lived; plus the work
 * coordinators recorded beside the path, and each agreement's yearly report to Fedasil.
 */
import { dayBetween, earliest, officeHour } from "../../src/demo/demo-clock";
import { type PathTemplate, type ResponsibleByCategory, planIntegrationPath, replanFromEnd } from "../../src/modules/integration-path/integration-path-plan";
import { responsibilityMatrix } from "../../src/modules/integration-path/responsibility-matrix";
import { isClosed } from "../../src/modules/tasks/task-status";
import { DueAnchor, TaskCategory, TaskEventKind } from "../../src/modules/tasks/task-vocabulary";
import { addDays, addMonths } from "../../src/shared/calendar";
import { asCurrentMembers, membersOn } from "./consortia";
import type { Household } from "./households";
import type { Agreement } from "./programme";
import type { LiveTask } from "./task-log";
import { type WorkContext, live, planSteps } from "./task-life";
import { EXTRA_TASKS } from "./texts";

/** A template of the standard path as the migration stored it (the TaskTemplate entity has these fields). */
export interface ScaleTemplate extends PathTemplate {
  code: string;
  keyMoment: string | null;
  titleNl: string;
  titleFr: string;
}

export function workOnHousehold(ctx: WorkContext, household: Household, templates: readonly ScaleTemplate[], emit: (task: LiveTask) => void): void {
  const { startsOn, firstYearEndsOn, registeredAt } = household;
  if (!startsOn || !firstYearEndsOn || !registeredAt) return;
  const matrix = responsibilityMatrix(asCurrentMembers(membersOn(ctx.consortium, startsOn)), []);
  const responsible = Object.fromEntries(matrix.map((a) => [a.category, a.organisationKey])) as ResponsibleByCategory;
  // registerArrival reads the members (those born by then) by birth date, then by key.
  const persons = household.persons
    .filter((p) => p.birth_date <= startsOn)
    .map((p) => ({ key: p.id, birthDate: p.birth_date }))
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || (a.key < b.key ? -1 : 1));
  const fields = { agreementId: household.agreement.id, householdId: household.id, title: null };
  for (const planned of planIntegrationPath({ startsOn, endsOn: firstYearEndsOn, persons }, templates, responsible)) {
    const template = templates.find((t) => t.key === planned.templateKey)!;
    const task = ctx.log.create(
      { ...fields, templateId: template.key, keyMoment: template.keyMoment, personId: planned.personKey, category: planned.category, dueOn: planned.dueOn, assignee: planned.assigneeOrganisationKey },
      ctx.lead,
      registeredAt,
    );
    let from = startsOn;
    let steps = planSteps(task, ctx, from);
    const closedBefore = (day: string) => steps.length > 0 && isClosed(steps[steps.length - 1].to) && steps[steps.length - 1].day < day;
    if (household.extendedOn && template.dueAnchor === DueAnchor.ACCOMPANIMENT_END && !closedBefore(household.extendedOn)) {
      // The second year moved what counts from the end, as long as it was not done yet.
      const period = { startsOn, endsOn: household.accompanimentEndsOn! };
      for (const change of replanFromEnd([{ key: task.id, status: task.status, dueOn: task.dueOn, template }], period)) {
        ctx.log.log(task, ctx.lead, household.changes[0], { kind: TaskEventKind.DUE_DATE_CHANGED, from_due_on: change.fromDueOn, to_due_on: change.toDueOn });
        task.dueOn = change.toDueOn;
      }
      from = household.extendedOn;
      steps = planSteps(task, ctx, from);
    }
    live(task, ctx, from, steps);
    emit(task);
  }
  extraWork(ctx, household, responsible, emit);
}

/** 0 to 5 tasks a coordinator of the responsible member recorded beside the path, titled, due within weeks. */
function extraWork(ctx: WorkContext, household: Household, responsible: ResponsibleByCategory, emit: (task: LiveTask) => void): void {
  const { random } = ctx;
  const first = addDays(household.startsOn!, 3);
  const last = earliest(addDays(household.exitedOn ?? household.accompanimentEndsOn!, -30), addDays(ctx.today, -1));
  if (last < first) return;
  for (let n = random.weighted([[0, 15], [1, 20], [2, 25], [3, 20], [4, 12], [5, 8]]); n > 0; n--) {
    const category = random.pick(Object.keys(EXTRA_TASKS)) as TaskCategory;
    const createdOn = dayBetween(random, first, last);
    const assignee = responsible[category];
    const task = ctx.log.create(
      {
        agreementId: household.agreement.id, householdId: household.id, templateId: null, keyMoment: null, personId: null, category,
        title: random.pick(EXTRA_TASKS[category][ctx.language]), dueOn: addDays(createdOn, random.int(7, 45)), assignee,
      },
      ctx.actor(assignee, true),
      officeHour(random, createdOn),
    );
    live(task, ctx, createdOn, planSteps(task, ctx, createdOn));
    emit(task);
  }
}

const ANNUAL_REPORT = { nl: "Jaarverslag aan Fedasil", fr: "Rapport annuel à Fedasil" } as const;

/** The lead reports to Fedasil a month after each year of the agreement: an agreement-level task, no household. */
export function agreementWork(ctx: WorkContext, agreement: Agreement, emit: (task: LiveTask) => void): void {
  const closesOn = agreement.endedOn ?? agreement.endsOn;
  const lead = ctx.lead.organisationId;
  for (let year = 1; addMonths(agreement.startsOn, 12 * year) <= closesOn; year++) {
    const dueOn = addMonths(agreement.startsOn, 12 * year + 1);
    const createdOn = addDays(dueOn, -45);
    if (createdOn >= ctx.today) break;
    const task = ctx.log.create(
      { agreementId: agreement.id, householdId: null, templateId: null, keyMoment: null, personId: null, category: TaskCategory.COOPERATION, title: ANNUAL_REPORT[ctx.language], dueOn, assignee: lead },
      ctx.lead,
      officeHour(ctx.random, createdOn),
    );
    live(task, ctx, createdOn, planSteps(task, ctx, createdOn));
    emit(task);
  }
}
