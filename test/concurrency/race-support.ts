/** Firing many clients at once at one object, and judging what each was told. */
import type { Database } from "../../src/database/database";
import type { GraphQLResponse } from "../support/test-app";

export const BACKEND = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";
/** Room for a setup or a round of races on a busy 2-core machine. */
export const PATIENCE = 180_000;

export interface Payload {
  userErrors: Array<{ code: string; message: string; field: string[] }>;
  [field: string]: unknown;
}

/**
 * Sends every request at once and answers each one's mutation payload. No client may get a
 * non-200, a top-level error (an internal fault, a raw database error) or an error without a message.
 */
export async function race(requests: ReadonlyArray<() => Promise<GraphQLResponse>>): Promise<Payload[]> {
  const responses = await Promise.all(requests.map((send) => send()));
  for (const response of responses) expect({ status: response.status, errors: response.errors }).toEqual({ status: 200, errors: undefined });
  const payloads = responses.map((response) => Object.values(response.data as Record<string, Payload>)[0]);
  for (const payload of payloads) for (const error of payload.userErrors) expect(error.message).toMatch(/\w/);
  return payloads;
}

/** "ok" or the first user error's code. */
export const outcomeOf = (payload: Payload): string => payload.userErrors[0]?.code ?? "ok";

/** The indexes of the racers that won; `losers` must all have been told one of these codes. */
export function winnersOf(payloads: Payload[], loserCodes: readonly string[] = ["CONFLICT"]): number[] {
  const outcomes = payloads.map(outcomeOf);
  for (const outcome of outcomes) expect(["ok", ...loserCodes]).toContain(outcome);
  return outcomes.flatMap((outcome, i) => (outcome === "ok" ? [i] : []));
}

/** The audit trail of these objects as "action Subject" lines, sorted. */
export async function auditsOf(db: Database, subjectKeys: string[]): Promise<string[]> {
  const rows: Array<{ line: string }> = await db.manager.query(
    `SELECT action || ' ' || subject_type AS line FROM audit_event WHERE subject_id = ANY($1::uuid[]) ORDER BY 1`,
    [subjectKeys],
  );
  return rows.map((row) => row.line);
}
