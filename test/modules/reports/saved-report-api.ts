/** GraphQL operations and footprints for the saved-report tests. */
import { keyOf } from "../../../src/graphql/global-id";
import type { TestApp } from "../../support/test-app";
import { USERS, type World } from "../../support/world";
import { count, gid, insertRow } from "../households/fixtures";

const FILTER = "agreementIds organisationIds organisationKinds provinces arrivalRoutes arrivedFrom arrivedTo householdStatuses taskCategories taskStatuses";
export const REPORT = `id name version ownedByViewer owner { id } sharedWith { id } definition { dimensions measures filter { ${FILTER} } }`;
const ERRORS = "userErrors { field code message }";
const SAVE = `mutation($input: SaveReportInput!) { saveReport(input: $input) { savedReport { ${REPORT} } ${ERRORS} } }`;
const SHARE = `mutation($input: ShareReportInput!) { shareReport(input: $input) { savedReport { ${REPORT} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteReportInput!) { deleteReport(input: $input) { deletedReportId ${ERRORS} } }`;
const LIST = `query($ownedByMe: Boolean, $first: Int, $after: String) {
  savedReports(first: $first, after: $after, ownedByMe: $ownedByMe) { totalCount nodes { ${REPORT} } pageInfo { hasNextPage endCursor } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on SavedReport { ${REPORT} } ... on User { displayName role } } }`;

/** Token subject of an evaluator next to the test world's. */
export const SECOND_EVALUATOR = "evaluator-2";

/** Adds the second evaluator; returns its global id. */
export async function seedSecondEvaluator(t: TestApp, world: World): Promise<string> {
  const key = await insertRow(t.app.db, "app_user", { subject: SECOND_EVALUATOR, display_name: "Second evaluator", role: "EVALUATOR", organisation_id: world.organisations.evaluators });
  return gid("User", key);
}

export interface Report {
  id: string;
  name: string;
  version: number;
  ownedByViewer: boolean;
  [field: string]: unknown;
}

/** A filter as it reads back: every condition not given is null. */
export const filterOf = (given: Record<string, unknown>) => ({ ...Object.fromEntries(FILTER.split(" ").map((name) => [name, null])), ...given });

export const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
export const errorCodes = (payload: { userErrors: Array<{ code: string; field: string[] }> }): string[] => payload.userErrors.map((e) => `${e.field.join(".")} ${e.code}`);

export function savedReportApi(t: TestApp) {
  return {
    save: (input: Record<string, unknown>, subject: string = USERS.evaluator) => t.gql(SAVE, { input }, subject),
    share: (report: { id: string; version: number }, userIds: string[], subject: string = USERS.evaluator) =>
      t.gql(SHARE, { input: { reportId: report.id, expectedVersion: report.version, userIds } }, subject),
    remove: (report: { id: string; version: number }, subject: string = USERS.evaluator) => t.gql(DELETE, { input: { reportId: report.id, expectedVersion: report.version } }, subject),
    list: (subject: string = USERS.evaluator, ownedByMe?: boolean, page: { first?: number; after?: string } = { first: 50 }) => t.gql(LIST, { ownedByMe, ...page }, subject),
    async node(id: string, subject: string = USERS.evaluator) {
      const res = await t.gql(NODE, { id }, subject);
      expect(res.errors).toBeUndefined();
      return res.data.node;
    },
    /** Saves a report that must be accepted. */
    async create(name: string, subject: string = USERS.evaluator): Promise<Report> {
      const res = await t.gql(SAVE, { input: { name, definition: { dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS"] } } }, subject);
      expect(res.data.saveReport.userErrors).toEqual([]);
      return res.data.saveReport.savedReport;
    },
  };
}

/** Row counts and versions of all a saved-report mutation writes: a refused one leaves them as they were. */
export async function savedReportFootprint(t: TestApp): Promise<Record<string, unknown>> {
  const tables = ["saved_report", "saved_report_share", "audit_event", "idempotency_record"];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(t.app.db, table)])));
  const rows = await t.app.db.manager.query(`SELECT id, name, version, definition FROM saved_report ORDER BY id`);
  return { ...counts, rows };
}

/** The audit trail of one saved report, oldest first. */
export async function auditTrail(t: TestApp, report: { id: string }): Promise<Array<{ action: string; before: any; after: any }>> {
  const key = keyOf(report.id, "SavedReport");
  return t.app.db.manager.query(`SELECT action, before, after FROM audit_event WHERE subject_type = 'SavedReport' AND subject_id = $1 ORDER BY occurred_at, id`, [key]);
}

export const auditActions = async (t: TestApp, report: { id: string }): Promise<string[]> => (await auditTrail(t, report)).map((event) => event.action);
