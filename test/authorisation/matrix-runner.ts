import type { GraphQLSchema } from "graphql";
import type { Database } from "../../src/database/database";
import { fromGlobalId, toGlobalId } from "../../src/graphql/global-id";
import { selectionOf } from "../privacy/schema-walk";
import { codesOf, madeUpKey, textOf } from "../privacy/walk-runner";
import type { GraphQLResponse } from "../support/test-app";
import { type Access, ROLES, type RoleName, type Row, type Side, expected, isPartnerRole } from "./access-table";
import { today } from "./matrix-fixtures";

export type RootType = "query" | "mutation" | "subscription";

/** One cell of the matrix: a root field run as a role, on its own or another object (null: a field without one). */
export interface Case {
  field: string;
  role: RoleName;
  side: Side | null;
  expected: Access;
  label: string;
}

/** What a case sends: the field's arguments, and the global ID of the object it names (swapped for a made-up one to see what a missing object answers). */
export interface Attempt {
  args: Record<string, unknown>;
  object?: string;
}

export function casesOf(table: Record<string, Row>): Case[] {
  return Object.entries(table).flatMap(([field, row]) =>
    ROLES.flatMap((role) =>
      (row.object ? (["own", "other"] as const) : [null]).map((side) => ({
        field,
        role,
        side,
        expected: expected(row, role, side ?? "own"),
        label: `${field} as ${role}${side ? ` on ${side === "own" ? "its own" : "another's"} ${row.object}` : ""}`,
      })),
    ),
  );
}

/** A well-formed ID of the same type that names nothing. */
export const missingId = (id: string): string => toGlobalId(fromGlobalId(id)!.typeName, madeUpKey(`matrix-${fromGlobalId(id)!.typeName}`));

/** The attempt's arguments with its object swapped for a made-up one. */
export const withMissingObject = (attempt: Attempt): Record<string, unknown> =>
  JSON.parse(JSON.stringify(attempt.args).split(attempt.object!).join(missingId(attempt.object!)));

/** `query($a: T) { field(a: $a) { …every field of its objects… } }`: the argument types come from the schema. */
export function operationText(schema: GraphQLSchema, rootType: RootType, field: string, args: Record<string, unknown>): string {
  const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[rootType]!;
  const definition = root.getFields()[field];
  const given = definition.args.filter((arg) => arg.name in args);
  const variables = given.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = given.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const madeUp = (name: string | null) => toGlobalId(name ?? "Household", madeUpKey(`matrix-${name}`));
  const inputs = { date: today(), defaultId: madeUp, probeIds: () => [], searchTexts: [], decoyId: madeUp };
  return `${rootType}${variables ? `(${variables})` : ""} { ${field}${passed ? `(${passed})` : ""} ${selectionOf(schema, definition.type, 1, inputs)} }`;
}

export interface Answer {
  response: GraphQLResponse;
  /** The same operation with the object made up. */
  missing?: GraphQLResponse;
}

/**
 * What a case answered, in the table's words: UNAUTHENTICATED or FORBIDDEN by their codes;
 * NOT_FOUND when it is exactly the answer for a missing object; `allowed` for data (a mutation
 * without user errors) unlike that answer. Anything else is spelled out and matches no expectation.
 * A partner refused another consortium's object must also get the answer for a missing one.
 */
export function outcomeOf(c: Case, attempt: Attempt, answer: Answer): string {
  const code = codesOf(answer.response)[0];
  const asMissing = answer.missing !== undefined && textOf(answer.response, attempt.object) === textOf(answer.missing, missingId(attempt.object!));
  const unlikeMissing = answer.missing !== undefined && !asMissing ? " (unlike a missing object)" : "";
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return isPartnerRole(c.role) && c.side === "other" ? `${code}${unlikeMissing}` : code;
  if (asMissing) return "NOT_FOUND";
  if (code) return `${code}${unlikeMissing}: ${answer.response.errors![0].message}`;
  const userErrors = (answer.response.data?.[c.field]?.userErrors ?? []) as Array<{ code: string; field: string[]; message: string }>;
  if (userErrors.length > 0) return `user errors: ${userErrors.map((e) => `${e.field.join(".")} ${e.code} ${e.message}`).join("; ")}`;
  return "allowed";
}

/** Runs `work` over the items, `width` at a time; results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i], i);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** Per table: its row count and a sum of its rows' hashes; any write changes one of them. */
export async function footprint(db: Database): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await db.manager.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = tables.map(({ name }) => `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) AS print FROM "${name}" x`).join(" UNION ALL ");
  const rows: Array<{ name: string; print: string }> = await db.manager.query(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

/** The tables whose footprint changed. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
