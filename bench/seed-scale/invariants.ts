/**
 * What must hold of a seeded programme, each as a count of the rows that break it (0 when it
 * holds). $1 is today (Europe/Brussels). The seed's test asserts them; `--check` prints them.
 */
import type { EntityManager } from "typeorm";

export const INVARIANTS: Readonly<Record<string, string>> = {
  "a household has exactly one head": `
    SELECT count(*) FROM household h
     WHERE (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.relationship = 'HEAD') <> 1`,
  "a child born after arrival is a member, not resettled; everyone else is resettled": `
    SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
     WHERE h.arrived_on IS NOT NULL AND p.resettled <> (p.birth_date <= h.arrived_on)`,
  "a household's status agrees with its dates and today": `
    SELECT count(*) FROM household h WHERE NOT CASE h.status
      WHEN 'PLANNED' THEN h.arrived_on IS NULL AND h.expected_arrival_on >= $1::date
      WHEN 'IN_ACCOMPANIMENT' THEN h.accompaniment_ends_on >= $1::date AND h.extended_on IS NULL AND h.exited_on IS NULL
      WHEN 'EXTENDED' THEN h.accompaniment_ends_on >= $1::date AND h.extended_on < $1::date AND h.exited_on IS NULL
      WHEN 'COMPLETED' THEN h.accompaniment_ends_on < $1::date AND h.exited_on IS NULL
      WHEN 'EXITED' THEN h.exited_on < $1::date AND h.exit_reason IS NOT NULL
    END`,
  "an ended agreement has no household still accompanied or expected": `
    SELECT count(*) FROM household h JOIN agreement a ON a.id = h.agreement_id
     WHERE a.status IN ('ENDED', 'TERMINATED', 'DRAFT') AND h.status NOT IN ('COMPLETED', 'EXITED')`,
  "an agreement's status agrees with its dates": `
    SELECT count(*) FROM agreement a WHERE NOT CASE a.status
      WHEN 'DRAFT' THEN a.starts_on > $1::date
      WHEN 'ACTIVE' THEN a.starts_on <= $1::date AND a.ends_on >= $1::date AND a.ended_on IS NULL
      WHEN 'ENDED' THEN a.ended_on >= a.ends_on AND a.ended_on <= $1::date
      WHEN 'TERMINATED' THEN a.ended_on < a.ends_on AND a.end_reason IS NOT NULL
    END`,
  "a funding line's allocations add up to it": `
    SELECT count(*) FROM funding_line l
     WHERE l.amount_cents IS DISTINCT FROM (SELECT sum(a.amount_cents) FROM funding_allocation a WHERE a.funding_line_id = l.id)`,
  "a BASE line counts the household's resettled persons": `
    SELECT count(*) FROM funding_line l
     WHERE l.kind = 'BASE' AND l.quantity <> (SELECT count(*) FROM person p WHERE p.household_id = l.household_id AND p.resettled)`,
  "a task's assignee is a member of its agreement's consortium": `
    SELECT count(*) FROM task t JOIN agreement a ON a.id = t.agreement_id
     WHERE NOT EXISTS (SELECT 1 FROM consortium_membership m WHERE m.consortium_id = a.consortium_id AND m.organisation_id = t.assignee_organisation_id)`,
  "open work is assigned to a current member": `
    SELECT count(*) FROM task t JOIN agreement a ON a.id = t.agreement_id
     WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED')
       AND NOT EXISTS (SELECT 1 FROM consortium_membership m WHERE m.consortium_id = a.consortium_id AND m.organisation_id = t.assignee_organisation_id
                         AND m.joined_on <= $1::date AND (m.left_on IS NULL OR m.left_on > $1::date))`,
  "a task narrowed to a user is narrowed to one of the assignee's users": `
    SELECT count(*) FROM task t JOIN app_user u ON u.id = t.assignee_user_id WHERE u.organisation_id <> t.assignee_organisation_id`,
  "DONE work says who and when, BLOCKED and NOT_APPLICABLE say why": `
    SELECT count(*) FROM task t
     WHERE (t.status = 'DONE') <> (t.done_at IS NOT NULL AND t.done_by_user_id IS NOT NULL)
        OR (t.status IN ('BLOCKED', 'NOT_APPLICABLE')) <> (t.status_reason IS NOT NULL)`,
  "a planned household has no tasks yet": `
    SELECT count(*) FROM task t JOIN household h ON h.id = t.household_id WHERE h.status = 'PLANNED'`,
  "a task's history starts with CREATED and ends in its status": `
    SELECT count(*) FROM task t
     WHERE (SELECT e.kind FROM task_event e WHERE e.task_id = t.id ORDER BY e.occurred_at, e.position LIMIT 1) IS DISTINCT FROM 'CREATED'
        OR (SELECT e.to_status FROM task_event e WHERE e.task_id = t.id AND e.to_status IS NOT NULL ORDER BY e.occurred_at DESC, e.position DESC LIMIT 1) <> t.status`,
  "a task's version counts its changes (not its creation and comments)": `
    SELECT count(*) FROM task t
     WHERE t.version <> 1 + (SELECT count(*) FROM task_event e WHERE e.task_id = t.id AND e.kind NOT IN ('CREATED', 'COMMENTED'))`,
  "nothing happened after yesterday": `
    SELECT (SELECT count(*) FROM task_event WHERE occurred_at >= $1::date)
         + (SELECT count(*) FROM task WHERE done_at >= $1::date)
         + (SELECT count(*) FROM funding_line WHERE settled_on >= $1::date)
         + (SELECT count(*) FROM cooperation_event WHERE occurred_on >= $1::date)`,
  "an accepted hand-over gave the task to the receiver's history": `
    SELECT count(*) FROM handover h
     WHERE h.status <> 'PROPOSED'
       AND NOT EXISTS (SELECT 1 FROM task_event e WHERE e.task_id = h.task_id AND e.kind = 'HANDOVER_' || h.status AND e.occurred_at = h.decided_at)`,
  "a done key-moment task was done by its report": `
    SELECT count(*) FROM task t JOIN task_template tt ON tt.id = t.template_id
     WHERE tt.key_moment IS NOT NULL AND t.status = 'DONE'
       AND NOT EXISTS (SELECT 1 FROM cooperation_event c JOIN cooperation_event_household ch ON ch.cooperation_event_id = c.id
                        WHERE ch.household_id = t.household_id AND c.key_moment = tt.key_moment AND c.created_at = t.done_at AND c.recorded_by_user_id = t.done_by_user_id)`,
};

/** Each invariant with the number of rows that break it. */
export async function checkInvariants(manager: EntityManager, today: string): Promise<Array<{ invariant: string; violations: number }>> {
  const results: Array<{ invariant: string; violations: number }> = [];
  for (const [invariant, sql] of Object.entries(INVARIANTS)) {
    // $1 is referenced here too: PostgreSQL refuses a parameter that no part of the statement uses.
    const [row] = await manager.query(`SELECT (${sql}) AS violations FROM (SELECT $1::date AS today) AS given`, [today]);
    results.push({ invariant, violations: Number(row.violations) });
  }
  return results;
}
