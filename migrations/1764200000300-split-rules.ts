import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How a consortium divides its funding: split rules per agreement (or one household), their
 * weights per member and optionally per kind, and the members' approvals.
 */
export class SplitRules1764200000300 implements MigrationInterface {
  name = "SplitRules1764200000300";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE split_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        household_id uuid REFERENCES household(id),
        effective_from date NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','APPROVED','REJECTED','SUPERSEDED')),
        proposed_by_user_id uuid NOT NULL REFERENCES app_user(id),
        took_effect_at timestamptz,
        rejected_by_user_id uuid REFERENCES app_user(id),
        rejection_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL AND rejected_by_user_id IS NOT NULL)),
        CHECK ((status IN ('APPROVED','SUPERSEDED')) = (took_effect_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX split_rule_agreement_idx ON split_rule (agreement_id, effective_from)`);
    await db.query(`
      CREATE TABLE split_rule_weight (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        split_rule_id uuid NOT NULL REFERENCES split_rule(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text CHECK (kind IN ('BASE','EXTENSION','DIRECT_ARRIVAL_HEAD','DIRECT_ARRIVAL_MEMBER')),
        weight integer NOT NULL CHECK (weight >= 0),
        position integer NOT NULL,
        CONSTRAINT split_rule_weight_once_key UNIQUE NULLS NOT DISTINCT (split_rule_id, organisation_id, kind)
      )`);
    await db.query(`
      CREATE TABLE split_rule_approval (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        split_rule_id uuid NOT NULL REFERENCES split_rule(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        approved_by_user_id uuid NOT NULL REFERENCES app_user(id),
        approved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT split_rule_approval_once_key UNIQUE (split_rule_id, organisation_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE split_rule_approval`);
    await db.query(`DROP TABLE split_rule_weight`);
    await db.query(`DROP TABLE split_rule`);
  }
}
