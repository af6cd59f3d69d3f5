import type { OverviewSelection } from "./overview-selection";

/** Overdue tasks per matching assignee and category; categories in the order of :categories. */
export function overdueByMemberSql(selection: OverviewSelection): string {
  return `WITH ${selection.with}
    SELECT task.assignee_organisation_id AS "organisationKey", task.category, count(*) AS count
      FROM chosen_task task JOIN organisation ON organisation.id = task.assignee_organisation_id
     WHERE task.overdue AND ${selection.memberMatches}
     GROUP BY task.assignee_organisation_id, organisation.name, task.category
     ORDER BY lower(organisation.name), task.assignee_organisation_id, array_position(CAST(:categories AS text[]), task.category)`;
}

/** DONE tasks per template, with the median of the Brussels days from the household's arrival; in path order. */
export function templateDurationsSql(selection: OverviewSelection): string {
  return `WITH ${selection.with}
    SELECT task.template_id AS "templateKey", count(*) AS "doneCount",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(task.done_at AT TIME ZONE 'Europe/Brussels' AS date) - household.arrived_on) AS "medianDaysFromArrival"
      FROM chosen_task task
      JOIN chosen_household household ON household.id = task.household_id
      JOIN task_template template ON template.id = task.template_id
     WHERE task.status = 'DONE'
     GROUP BY task.template_id, template.sort_order, template.code
     ORDER BY template.sort_order, template.code`;
}

/** Households being accompanied whose accompaniment ends in the window (:overviewEndingFrom to :overviewEndingTo). */
const ENDING = `
  FROM chosen_household household
 WHERE household.status IN ('IN_ACCOMPANIMENT', 'EXTENDED') AND household.accompaniment_ends_on BETWEEN :overviewEndingFrom AND :overviewEndingTo`;

/** A page of ending accompaniments by end date, ties by reference, each with whether its next-home search is DONE. */
export function endingAccompanimentsSql(selection: OverviewSelection): string {
  return `WITH ${selection.with}
    SELECT household.id AS "householdKey", household.accompaniment_ends_on AS "endsOn",
           EXISTS (SELECT 1 FROM task JOIN task_template template ON template.id = task.template_id
                    WHERE task.household_id = household.id AND template.code = :nextHomeCode AND task.status = 'DONE') AS "nextHomeSearchDone"
    ${ENDING}
     ORDER BY household.accompaniment_ends_on, lower(household.reference), household.id
    OFFSET :offset LIMIT :limit`;
}

export const endingAccompanimentCountSql = (selection: OverviewSelection) => `WITH ${selection.with} SELECT count(*) AS count ${ENDING}`;

/**
 * Households being accompanied whose current home (the latest availableFrom; no later one is
 * recorded by definition) has an end before the accompaniment's end or by :overviewEndingTo.
 */
const HOMES_ENDING = `,
  current_home AS (
    SELECT DISTINCT ON (accommodation.household_id) accommodation.household_id, accommodation.available_until
      FROM accommodation JOIN chosen_household household ON household.id = accommodation.household_id
     WHERE household.status IN ('IN_ACCOMPANIMENT', 'EXTENDED')
     ORDER BY accommodation.household_id, accommodation.available_from DESC, accommodation.created_at DESC, accommodation.id DESC
  ), home_ending AS (
    SELECT household.id, household.reference, home.available_until
      FROM chosen_household household JOIN current_home home ON home.household_id = household.id
     WHERE home.available_until IS NOT NULL
       AND (home.available_until < household.accompaniment_ends_on OR home.available_until <= :overviewEndingTo)
  )`;

/** A page of those households by the home's end date, ties by reference. */
export function homesEndingSql(selection: OverviewSelection): string {
  return `WITH ${selection.with}${HOMES_ENDING}
    SELECT id AS "householdKey", available_until AS "accommodationEndsOn" FROM home_ending
     ORDER BY available_until, lower(reference), id
    OFFSET :offset LIMIT :limit`;
}

export const homesEndingCountSql = (selection: OverviewSelection) => `WITH ${selection.with}${HOMES_ENDING} SELECT count(*) AS count FROM home_ending`;
