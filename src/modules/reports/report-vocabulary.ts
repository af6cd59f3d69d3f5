import { registerEnumType } from "type-graphql";

/**
 * What a report can be broken down by. None names or identifies a person: the finest grain is a
 * household's size band, arrival month and route, never its reference.
 */
export enum ReportDimension {
  AGREEMENT = "AGREEMENT",
  ORGANISATION = "ORGANISATION",
  ORGANISATION_KIND = "ORGANISATION_KIND",
  PROVINCE = "PROVINCE",
  ARRIVAL_ROUTE = "ARRIVAL_ROUTE",
  ARRIVAL_YEAR = "ARRIVAL_YEAR",
  ARRIVAL_QUARTER = "ARRIVAL_QUARTER",
  ARRIVAL_MONTH = "ARRIVAL_MONTH",
  HOUSEHOLD_SIZE_BAND = "HOUSEHOLD_SIZE_BAND",
  HOUSEHOLD_STATUS = "HOUSEHOLD_STATUS",
  TASK_CATEGORY = "TASK_CATEGORY",
  TASK_TEMPLATE = "TASK_TEMPLATE",
  TASK_STATUS = "TASK_STATUS",
}

/** What a report counts or sums. Each belongs to one family of facts: households, tasks or funding. */
export enum ReportMeasure {
  HOUSEHOLDS = "HOUSEHOLDS",
  PERSONS = "PERSONS",
  RESETTLED_PERSONS = "RESETTLED_PERSONS",
  TASKS = "TASKS",
  OVERDUE_TASKS = "OVERDUE_TASKS",
  SHARE_DONE_ON_TIME = "SHARE_DONE_ON_TIME",
  MEDIAN_DAYS_TO_COMPLETE = "MEDIAN_DAYS_TO_COMPLETE",
  FUNDING_DUE = "FUNDING_DUE",
  FUNDING_SETTLED = "FUNDING_SETTLED",
  FUNDING_BASE = "FUNDING_BASE",
  FUNDING_EXTENSION = "FUNDING_EXTENSION",
  FUNDING_DIRECT_ARRIVAL_HEAD = "FUNDING_DIRECT_ARRIVAL_HEAD",
  FUNDING_DIRECT_ARRIVAL_MEMBER = "FUNDING_DIRECT_ARRIVAL_MEMBER",
  FUNDING_ADJUSTMENT = "FUNDING_ADJUSTMENT",
}

registerEnumType(ReportDimension, {
  name: "ReportDimension",
  description: "What a report can be broken down by. Task dimensions go only with task measures.",
  valuesConfig: {
    AGREEMENT: { description: "The cooperation agreement; value: its id, label: its reference." },
    ORGANISATION: {
      description:
        "Households and persons: each member organisation sharing the household, that is each member of its agreement's consortium whose membership had not ended when the accompaniment started (today for households not yet accompanied); a household counts once per member, once in the totals. Tasks: the assignee. Funding: the member's allocation.",
    },
    ORGANISATION_KIND: { description: "The kind of the organisation, attributed as for ORGANISATION." },
    PROVINCE: { description: "The province of the organisation, attributed as for ORGANISATION." },
    ARRIVAL_ROUTE: { description: "DIRECT or VIA_RECEPTION as recorded on the household, planned households included; none where not recorded." },
    ARRIVAL_YEAR: { description: "Year of arrival, as 2025." },
    ARRIVAL_QUARTER: { description: "Quarter of arrival, as 2025-Q1." },
    ARRIVAL_MONTH: { description: "Month of arrival, as 2025-03." },
    HOUSEHOLD_SIZE_BAND: { description: "Number of household members, banded: 1, 2, 3-4, 5-6, 7+." },
    HOUSEHOLD_STATUS: { description: "The household's status today." },
    TASK_CATEGORY: { description: "Task measures only." },
    TASK_TEMPLATE: { description: "The step of the standard integration path (none for tasks outside it). Task measures only." },
    TASK_STATUS: { description: "Task measures only." },
  },
});

registerEnumType(ReportMeasure, {
  name: "ReportMeasure",
  description: "What a report counts or sums. For evaluators, any figure resting on fewer households than the suppression threshold is withheld.",
  valuesConfig: {
    HOUSEHOLDS: { description: "Number of households." },
    PERSONS: { description: "Number of household members, children born after arrival included." },
    RESETTLED_PERSONS: { description: "Number of resettled persons (those funding is paid for)." },
    TASKS: { description: "Number of tasks." },
    OVERDUE_TASKS: { description: "Tasks not done, cancelled or not applicable whose due date is before today (Europe/Brussels)." },
    SHARE_DONE_ON_TIME: { description: "Of the tasks done, the share done on or before their due date (the day done in Europe/Brussels), 0 to 1; null without tasks done." },
    MEDIAN_DAYS_TO_COMPLETE: { description: "Median days from the household's arrival to the task being done (Europe/Brussels days), over the tasks done of arrived households; null without any." },
    FUNDING_DUE: { description: "All funding lines (Money), adjustments included." },
    FUNDING_SETTLED: { description: "The part Fedasil has settled (Money)." },
    FUNDING_BASE: { description: "BASE lines (Money)." },
    FUNDING_EXTENSION: { description: "EXTENSION lines (Money)." },
    FUNDING_DIRECT_ARRIVAL_HEAD: { description: "DIRECT_ARRIVAL_HEAD lines (Money)." },
    FUNDING_DIRECT_ARRIVAL_MEMBER: { description: "DIRECT_ARRIVAL_MEMBER lines (Money)." },
    FUNDING_ADJUSTMENT: { description: "Manual adjustments (Money)." },
  },
});
