import type { Database } from "../../../src/database/database";
import { withCheckDigits } from "../../../src/modules/organisations/enterprise-number";
import type { GraphQLResponse, TestApp } from "../../support/test-app";
import { USERS } from "../../support/world";

/** Roles that may read consortia and agreements but not change them, with a user of Gent's for each partner role. */
export const CANNOT_MANAGE = [USERS.fedasilStaff, USERS.evaluator, USERS.gentCoordinator, USERS.gentStaff] as const;

/**
 * Rows and versions of everything consortia and agreements write, with the audit trail and
 * idempotency records: equal before and after means a refused mutation wrote nothing.
 */
export async function writeState(db: Database): Promise<Record<string, number>> {
  const [state] = await db.manager.query(`
    SELECT (SELECT count(*) FROM consortium)::int AS consortia,
           (SELECT coalesce(sum(version), 0) FROM consortium)::int AS consortium_versions,
           (SELECT count(*) FROM consortium_membership)::int AS memberships,
           (SELECT coalesce(sum(version), 0) FROM consortium_membership)::int AS membership_versions,
           (SELECT count(*) FROM consortium_membership WHERE left_on IS NOT NULL)::int AS ended_memberships,
           (SELECT count(*) FROM agreement)::int AS agreements,
           (SELECT coalesce(sum(version), 0) FROM agreement)::int AS agreement_versions,
           (SELECT count(*) FROM audit_event)::int AS audit_events,
           (SELECT count(*) FROM idempotency_record)::int AS idempotency_records`);
  return state;
}

export const topLevelCode = (res: GraphQLResponse): unknown => res.errors?.[0]?.extensions?.code;

/** The codes of a payload's user errors, as "field.path:CODE". */
export const userErrorsOf = (payload: { userErrors: Array<{ field: string[]; code: string }> }): string[] =>
  payload.userErrors.map((e) => `${e.field.join(".")}:${e.code}`);

let serial = 2000000;

/** A new partner organisation, created the way a Fedasil admin would; returns its global ID. */
export async function newPartner(t: TestApp, name: string, kind = "NGO"): Promise<string> {
  const res = await t.gql(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { code } } }`,
    { input: { kind, name, enterpriseNumber: withCheckDigits(String(serial++).padStart(8, "0")), postalCode: "1000", municipality: "Brussel", province: "BRUSSELS_CAPITAL" } },
    USERS.fedasilAdmin,
  );
  const created = res.data.createOrganisation;
  if (!created.organisation) throw new Error(`could not create ${name}: ${JSON.stringify(created.userErrors)}`);
  return created.organisation.id;
}

/** The raw key of an organisation's membership of a consortium (the fixtures do not return them). */
export async function membershipKey(db: Database, consortiumKey: string, organisationKey: string): Promise<string> {
  const rows = await db.manager.query(`SELECT id FROM consortium_membership WHERE consortium_id = $1 AND organisation_id = $2`, [consortiumKey, organisationKey]);
  return rows[0].id;
}
