/**
 * The columns the scale seed writes, with their PostgreSQL types, table by table in the order of
 * the foreign keys (a table only refers to tables above it). The shapes are the migrations'.
 */
type PgType = "uuid" | "text" | "date" | "timestamptz" | "int" | "bool" | "text[]" | "uuid[]";

const STAMPS = { created_at: "timestamptz", updated_at: "timestamptz" } as const;
const VERSIONED = { version: "int", ...STAMPS } as const;

export const TABLE_COLUMNS = {
  organisation: { id: "uuid", kind: "text", name: "text", enterprise_number: "text", postal_code: "text", municipality: "text", province: "text", ...STAMPS },
  app_user: { id: "uuid", subject: "text", display_name: "text", role: "text", organisation_id: "uuid", created_at: "timestamptz" },
  consortium: { id: "uuid", name: "text", ...STAMPS },
  consortium_membership: { id: "uuid", consortium_id: "uuid", organisation_id: "uuid", role: "text", joined_on: "date", left_on: "date", ...VERSIONED },
  agreement: {
    id: "uuid", consortium_id: "uuid", reference: "text", status: "text", signed_on: "date", starts_on: "date", ends_on: "date", capacity: "int",
    fedasil_contact_id: "uuid", ended_on: "date", end_reason: "text", ...VERSIONED,
  },
  split_rule: { id: "uuid", agreement_id: "uuid", effective_from: "date", status: "text", proposed_by_user_id: "uuid", took_effect_at: "timestamptz", ...VERSIONED },
  split_rule_weight: { id: "uuid", split_rule_id: "uuid", organisation_id: "uuid", kind: "text", weight: "int", position: "int" },
  split_rule_approval: { id: "uuid", split_rule_id: "uuid", organisation_id: "uuid", approved_by_user_id: "uuid", approved_at: "timestamptz" },
  household: {
    id: "uuid", agreement_id: "uuid", reference: "text", status: "text", arrival_route: "text", expected_arrival_on: "date", arrived_on: "date",
    accompaniment_starts_on: "date", accompaniment_ends_on: "date", extended_on: "date", exited_on: "date", exit_reason: "text", ...VERSIONED,
  },
  person: { id: "uuid", household_id: "uuid", given_name: "text", family_name: "text", birth_date: "date", sex: "text", relationship: "text", resettled: "bool", ...STAMPS },
  accommodation: {
    id: "uuid", household_id: "uuid", street_address: "text", postal_code: "text", municipality: "text", available_from: "date", available_until: "date",
    monthly_rent_cents: "int", landlord_kind: "text", short_stay_acknowledged: "bool", ...STAMPS,
  },
  task: {
    id: "uuid", agreement_id: "uuid", household_id: "uuid", template_id: "uuid", person_id: "uuid", category: "text", title: "text", due_on: "date", status: "text",
    status_reason: "text", assignee_organisation_id: "uuid", assignee_user_id: "uuid", done_at: "timestamptz", done_by_user_id: "uuid", ...VERSIONED,
  },
  task_event: {
    id: "uuid", task_id: "uuid", occurred_at: "timestamptz", actor_user_id: "uuid", actor_organisation_id: "uuid", kind: "text", from_status: "text", to_status: "text",
    from_organisation_id: "uuid", to_organisation_id: "uuid", from_due_on: "date", to_due_on: "date", note: "text",
  },
  task_comment: { id: "uuid", task_id: "uuid", author_user_id: "uuid", author_organisation_id: "uuid", body: "text", created_at: "timestamptz" },
  handover: {
    id: "uuid", task_id: "uuid", from_organisation_id: "uuid", to_organisation_id: "uuid", proposed_by_user_id: "uuid", status: "text", message: "text",
    decline_reason: "text", decided_by_user_id: "uuid", decided_at: "timestamptz", ...VERSIONED,
  },
  cooperation_event: {
    id: "uuid", agreement_id: "uuid", kind: "text", occurred_on: "date", title: "text", summary: "text", decisions: "text[]", participant_organisation_ids: "uuid[]",
    key_moment: "text", recorded_by_user_id: "uuid", recorded_by_organisation_id: "uuid", ...STAMPS,
  },
  cooperation_event_household: { cooperation_event_id: "uuid", household_id: "uuid" },
  funding_line: {
    id: "uuid", agreement_id: "uuid", household_id: "uuid", kind: "text", corrects_kind: "text", quantity: "int", rate_cents: "int", rate_schedule_id: "uuid",
    amount_cents: "int", due_on: "date", explanation: "text", reason: "text", settled_on: "date", settled_by_user_id: "uuid", settlement_reference: "text",
    created_by_user_id: "uuid", ...VERSIONED,
  },
  funding_allocation: { id: "uuid", funding_line_id: "uuid", organisation_id: "uuid", position: "int", weight: "int", amount_cents: "int" },
} satisfies Record<string, Record<string, PgType>>;

export type TableName = keyof typeof TABLE_COLUMNS;

/** A row of a table: its columns by name; those left out are NULL. */
export type Row<T extends TableName> = { [C in keyof (typeof TABLE_COLUMNS)[T]]?: unknown };

export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

export const columnsOf = (table: TableName): Array<[string, PgType]> => Object.entries(TABLE_COLUMNS[table]) as Array<[string, PgType]>;
