/**
 * (e) registerArrival as ONE statement of data-modifying CTEs: $1 household (PLANNED), $2 the
 * arrival day (a DIRECT arrival: the accompaniment starts that day, for 12 months), $3 and $4
 * the acting user and organisation. It writes what thuis writes: the household's new state,
 * one task per active template (one school enrolment per child of school age) assigned by the
 * responsibility matrix (else the lead member), a CREATED history entry per task, the funding
 * lines at the rates in force divided among the current members with the largest-remainder
 * method, and an audit event for each. Simplified: equal weights (no split rule), and the
 * explanations are short.
 */
export const REGISTER_ARRIVAL_SQL = `
  WITH h AS (
    UPDATE household SET status = 'IN_ACCOMPANIMENT', arrived_on = $2, arrival_route = 'DIRECT', accompaniment_starts_on = $2,
           accompaniment_ends_on = (CAST($2 AS date) + interval '12 months')::date, version = version + 1, updated_at = now()
     WHERE id = $1 AND status = 'PLANNED' AND version = 1
    RETURNING *
  ), agreement_of AS (
    SELECT a.id, a.consortium_id FROM agreement a WHERE a.id = (SELECT agreement_id FROM h) AND a.status = 'ACTIVE'
  ), member AS (
    SELECT m.organisation_id, row_number() OVER (ORDER BY m.role = 'LEAD' DESC, m.joined_on, m.organisation_id) AS position, count(*) OVER () AS members
      FROM consortium_membership m JOIN agreement_of a ON a.consortium_id = m.consortium_id
     WHERE m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2)
  ), responsible AS (
    SELECT c.category, COALESCE(r.organisation_id, (SELECT organisation_id FROM member WHERE position = 1)) AS organisation_id
      FROM unnest(ARRAY['HOUSING','ADMINISTRATION','INCOME','EDUCATION','HEALTH','INTEGRATION','COOPERATION']) AS c (category)
      LEFT JOIN agreement_responsibility r ON r.agreement_id = (SELECT id FROM agreement_of) AND r.category = c.category
  ), member_of_household AS (
    SELECT id, birth_date, resettled, relationship FROM person WHERE household_id = $1
  ), planned AS (
    SELECT tt.id AS template_id, child.id AS person_id, tt.category,
           ((CASE tt.due_anchor WHEN 'ACCOMPANIMENT_END' THEN h.accompaniment_ends_on ELSE h.accompaniment_starts_on END)
             + make_interval(months => tt.due_offset_months) + make_interval(days => tt.due_offset_days))::date AS due_on
      FROM h CROSS JOIN task_template tt
      LEFT JOIN member_of_household child ON tt.per_school_age_child AND date_part('year', age(h.accompaniment_starts_on, child.birth_date)) BETWEEN 5 AND 17
     WHERE tt.retired_on IS NULL AND (NOT tt.per_school_age_child OR child.id IS NOT NULL)
  ), tasks AS (
    INSERT INTO task (agreement_id, household_id, template_id, person_id, category, due_on, assignee_organisation_id)
    SELECT h.agreement_id, h.id, p.template_id, p.person_id, p.category, p.due_on, r.organisation_id
      FROM planned p CROSS JOIN h JOIN responsible r ON r.category = p.category
    RETURNING *
  ), history AS (
    INSERT INTO task_event (task_id, actor_user_id, actor_organisation_id, kind, to_status, to_organisation_id, to_due_on)
    SELECT id, $3, $4, 'CREATED', status, assignee_organisation_id, due_on FROM tasks
    RETURNING 1
  ), rate AS (
    SELECT fr.kind, fr.amount_cents, fr.schedule_id FROM funding_rate fr
     WHERE fr.schedule_id = (SELECT id FROM funding_rate_schedule WHERE effective_from <= $2 ORDER BY effective_from DESC LIMIT 1)
  ), quantity AS (
    SELECT 'BASE' AS kind, count(*) FILTER (WHERE resettled) AS n FROM member_of_household
    UNION ALL SELECT 'DIRECT_ARRIVAL_HEAD', 1
    UNION ALL SELECT 'DIRECT_ARRIVAL_MEMBER', count(*) FILTER (WHERE resettled AND relationship <> 'HEAD') FROM member_of_household
  ), lines AS (
    INSERT INTO funding_line (agreement_id, household_id, kind, quantity, rate_cents, rate_schedule_id, amount_cents, due_on, explanation)
    SELECT h.agreement_id, h.id, q.kind, q.n, r.amount_cents, r.schedule_id, q.n * r.amount_cents, h.accompaniment_starts_on,
           q.n || ' x ' || r.amount_cents || ' cents (' || q.kind || ')'
      FROM h CROSS JOIN quantity q JOIN rate r ON r.kind = q.kind WHERE q.n > 0
    RETURNING *
  ), allocations AS (
    INSERT INTO funding_allocation (funding_line_id, organisation_id, position, weight, amount_cents)
    SELECT l.id, m.organisation_id, m.position, 1, l.amount_cents / m.members + CASE WHEN m.position <= l.amount_cents % m.members THEN 1 ELSE 0 END
      FROM lines l CROSS JOIN member m
    RETURNING 1
  ), audit AS (
    INSERT INTO audit_event (actor_user_id, actor_organisation_id, action, subject_type, subject_id, consortium_id, before, after)
    SELECT $3, $4, 'registerArrival', kind, id, (SELECT consortium_id FROM agreement_of), NULL, after
      FROM (SELECT 'Household' AS kind, h.id, to_jsonb(h) AS after FROM h
            UNION ALL SELECT 'Task', t.id, to_jsonb(t) FROM tasks t
            UNION ALL SELECT 'FundingLine', l.id, to_jsonb(l) FROM lines l) changed
    RETURNING 1
  )
  SELECT json_build_object(
    'id', h.id, 'status', h.status, 'accompanimentStartsOn', h.accompaniment_starts_on, 'accompanimentEndsOn', h.accompaniment_ends_on,
    'taskCount', (SELECT count(*) FROM tasks), 'historyCount', (SELECT count(*) FROM history),
    'fundingLines', (SELECT json_agg(json_build_object('kind', kind, 'amountCents', amount_cents) ORDER BY kind) FROM lines),
    'allocationCount', (SELECT count(*) FROM allocations), 'auditCount', (SELECT count(*) FROM audit)
  ) AS answer
    FROM h`;
