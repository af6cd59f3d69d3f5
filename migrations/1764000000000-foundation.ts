import type { MigrationInterface, QueryRunner } from "typeorm";

/** The core of the programme: organisations, users, consortia, agreements, households, audit. */
export class Foundation1764000000000 implements MigrationInterface {
  name = "Foundation1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('CITY','MUNICIPALITY','PCSW','NGO','FEDASIL','EVALUATOR','OTHER')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        enterprise_number char(10) NOT NULL CONSTRAINT organisation_enterprise_number_key UNIQUE,
        postal_code char(4) NOT NULL,
        municipality text NOT NULL,
        province text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL CONSTRAINT app_user_subject_key UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('PARTNER_STAFF','PARTNER_COORDINATOR','FEDASIL_STAFF','FEDASIL_ADMIN','EVALUATOR')),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX app_user_organisation_idx ON app_user (organisation_id)`);
    await db.query(`
      CREATE TABLE consortium (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE consortium_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consortium_id uuid NOT NULL REFERENCES consortium(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        role text NOT NULL CHECK (role IN ('LEAD','MEMBER')),
        joined_on date NOT NULL,
        left_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX consortium_membership_open_key ON consortium_membership (consortium_id, organisation_id) WHERE left_on IS NULL`);
    await db.query(`CREATE INDEX consortium_membership_organisation_idx ON consortium_membership (organisation_id)`);
    await db.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consortium_id uuid NOT NULL REFERENCES consortium(id),
        reference text NOT NULL CONSTRAINT agreement_reference_key UNIQUE,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','ACTIVE','ENDED','TERMINATED')),
        signed_on date,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        fedasil_contact_id uuid REFERENCES app_user(id),
        ended_on date,
        end_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`);
    await db.query(`CREATE INDEX agreement_consortium_idx ON agreement (consortium_id)`);
    await db.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        reference text NOT NULL CONSTRAINT household_reference_key UNIQUE,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_ACCOMPANIMENT','EXTENDED','COMPLETED','EXITED')),
        arrival_route text CHECK (arrival_route IN ('DIRECT','VIA_RECEPTION')),
        expected_arrival_on date,
        arrived_on date,
        accompaniment_starts_on date,
        accompaniment_ends_on date,
        extended_on date,
        exited_on date,
        exit_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX household_agreement_idx ON household (agreement_id)`);
    await db.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        given_name text NOT NULL,
        family_name text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('FEMALE','MALE','X')),
        relationship text NOT NULL CHECK (relationship IN ('HEAD','PARTNER','CHILD','PARENT','SIBLING','GRANDCHILD','OTHER_RELATIVE','OTHER')),
        resettled boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX person_household_idx ON person (household_id)`);
    await db.query(`CREATE UNIQUE INDEX person_one_head_key ON person (household_id) WHERE relationship = 'HEAD'`);
    await db.query(`
      CREATE TABLE accommodation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        street_address text NOT NULL,
        postal_code char(4) NOT NULL,
        municipality text NOT NULL,
        available_from date NOT NULL,
        available_until date,
        monthly_rent_cents integer CHECK (monthly_rent_cents >= 0),
        landlord_kind text NOT NULL CHECK (landlord_kind IN ('SOCIAL_HOUSING','PCSW','PRIVATE','NGO','OTHER')),
        short_stay_acknowledged boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (available_until IS NULL OR available_until > available_from)
      )`);
    await db.query(`CREATE INDEX accommodation_household_idx ON accommodation (household_id, available_from)`);
    await db.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_organisation_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        consortium_id uuid,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, occurred_at)`);
    await db.query(`CREATE INDEX audit_event_consortium_idx ON audit_event (consortium_id, occurred_at)`);
    await db.query(`
      CREATE TABLE idempotency_record (
        user_id uuid NOT NULL,
        operation text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        result_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_record_pkey PRIMARY KEY (user_id, operation, idempotency_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ["idempotency_record", "audit_event", "accommodation", "person", "household", "agreement", "consortium_membership", "consortium", "app_user", "organisation"]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
