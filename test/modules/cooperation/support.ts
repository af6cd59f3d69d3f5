import type { Database } from "../../../src/database/database";
import type { TestApp } from "../../support/test-app";
import { count, insertRow } from "../households/fixtures";

export const RECORD = `
  mutation Record($input: RecordCooperationEventInput!) {
    recordCooperationEvent(input: $input) {
      cooperationEvent {
        id kind occurredOn title summary decisions keyMoment createdAt
        agreement { reference }
        households { reference }
        participants { name }
        recordedBy { displayName }
        recordedByOrganisation { name }
      }
      completedTasks { id status doneAt }
      userErrors { field code message }
    }
  }`;

/** Records an event as `subject` and returns the whole response. */
export const record = (t: TestApp, input: Record<string, unknown>, subject: string) => t.gql(RECORD, { input }, subject);

/** Row counts of every table recording an event may write, to prove that a refused one wrote nothing. */
export async function footprint(db: Database): Promise<Record<string, number>> {
  const tables = ["cooperation_event", "cooperation_event_household", "audit_event", "idempotency_record", "task_event"];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(db, table)])));
}

/** A task template of its own (independent of the standard path's migration). */
export const insertTemplate = (db: Database, code: string, keyMoment: string | null) =>
  insertRow(db, "task_template", {
    code,
    category: "COOPERATION",
    title_nl: code,
    title_fr: code,
    title_en: code,
    due_anchor: "ACCOMPANIMENT_START",
    key_moment: keyMoment,
  });

/** A household's task made from a template, assigned to a member. */
export const insertTask = (db: Database, row: { agreement: string; household: string; template: string; assignee: string; status?: string }) =>
  insertRow(db, "task", {
    agreement_id: row.agreement,
    household_id: row.household,
    template_id: row.template,
    category: "COOPERATION",
    due_on: "2026-06-01",
    status: row.status ?? "OPEN",
    assignee_organisation_id: row.assignee,
  });
