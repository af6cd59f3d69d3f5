import type { ReportDefinitionInput, ReportFilter } from "./report-definition.inputs";
import { ReportDimension, ReportMeasure } from "./report-vocabulary";

/**
 * Every measure counts or sums one kind of fact: households (with their persons), tasks or
 * funding lines. A report aggregates each family present on its own, then puts them side by side.
 */
export type MeasureFamily = "household" | "task" | "funding";

/** Families in the order a report's statement aggregates them. */
export const FAMILIES: readonly MeasureFamily[] = ["household", "task", "funding"];

const FAMILY: Record<ReportMeasure, MeasureFamily> = {
  HOUSEHOLDS: "household",
  PERSONS: "household",
  RESETTLED_PERSONS: "household",
  TASKS: "task",
  OVERDUE_TASKS: "task",
  SHARE_DONE_ON_TIME: "task",
  MEDIAN_DAYS_TO_COMPLETE: "task",
  FUNDING_DUE: "funding",
  FUNDING_SETTLED: "funding",
  FUNDING_BASE: "funding",
  FUNDING_EXTENSION: "funding",
  FUNDING_DIRECT_ARRIVAL_HEAD: "funding",
  FUNDING_DIRECT_ARRIVAL_MEMBER: "funding",
  FUNDING_ADJUSTMENT: "funding",
};

export const familyOf = (measure: ReportMeasure): MeasureFamily => FAMILY[measure];

/** The families the measures belong to, in FAMILIES order. */
export function familiesOf(measures: readonly ReportMeasure[]): MeasureFamily[] {
  return FAMILIES.filter((family) => measures.some((measure) => familyOf(measure) === family));
}

const TASK_DIMENSIONS: readonly ReportDimension[] = [ReportDimension.TASK_CATEGORY, ReportDimension.TASK_TEMPLATE, ReportDimension.TASK_STATUS];
const TASK_FILTERS = ["taskCategories", "taskStatuses"] as const;

const ORGANISATION_DIMENSIONS: readonly ReportDimension[] = [ReportDimension.ORGANISATION, ReportDimension.ORGANISATION_KIND, ReportDimension.PROVINCE];
const ORGANISATION_FILTERS = ["organisationIds", "organisationKinds", "provinces"] as const;

/** Whether the dimension is a property of the attributed organisation. */
export const isOrganisationDimension = (dimension: ReportDimension): boolean => ORGANISATION_DIMENSIONS.includes(dimension);

type Definition = Pick<ReportDefinitionInput, "dimensions" | "measures"> & { filter?: Partial<ReportFilter> | null };

/**
 * Whether facts are attributed to organisations (a household to each member sharing it, a task
 * to its assignee, funding to each member's allocation): only when a dimension or filter asks.
 */
export function attributesOrganisation(definition: Definition): boolean {
  return (
    definition.dimensions.some(isOrganisationDimension) ||
    ORGANISATION_FILTERS.some((name) => definition.filter?.[name] != null)
  );
}

/**
 * Why the definition cannot be answered, or null. Task dimensions and filters only make sense
 * for tasks: a household or a euro has no task status.
 */
export function definitionProblem(definition: Definition): string | null {
  const other = definition.measures.find((measure) => familyOf(measure) !== "task");
  if (!other) return null;
  const dimension = definition.dimensions.find((candidate) => TASK_DIMENSIONS.includes(candidate));
  if (dimension) return `The dimension ${dimension} goes with task measures only, not with ${other}: remove one of them.`;
  const filter = TASK_FILTERS.find((name) => definition.filter?.[name] != null);
  if (filter) return `The filter ${filter} goes with task measures only, not with ${other}: remove one of them.`;
  return null;
}
