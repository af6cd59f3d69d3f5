import type { Database } from "../../../src/database/database";
import { toGlobalId } from "../../../src/graphql/global-id";

/** Inserts a row straight into the database (fixtures stand outside what the tests exercise). */
export async function insertRow(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const [{ id }] = await db.manager.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

export interface MemberRow {
  given_name: string;
  birth_date: string;
  relationship: string;
  resettled?: boolean;
}

/** A household with its members (the first is the head unless said otherwise). */
export async function insertHousehold(db: Database, agreementId: string, reference: string, household: Record<string, unknown>, members: MemberRow[]): Promise<string> {
  const id = await insertRow(db, "household", { agreement_id: agreementId, reference, ...household });
  for (const member of members) await insertRow(db, "person", { household_id: id, family_name: "Fixture", sex: "X", ...member });
  return id;
}

export const gid = (type: string, key: string): string => toGlobalId(type, key);

export const count = async (db: Database, table: string): Promise<number> =>
  (await db.manager.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

/** Row counts of every table a household mutation may write, to prove that a refused one wrote nothing. */
export async function footprint(db: Database): Promise<Record<string, number>> {
  const tables = ["household", "person", "accommodation", "audit_event", "idempotency_record"];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(db, table)])));
}

export const userErrorCodes = (payload: { userErrors: Array<{ code: string; field: string[] }> }): string[] =>
  payload.userErrors.map((e) => `${e.field.join(".")}:${e.code}`);
