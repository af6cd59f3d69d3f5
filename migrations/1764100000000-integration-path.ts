import type { MigrationInterface, QueryRunner } from "typeorm";

const CATEGORIES = `('HOUSING','ADMINISTRATION','INCOME','EDUCATION','HEALTH','INTEGRATION','COOPERATION')`;

/** The integration path: task templates, the responsibility matrix, tasks with their history, hand-overs, cooperation events. */
export class IntegrationPath1764100000000 implements MigrationInterface {
  name = "IntegrationPath1764100000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE task_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT task_template_code_key UNIQUE,
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        title_nl text NOT NULL,
        title_fr text NOT NULL,
        title_en text NOT NULL,
        due_anchor text NOT NULL CHECK (due_anchor IN ('ACCOMPANIMENT_START','ACCOMPANIMENT_END')),
        due_offset_months integer NOT NULL DEFAULT 0,
        due_offset_days integer NOT NULL DEFAULT 0,
        per_school_age_child boolean NOT NULL DEFAULT false,
        key_moment text CHECK (key_moment IN ('ARRIVAL','MONTH_3','MONTH_6','END')),
        sort_order integer NOT NULL DEFAULT 0,
        retired_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE agreement_responsibility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agreement_responsibility_category_key UNIQUE (agreement_id, category)
      )`);
    await db.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        household_id uuid REFERENCES household(id),
        template_id uuid REFERENCES task_template(id),
        person_id uuid REFERENCES person(id),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        title text,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','BLOCKED','DONE','CANCELLED','NOT_APPLICABLE')),
        status_reason text,
        assignee_organisation_id uuid NOT NULL REFERENCES organisation(id),
        assignee_user_id uuid REFERENCES app_user(id),
        done_at timestamptz,
        done_by_user_id uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (template_id IS NOT NULL OR title IS NOT NULL)
      )`);
    // registerArrival creates each template's task once per household (and per child for school enrolment).
    await db.query(`CREATE UNIQUE INDEX task_generated_once_key ON task (household_id, template_id, COALESCE(person_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE template_id IS NOT NULL`);
    await db.query(`CREATE INDEX task_household_idx ON task (household_id, due_on)`);
    await db.query(`CREATE INDEX task_assignee_due_idx ON task (assignee_organisation_id, status, due_on)`);
    await db.query(`CREATE INDEX task_agreement_idx ON task (agreement_id)`);
    await db.query(`
      CREATE TABLE task_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user(id),
        actor_organisation_id uuid REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('CREATED','ASSIGNED','STATUS_CHANGED','DUE_DATE_CHANGED','COMMENTED','HANDOVER_PROPOSED','HANDOVER_ACCEPTED','HANDOVER_DECLINED','HANDOVER_WITHDRAWN')),
        from_status text,
        to_status text,
        from_organisation_id uuid REFERENCES organisation(id),
        to_organisation_id uuid REFERENCES organisation(id),
        from_due_on date,
        to_due_on date,
        note text
      )`);
    await db.query(`CREATE INDEX task_event_task_idx ON task_event (task_id, occurred_at)`);
    await db.query(`
      CREATE TABLE task_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        author_user_id uuid NOT NULL REFERENCES app_user(id),
        author_organisation_id uuid NOT NULL REFERENCES organisation(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX task_comment_task_idx ON task_comment (task_id, created_at)`);
    await db.query(`
      CREATE TABLE handover (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        from_organisation_id uuid NOT NULL REFERENCES organisation(id),
        to_organisation_id uuid NOT NULL REFERENCES organisation(id),
        proposed_by_user_id uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','ACCEPTED','DECLINED','WITHDRAWN')),
        message text,
        decline_reason text,
        decided_by_user_id uuid REFERENCES app_user(id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_organisation_id <> to_organisation_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX handover_one_open_per_task_key ON handover (task_id) WHERE status = 'PROPOSED'`);
    await db.query(`CREATE INDEX handover_to_organisation_idx ON handover (to_organisation_id, status)`);
    await db.query(`
      CREATE TABLE cooperation_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        kind text NOT NULL CHECK (kind IN ('FEEDBACK','KEY_MOMENT_REPORT','MEETING','EVALUATION')),
        occurred_on date NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text,
        decisions text[] NOT NULL DEFAULT '{}',
        participant_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        key_moment text CHECK (key_moment IN ('ARRIVAL','MONTH_3','MONTH_6','END')),
        recorded_by_user_id uuid NOT NULL REFERENCES app_user(id),
        recorded_by_organisation_id uuid NOT NULL REFERENCES organisation(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'KEY_MOMENT_REPORT') = (key_moment IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX cooperation_event_agreement_idx ON cooperation_event (agreement_id, occurred_on)`);
    await db.query(`
      CREATE TABLE cooperation_event_household (
        cooperation_event_id uuid NOT NULL REFERENCES cooperation_event(id),
        household_id uuid NOT NULL REFERENCES household(id),
        PRIMARY KEY (cooperation_event_id, household_id)
      )`);
    await db.query(`CREATE INDEX cooperation_event_household_idx ON cooperation_event_household (household_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ["cooperation_event_household", "cooperation_event", "handover", "task_comment", "task_event", "task", "agreement_responsibility", "task_template"]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
