import type { OperationName, Picks } from "./operations";
import { HOUSEHOLD_PAGE_SIZE, HOUSEHOLD_TASKS, MY_WORK_SIZE } from "./operations";
import { REGISTER_ARRIVAL_SQL } from "./raw-arrival-sql";

/**
 * The raw-SQL floor: for each reference operation the fastest single statement we could write
 * that returns the same data, as one JSON value (column `answer`), through `pg` in-process. No
 * access checks (the picked viewers see all of it), no GraphQL, no HTTP: what is left is the
 * database's own work.
 */
export interface RawOperation {
  sql: string;
  /** The statement's parameters; (e) gets the household it registers and the acting user. */
  params(picks: Picks, arrival?: RawArrival): unknown[];
}

export interface RawArrival {
  householdKey: string;
  userKey: string;
  organisationKey: string;
}

const TASK_TITLE = "COALESCE(tt.title_en, t.title, '') || COALESCE(': ' || child.given_name, '')";

/** (a) The page by reference (the unique index gives that order), each household's lists nested. */
const HOUSEHOLD_PAGE_SQL = `
  SELECT json_agg(json_build_object(
           'id', h.id, 'reference', h.reference, 'status', h.status, 'arrivalRoute', h.arrival_route,
           'arrivedOn', h.arrived_on, 'accompanimentEndsOn', h.accompaniment_ends_on,
           'persons', (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                                'birthDate', p.birth_date, 'relationship', p.relationship, 'resettled', p.resettled)
                                ORDER BY p.relationship <> 'HEAD', p.birth_date, p.id), '[]')
                         FROM person p WHERE p.household_id = h.id),
           'accommodation', (SELECT json_build_object('id', ac.id, 'streetAddress', ac.street_address, 'postalCode', ac.postal_code,
                                'municipality', ac.municipality, 'availableFrom', ac.available_from, 'availableUntil', ac.available_until)
                               FROM accommodation ac WHERE ac.household_id = h.id
                              ORDER BY ac.available_from <= $1 DESC, CASE WHEN ac.available_from <= $1 THEN ac.available_from END DESC, ac.available_from
                              LIMIT 1),
           'tasks', (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'title', ${TASK_TITLE}, 'category', t.category, 'status', t.status,
                                'dueOn', t.due_on, 'assigneeOrganisation', json_build_object('id', o.id, 'name', o.name)) ORDER BY t.due_on, t.id), '[]')
                       FROM (SELECT * FROM task WHERE household_id = h.id ORDER BY due_on, id LIMIT ${HOUSEHOLD_TASKS}) t
                       JOIN organisation o ON o.id = t.assignee_organisation_id
                       LEFT JOIN task_template tt ON tt.id = t.template_id
                       LEFT JOIN person child ON child.id = t.person_id)
         ) ORDER BY h.reference) AS answer
    FROM (SELECT * FROM household ORDER BY reference LIMIT ${HOUSEHOLD_PAGE_SIZE}) h`;

/** (b) One index range per open status (assignee, status, due_on), merged: no sort of all open work. */
const openOf = (status: string) =>
  `(SELECT * FROM task WHERE assignee_organisation_id = $1 AND status = '${status}' ORDER BY due_on, id LIMIT ${MY_WORK_SIZE})`;
const MY_WORK_SQL = `
  SELECT COALESCE(json_agg(json_build_object('id', t.id, 'title', ${TASK_TITLE}, 'category', t.category, 'status', t.status,
           'dueOn', t.due_on, 'isOverdue', t.due_on < $2,
           'household', CASE WHEN h.id IS NOT NULL THEN json_build_object('id', h.id, 'reference', h.reference) END,
           'agreement', json_build_object('id', a.id, 'reference', a.reference)) ORDER BY t.due_on, t.id), '[]') AS answer
    FROM (SELECT * FROM (${openOf("OPEN")} UNION ALL ${openOf("IN_PROGRESS")} UNION ALL ${openOf("BLOCKED")}) open_work
           ORDER BY due_on, id LIMIT ${MY_WORK_SIZE}) t
    JOIN agreement a ON a.id = t.agreement_id
    LEFT JOIN household h ON h.id = t.household_id
    LEFT JOIN task_template tt ON tt.id = t.template_id
    LEFT JOIN person child ON child.id = t.person_id`;

/** (c) The period's lines once, summed by kind and, through their allocations, by member. */
const AGREEMENT_FUNDING_SQL = `
  WITH line AS (
    SELECT id, kind, amount_cents, settled_on IS NOT NULL AS settled FROM funding_line
     WHERE agreement_id = $1 AND due_on BETWEEN $2 AND $3
  ), member AS (
    SELECT fa.organisation_id, count(*) AS line_count, sum(fa.amount_cents) AS due,
           COALESCE(sum(fa.amount_cents) FILTER (WHERE settled), 0) AS settled, COALESCE(sum(fa.amount_cents) FILTER (WHERE NOT settled), 0) AS unsettled
      FROM line JOIN funding_allocation fa ON fa.funding_line_id = line.id GROUP BY fa.organisation_id
  ), kind AS (
    SELECT kind, count(*) AS line_count, sum(amount_cents) AS amount FROM line GROUP BY kind
  )
  SELECT json_build_object(
    'totals', (SELECT json_build_object('lineCount', count(*), 'due', COALESCE(sum(amount_cents), 0)) FROM line),
    'byMember', (SELECT COALESCE(json_agg(json_build_object('organisation', json_build_object('id', o.id, 'name', o.name), 'lineCount', m.line_count,
                        'due', m.due, 'settled', m.settled, 'unsettled', m.unsettled) ORDER BY lower(o.name), o.id), '[]')
                   FROM member m JOIN organisation o ON o.id = m.organisation_id),
    'byKind', (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'lineCount', line_count, 'amount', amount)
                      ORDER BY array_position(ARRAY['BASE','EXTENSION','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER','ADJUSTMENT'], kind)), '[]') FROM kind)
  ) AS answer`;

/**
 * (d) A household counts once in each province where a member sharing it sits (a member whose
 * membership had not ended when its accompaniment started): per consortium and province, the
 * last day any member there is still in, so households join each province once, no DISTINCT.
 * Persons are counted per household beforehand. Cells on fewer than $2 households are withheld,
 * and a second cell (or the totals) when one alone would be.
 */
const PERSONS_BY_PROVINCE_SQL = `
  WITH province_of AS (
    SELECT m.consortium_id, o.province, max(COALESCE(m.left_on, 'infinity')) AS until
      FROM consortium_membership m JOIN organisation o ON o.id = m.organisation_id GROUP BY m.consortium_id, o.province
  ), fact AS (
    SELECT a.consortium_id, COALESCE(h.accompaniment_starts_on, $1) AS since, to_char(h.arrived_on, 'YYYY-"Q"Q') AS quarter, COALESCE(p.n, 0) AS persons
      FROM household h JOIN agreement a ON a.id = h.agreement_id
      LEFT JOIN (SELECT household_id, count(*) AS n FROM person GROUP BY household_id) p ON p.household_id = h.id
  ), cell AS (
    SELECT po.province, fact.quarter, count(*) AS households, sum(fact.persons) AS persons, count(*) < $2 AS small
      FROM fact JOIN province_of po ON po.consortium_id = fact.consortium_id AND po.until > fact.since
     GROUP BY po.province, fact.quarter
  ), total AS (
    SELECT count(*) AS households, COALESCE(sum(persons), 0) AS persons FROM fact
     WHERE EXISTS (SELECT 1 FROM province_of po WHERE po.consortium_id = fact.consortium_id AND po.until > fact.since)
  ), lonely AS (
    SELECT (SELECT count(*) FROM cell WHERE small) = 1 AND (SELECT households FROM total) NOT BETWEEN 1 AND $2 - 1 AS one_alone
  ), second AS (
    SELECT province, quarter FROM cell WHERE NOT small AND (SELECT one_alone FROM lonely) ORDER BY households, province, quarter NULLS LAST LIMIT 1
  ), shown AS (
    SELECT cell.*, small OR EXISTS (SELECT 1 FROM second s WHERE s.province = cell.province AND s.quarter IS NOT DISTINCT FROM cell.quarter) AS hidden
      FROM cell
  )
  SELECT json_build_object(
    'rows', (SELECT COALESCE(json_agg(json_build_object('province', province, 'quarter', quarter, 'persons', CASE WHEN NOT hidden THEN persons END,
                   'suppressed', hidden) ORDER BY province, quarter NULLS LAST), '[]') FROM shown),
    'totals', (SELECT json_build_object('persons', CASE WHEN NOT withheld THEN persons END, 'suppressed', withheld)
                 FROM (SELECT t.persons, t.households BETWEEN 1 AND $2 - 1 OR ((SELECT one_alone FROM lonely) AND NOT EXISTS (SELECT 1 FROM second)) AS withheld
                         FROM total t) totals)
  ) AS answer`;

export const RAW_OPERATIONS: Readonly<Record<OperationName, RawOperation>> = {
  a: { sql: HOUSEHOLD_PAGE_SQL, params: (picks) => [picks.today] },
  b: { sql: MY_WORK_SQL, params: (picks) => [picks.myWork.organisationKey, picks.today] },
  c: { sql: AGREEMENT_FUNDING_SQL, params: ({ funding }) => [funding.agreementKey, funding.from, funding.to] },
  d: { sql: PERSONS_BY_PROVINCE_SQL, params: (picks) => [picks.today, SUPPRESSION_THRESHOLD] },
  e: {
    sql: REGISTER_ARRIVAL_SQL,
    params: (picks, arrival) => {
      if (!arrival) throw new Error("registerArrival needs a household");
      return [arrival.householdKey, picks.today, arrival.userKey, arrival.organisationKey];
    },
  },
};

/** thuis's default (REPORT_SUPPRESSION_THRESHOLD, which the runner leaves unset). */
export const SUPPRESSION_THRESHOLD = 5;
