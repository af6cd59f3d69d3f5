import type { MigrationInterface, QueryRunner } from "typeorm";

const KINDS = `('BASE','EXTENSION','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER')`;

/**
 * The programme's initial rates in cents (DESIGN: Funding rules). Dated 2016-01-01 so that it
 * lies before the start of any agreement and household recorded in thuis: a line takes the
 * schedule in force on its due date, and a line due before the first schedule would have no rate
 * at all. Later changes of the terms come as new schedules with their own effective dates.
 * Written here rather than imported from the code, so the migration stays what it was.
 */
const INITIAL_EFFECTIVE_FROM = "2016-01-01";
const INITIAL_RATES: Record<string, number> = {
  BASE: 300000,
  EXTENSION: 60000,
  DIRECT_ARRIVAL_HEAD: 200000,
  DIRECT_ARRIVAL_MEMBER: 50000,
};

/** Dated funding rate schedules: one per effective date, one positive rate of each of the four kinds. */
export class FundingRateSchedules1764200000000 implements MigrationInterface {
  name = "FundingRateSchedules1764200000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funding_rate_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        effective_from date NOT NULL CONSTRAINT funding_rate_schedule_effective_from_key UNIQUE,
        note text CHECK (length(note) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE funding_rate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_id uuid NOT NULL REFERENCES funding_rate_schedule(id),
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        amount_cents integer NOT NULL CHECK (amount_cents > 0),
        CONSTRAINT funding_rate_kind_key UNIQUE (schedule_id, kind)
      )`);
    // Checked at commit, once the schedule's rates are written: a schedule lacking a kind never lands.
    await db.query(`
      CREATE FUNCTION funding_rate_schedule_complete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM funding_rate WHERE schedule_id = NEW.id) <> 4 THEN
          RAISE EXCEPTION 'funding rate schedule % needs one rate of each of the four kinds', NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER funding_rate_schedule_complete AFTER INSERT ON funding_rate_schedule
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funding_rate_schedule_complete()`);
    // One statement: the schedule and its rates land together even outside a transaction.
    await db.query(
      `WITH schedule AS (INSERT INTO funding_rate_schedule (effective_from, note) VALUES ($1, $2) RETURNING id)
       INSERT INTO funding_rate (schedule_id, kind, amount_cents)
       SELECT schedule.id, rate.kind, rate.amount_cents FROM schedule, unnest($3::text[], $4::int[]) AS rate (kind, amount_cents)`,
      [INITIAL_EFFECTIVE_FROM, "The programme's initial rates.", Object.keys(INITIAL_RATES), Object.values(INITIAL_RATES)],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funding_rate`);
    await db.query(`DROP TABLE funding_rate_schedule`);
    await db.query(`DROP FUNCTION funding_rate_schedule_complete()`);
  }
}
