import type { Pool } from "pg";

/** Every household the benchmark makes has this reference prefix (after the seed's in any order), and goes again afterwards. */
export const BENCH_REFERENCE_PREFIX = "ZZ-BENCH-";

/**
 * PLANNED households for registerArrival, each used once: 1 to 4 persons (n mod 4), a head and
 * a partner born in the 1980s, a child of school age and a toddler, so each arrival creates
 * the path's tasks (school enrolment included for half of them) and DIRECT funding lines.
 */
export class ArrivalQueue {
  private keys: string[] = [];
  private next = 0;
  private made = 0;

  constructor(private readonly db: Pool, private readonly agreementKey: string, private readonly today: string, private readonly tag: string) {}

  /** The next unused household, or null when all are used. */
  take(): string | null {
    return this.next < this.keys.length ? this.keys[this.next++] : null;
  }

  get remaining(): number {
    return this.keys.length - this.next;
  }

  /** Makes sure at least `count` unused households wait (one statement). */
  async fill(count: number): Promise<void> {
    const missing = count - this.remaining;
    if (missing <= 0) return;
    const year = Number(this.today.slice(0, 4));
    const { rows } = await this.db.query(
      `WITH made AS (
         INSERT INTO household (agreement_id, reference, status, expected_arrival_on)
         SELECT $1, $2 || lpad(n::text, 7, '0'), 'PLANNED', $3::date FROM generate_series($4::int, $5::int) n
         RETURNING id, right(reference, 7)::int AS n
       ), members AS (
         INSERT INTO person (household_id, given_name, family_name, birth_date, sex, relationship, resettled)
         SELECT made.id, m.given_name, 'Bench', m.birth_date, m.sex, m.relationship, TRUE
           FROM made JOIN (VALUES (0, 'Amina', DATE '1984-03-01', 'FEMALE', 'HEAD'), (1, 'Yusuf', DATE '1982-07-15', 'MALE', 'PARTNER'),
                                  (2, 'Lina', make_date($6 - 10, 1, 1), 'FEMALE', 'CHILD'), (3, 'Omar', make_date($6 - 2, 1, 1), 'MALE', 'CHILD'))
                          AS m (i, given_name, birth_date, sex, relationship) ON m.i <= made.n % 4
       )
       SELECT id FROM made ORDER BY n`,
      [this.agreementKey, `${BENCH_REFERENCE_PREFIX}${this.tag}-`, this.today, this.made + 1, this.made + missing, year],
    );
    this.made += missing;
    this.keys.push(...rows.map((row: { id: string }) => row.id));
  }
}

/** What removing the benchmark's households deletes, in order, and by which column (funding allocations go with their lines). */
const REMOVED = [
  ["audit_event", "subject_id"],
  ["task_event", "task_id"],
  ["task_comment", "task_id"],
  ["handover", "task_id"],
  ["task", "id"],
  ["funding_line", "id"],
  ["person", "id"],
  ["household", "id"],
] as const;

/**
 * Removes every household the benchmark made, with all that arrivals wrote about them (tasks and
 * their history, funding lines and allocations, audit events), so the database is as seeded.
 */
export async function removeBenchHouseholds(db: Pool): Promise<number> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `CREATE TEMPORARY TABLE bench_gone ON COMMIT DROP AS
         SELECT id FROM household WHERE reference LIKE $1
         UNION ALL SELECT t.id FROM task t JOIN household h ON h.id = t.household_id WHERE h.reference LIKE $1
         UNION ALL SELECT l.id FROM funding_line l JOIN household h ON h.id = l.household_id WHERE h.reference LIKE $1
         UNION ALL SELECT p.id FROM person p JOIN household h ON h.id = p.household_id WHERE h.reference LIKE $1`,
      [`${BENCH_REFERENCE_PREFIX}%`],
    );
    let households = 0;
    for (const [table, column] of REMOVED) {
      households = (await client.query(`DELETE FROM ${table} WHERE ${column} IN (SELECT id FROM bench_gone)`)).rowCount ?? 0;
    }
    await client.query("COMMIT");
    // Thousands of deleted tasks sit at the head of the busiest member's open work (they were due
    // soonest): until vacuumed, every later read of it steps over them (raw (b) ran at 400–520
    // statements a second after a full run had removed 12,545 households, 1,129 once vacuumed).
    if (households > 0) await client.query(`VACUUM (ANALYZE) ${[...REMOVED.map(([table]) => table), "funding_allocation"].join(", ")}`);
    return households;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
