/**
 * A household's integration path from the standard templates: pure, no database or GraphQL.
 * One task per active template, one school enrolment per child of compulsory school age, each
 * due at its template's offset from the start or the end of the accompaniment and assigned to
 * the member the agreement's responsibility matrix names for its category.
 */
import { addDays, addMonths } from "../../shared/calendar";
import { isClosed } from "../tasks/task-status";
import { DueAnchor, type TaskCategory, type TaskStatus } from "../tasks/task-vocabulary";

/** Compulsory education in Belgium: from the school year a child turns 5 until it turns 18. */
export const SCHOOL_AGE = { from: 5, to: 17 } as const;

export interface AccompanimentPeriod {
  startsOn: string;
  endsOn: string;
}

export interface PathFacts extends AccompanimentPeriod {
  /** The household's members, in the order their tasks should come. */
  persons: ReadonlyArray<{ key: string; birthDate: string }>;
}

export interface DueRule {
  dueAnchor: DueAnchor;
  dueOffsetMonths: number;
  dueOffsetDays: number;
}

export interface PathTemplate extends DueRule {
  key: string;
  category: TaskCategory;
  perSchoolAgeChild: boolean;
}

/** The member organisation doing each category under the agreement. */
export type ResponsibleByCategory = Readonly<Record<TaskCategory, string>>;

export interface PlannedTask {
  templateKey: string;
  /** The child a school enrolment is about; null for household tasks. */
  personKey: string | null;
  category: TaskCategory;
  dueOn: string;
  assigneeOrganisationKey: string;
}

/** Full years of age on a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const isOfSchoolAge = (birthDate: string, day: string): boolean => {
  const age = ageOn(birthDate, day);
  return age >= SCHOOL_AGE.from && age <= SCHOOL_AGE.to;
};

/** The anchor plus the months (clamped to the month's end), then the days. */
export function dueOn(rule: DueRule, period: AccompanimentPeriod): string {
  const anchor = rule.dueAnchor === DueAnchor.ACCOMPANIMENT_END ? period.endsOn : period.startsOn;
  return addDays(addMonths(anchor, rule.dueOffsetMonths), rule.dueOffsetDays);
}

export function planIntegrationPath(facts: PathFacts, templates: readonly PathTemplate[], responsible: ResponsibleByCategory): PlannedTask[] {
  const children = facts.persons.filter((p) => isOfSchoolAge(p.birthDate, facts.startsOn));
  return templates.flatMap((template): PlannedTask[] => {
    const task = { templateKey: template.key, category: template.category, dueOn: dueOn(template, facts), assigneeOrganisationKey: responsible[template.category] };
    return template.perSchoolAgeChild ? children.map((child) => ({ ...task, personKey: child.key })) : [{ ...task, personKey: null }];
  });
}

export interface EndAnchoredTask {
  key: string;
  status: TaskStatus;
  dueOn: string;
  template: DueRule;
}

export interface DueDateChange {
  key: string;
  fromDueOn: string;
  toDueOn: string;
}

/** After the end moved: the new due dates of open tasks counted from the end; closed work keeps its dates. */
export function replanFromEnd(tasks: readonly EndAnchoredTask[], period: AccompanimentPeriod): DueDateChange[] {
  return tasks
    .filter((task) => task.template.dueAnchor === DueAnchor.ACCOMPANIMENT_END && !isClosed(task.status))
    .map((task) => ({ key: task.key, fromDueOn: task.dueOn, toDueOn: dueOn(task.template, period) }))
    .filter((change) => change.toDueOn !== change.fromDueOn);
}
