import type { Pool } from "pg";
import type { Picks } from "./operations";

/**
 * Chooses who asks and about what, from whatever the database holds: the busiest organisation,
 * agreement and quarter, so the figures are about the heavy cases. A role without any user
 * gets one (subject bench-<role>); the rest of the data is only read.
 */
export async function pickOperands(db: Pool, today: string): Promise<Picks> {
  const fedasil = await organisationOfKind(db, "FEDASIL");
  const myWork = await busiestOrganisation(db, today);
  const arrivals = await arrivalAgreement(db, today);
  return {
    today,
    fedasilSubject: await userWithRole(db, ["FEDASIL_STAFF", "FEDASIL_ADMIN"], fedasil),
    myWork: { subject: await userWithRole(db, ["PARTNER_STAFF", "PARTNER_COORDINATOR"], myWork), organisationKey: myWork },
    funding: await busiestQuarter(db),
    evaluatorSubject: await userWithRole(db, ["EVALUATOR"], await organisationOfKind(db, "EVALUATOR")),
    arrivals: { subject: await userWithRole(db, ["PARTNER_COORDINATOR"], arrivals.lead), agreementKey: arrivals.agreement },
  };
}

async function one<T>(db: Pool, sql: string, params: unknown[], what: string): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (rows.length === 0) throw new Error(`The database has no ${what}: seed it first (npm run seed:scale).`);
  return rows[0] as T;
}

/** An organisation of the kind, else any (an evaluator's role, not its organisation, limits what it sees). */
async function organisationOfKind(db: Pool, kind: string): Promise<string> {
  const row = await one<{ id: string }>(db, `SELECT id FROM organisation ORDER BY kind = $1 DESC, name, id LIMIT 1`, [kind], "organisation");
  return row.id;
}

/** A user of the organisation with one of the roles (the first role preferred), created when there is none. */
async function userWithRole(db: Pool, roles: string[], organisationKey: string): Promise<string> {
  const { rows } = await db.query(
    `SELECT subject FROM app_user WHERE organisation_id = $1 AND role = ANY($2) ORDER BY array_position($2, role), subject LIMIT 1`,
    [organisationKey, roles],
  );
  if (rows.length > 0) return rows[0].subject;
  const subject = `bench-${roles[0].toLowerCase()}-${organisationKey.slice(0, 8)}`;
  await db.query(
    `INSERT INTO app_user (subject, display_name, role, organisation_id) VALUES ($1, $2, $3, $4) ON CONFLICT (subject) DO NOTHING`,
    [subject, `Benchmark ${roles[0].toLowerCase()}`, roles[0], organisationKey],
  );
  return subject;
}

/** The organisation with the most open tasks in the consortia it is a current member of. */
async function busiestOrganisation(db: Pool, today: string): Promise<string> {
  const row = await one<{ organisation: string }>(
    db,
    `SELECT t.assignee_organisation_id AS organisation
       FROM task t JOIN agreement a ON a.id = t.agreement_id
      WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED')
        AND EXISTS (SELECT 1 FROM consortium_membership m WHERE m.consortium_id = a.consortium_id AND m.organisation_id = t.assignee_organisation_id
                       AND m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on > $1))
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [today],
    "open task of a current member",
  );
  return row.organisation;
}

/** The agreement with the most funding lines, its quarter with the most lines, and where that quarter lies in due-date order. */
async function busiestQuarter(db: Pool): Promise<Picks["funding"]> {
  const row = await one<{ agreement: string; from: string; to: string; before: number; within: number }>(
    db,
    `WITH busiest AS (SELECT agreement_id FROM funding_line GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
          quarter AS (SELECT date_trunc('quarter', due_on)::date AS first_day FROM funding_line
                       WHERE agreement_id = (SELECT agreement_id FROM busiest) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
     SELECT b.agreement_id AS agreement, to_char(q.first_day, 'YYYY-MM-DD') AS "from",
            to_char(q.first_day + interval '3 months' - interval '1 day', 'YYYY-MM-DD') AS "to",
            (SELECT count(*)::int FROM funding_line l WHERE l.agreement_id = b.agreement_id AND l.due_on < q.first_day) AS before,
            (SELECT count(*)::int FROM funding_line l WHERE l.agreement_id = b.agreement_id
                AND l.due_on >= q.first_day AND l.due_on < q.first_day + interval '3 months') AS within
       FROM busiest b, quarter q`,
    [],
    "funding line",
  );
  return { agreementKey: row.agreement, from: row.from, to: row.to, linesBefore: row.before, linesInPeriod: row.within };
}

/** The ACTIVE agreement with the most households, with a current lead member, and that lead. */
async function arrivalAgreement(db: Pool, today: string): Promise<{ agreement: string; lead: string }> {
  return one(
    db,
    `SELECT a.id AS agreement, m.organisation_id AS lead
       FROM agreement a JOIN consortium_membership m ON m.consortium_id = a.consortium_id AND m.role = 'LEAD'
        AND m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on > $1)
      WHERE a.status = 'ACTIVE'
      ORDER BY (SELECT count(*) FROM household h WHERE h.agreement_id = a.id) DESC, a.id LIMIT 1`,
    [today],
    "ACTIVE agreement with a current lead member",
  );
}
