import { accompanimentOf, extendedEnd } from "../modules/integration-path/accompaniment-rules";
import { type AccompanimentPeriod, type PathTemplate, type ResponsibleByCategory, planIntegrationPath, replanFromEnd } from "../modules/integration-path/integration-path-plan";
import { responsibilityMatrix } from "../modules/integration-path/responsibility-matrix";
import type { Row } from "./demo-plan";
import type { Actor } from "./demo-world";
import type { DemoTask, DemoWork } from "./demo-work";

/** A template of the standard path as the migration stored it. */
export interface DemoTemplate extends PathTemplate {
  code: string;
  keyMoment: string | null;
}

/**
 * Gives every arrived household the tasks registerArrival gave it when a coordinator of the lead
 * registered the arrival on the first day of the accompaniment, and moves what counts from the
 * end as extendAccompaniment did when the second year was granted.
 */
export function planPaths(work: DemoWork, templates: readonly DemoTemplate[]): void {
  for (const household of work.world.arrivedHouseholds()) {
    const agreementId = household.agreement_id as string;
    const period = accompanimentOf({
      arrivedOn: household.arrived_on as string,
      arrivalRoute: household.arrival_route as "DIRECT" | "VIA_RECEPTION",
      accompanimentStartsOn: household.accompaniment_starts_on as string,
    });
    const registrar = work.world.actor(work.world.lead(agreementId, period.startsOn), "PARTNER_COORDINATOR");
    const persons = work.world.personsOf(household.id as string);
    const facts = { ...period, persons: persons.map((p) => ({ key: p.id as string, birthDate: p.birth_date as string })).sort(byBirthDate) };
    const owner = { agreementId, consortium: work.world.consortiumCodeOf(agreementId), household: { id: household.id as string, reference: household.reference as string, size: persons.length } };
    const tasks = planIntegrationPath(facts, templates, responsibleOn(work, agreementId, period.startsOn)).map((planned) => {
      const template = templates.find((t) => t.key === planned.templateKey)!;
      const fields = { templateId: template.key, templateCode: template.code, keyMoment: template.keyMoment, personId: planned.personKey, category: planned.category, dueOn: planned.dueOn, assignee: planned.assigneeOrganisationKey };
      return work.createTask({ ...owner, ...fields }, registrar, period.startsOn);
    });
    if (household.extended_on) extend(work, household, tasks, templates, period);
  }
}

/** Who does each category under the agreement on `day`: the default rule, no coordinator having chosen otherwise. */
function responsibleOn(work: DemoWork, agreementId: string, day: string): ResponsibleByCategory {
  const matrix = responsibilityMatrix(work.world.currentMembers(agreementId, day), []);
  return Object.fromEntries(matrix.map((assignment) => [assignment.category, assignment.organisationKey])) as ResponsibleByCategory;
}

/** The second year: the open work counted from the end follows the end, by the lead's coordinator. */
function extend(work: DemoWork, household: Row, tasks: DemoTask[], templates: readonly DemoTemplate[], period: AccompanimentPeriod): void {
  const grantedOn = household.extended_on as string;
  const coordinator: Actor = work.world.actor(work.world.lead(tasks[0].agreementId, grantedOn), "PARTNER_COORDINATOR");
  const anchored = tasks.map((task) => ({ key: task.id, status: task.status, dueOn: task.dueOn, template: templates.find((t) => t.key === task.templateId)! }));
  for (const change of replanFromEnd(anchored, { startsOn: period.startsOn, endsOn: extendedEnd(period.endsOn) })) {
    work.moveDue(tasks.find((task) => task.id === change.key)!, change.toDueOn, coordinator, grantedOn);
  }
}

/** registerArrival reads the members by birth date, then by key. */
const byBirthDate = (a: { key: string; birthDate: string }, b: { key: string; birthDate: string }): number =>
  a.birthDate.localeCompare(b.birthDate) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
