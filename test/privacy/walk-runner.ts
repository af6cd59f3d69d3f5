import { createHash } from "node:crypto";
import type { GraphQLResponse, TestApp } from "../support/test-app";
import type { WalkQuery } from "./schema-walk";

export interface Answer {
  query: WalkQuery;
  response: GraphQLResponse;
  /** For a probe: the answer to the same query with the decoy value. */
  decoyResponse?: GraphQLResponse;
}

/**
 * Sends every query (and its decoy) as `subject`, a few at a time; answers in the walk's order.
 * A query the server turns down as BAD_USER_INPUT is sent again with its alternatives until one passes.
 */
export async function runWalk(t: TestApp, queries: WalkQuery[], subject: string, withDecoys: boolean): Promise<Answer[]> {
  const answers: Answer[] = new Array(queries.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < queries.length; i = next++) {
      let query = queries[i];
      let response = await t.gql(query.query, query.variables, subject);
      for (const alternative of query.alternatives ?? []) {
        if (!codesOf(response).includes("BAD_USER_INPUT")) break;
        query = { ...query, query: alternative };
        response = await t.gql(query.query, query.variables, subject);
      }
      const decoyResponse = withDecoys && query.probe ? await t.gql(query.query, query.probe.decoyVariables, subject) : undefined;
      answers[i] = { query, response, decoyResponse };
    }
  };
  await Promise.all(Array.from({ length: 2 }, worker));
  return answers;
}

/** An answer as text, with `value` (what the client itself sent) written as a placeholder. */
export function textOf(response: GraphQLResponse, value?: string): string {
  const text = JSON.stringify({ data: response.data, errors: response.errors });
  return value ? text.split(value).join("<PROBE>") : text;
}

/** Which of `values` the text holds, in any case. */
export function valuesIn(text: string, values: string[]): string[] {
  const lower = text.toLowerCase();
  return values.filter((value) => lower.includes(value.toLowerCase()));
}

/** Every object in an answer's data, depth first. */
export function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (value && typeof value === "object") {
    yield value as Record<string, unknown>;
    for (const item of Object.values(value)) yield* objectsIn(item);
  }
}

/** The top-level error codes of an answer. */
export const codesOf = (response: GraphQLResponse): string[] => (response.errors ?? []).map((e) => String(e.extensions?.code));

/** A well-formed uuid that no row has, the same on every run for the same seed. */
export function madeUpKey(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
