import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What Fedasil owes, line by line, and each line's share per consortium member. Amounts are
 * integer cents (a line is at most persons × rate, far below integer limits); sums are bigint.
 */
export class FundingLines1764200000100 implements MigrationInterface {
  name = "FundingLines1764200000100";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funding_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        household_id uuid REFERENCES household(id),
        kind text NOT NULL CHECK (kind IN ('BASE','EXTENSION','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER','ADJUSTMENT')),
        corrects_kind text CHECK (corrects_kind IN ('BASE','EXTENSION','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER')),
        corrects_line_id uuid REFERENCES funding_line(id),
        quantity integer NOT NULL DEFAULT 1,
        rate_cents integer,
        rate_schedule_id uuid REFERENCES funding_rate_schedule(id),
        amount_cents integer NOT NULL,
        due_on date NOT NULL,
        explanation text NOT NULL,
        reason text,
        settled_on date,
        settled_by_user_id uuid REFERENCES app_user(id),
        settlement_reference text,
        created_by_user_id uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'ADJUSTMENT') = (reason IS NOT NULL)),
        CHECK (kind = 'ADJUSTMENT' OR (rate_cents IS NOT NULL AND rate_schedule_id IS NOT NULL AND household_id IS NOT NULL AND quantity > 0 AND amount_cents = quantity * rate_cents)),
        CHECK ((settled_on IS NULL) = (settled_by_user_id IS NULL))
      )`);
    // The engine's lines exist once per household and kind; corrections are ADJUSTMENT lines.
    await db.query(`CREATE UNIQUE INDEX funding_line_once_per_kind_key ON funding_line (household_id, kind) WHERE kind <> 'ADJUSTMENT'`);
    await db.query(`CREATE INDEX funding_line_agreement_due_idx ON funding_line (agreement_id, due_on)`);
    await db.query(`CREATE INDEX funding_line_household_idx ON funding_line (household_id)`);
    await db.query(`
      CREATE TABLE funding_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        funding_line_id uuid NOT NULL REFERENCES funding_line(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        position integer NOT NULL,
        weight integer NOT NULL CHECK (weight >= 0),
        amount_cents integer NOT NULL,
        CONSTRAINT funding_allocation_member_key UNIQUE (funding_line_id, organisation_id)
      )`);
    await db.query(`CREATE INDEX funding_allocation_organisation_idx ON funding_allocation (organisation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funding_allocation`);
    await db.query(`DROP TABLE funding_line`);
  }
}
