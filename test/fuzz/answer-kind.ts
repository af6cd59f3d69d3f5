import type { GraphQLResponse } from "../support/test-app";

/**
 * What the server made of an input: turned down before running (a variable or validation
 * error), refused (not found, not allowed), answered with user errors, or accepted.
 */
export type AnswerKind = "rejected" | "refused" | "userErrors" | "accepted";

/** Request-level codes for input the client must fix: the operation never ran. */
const REJECTED = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST", "PAYLOAD_TOO_LARGE", "QUERY_TOO_COMPLEX"]);
const REFUSED = new Set(["NOT_FOUND", "FORBIDDEN"]);

/** Words of a database or runtime error that must never reach a client, even behind a client's code. */
const LEAKED = /violates .*constraint|QueryFailedError|invalid input syntax|out of range for type|invalid byte sequence|\bat \S+\.[jt]s:\d+/i;

/** The kind of an answer to mutation `field`, or what is wrong with it (a fault, a leak, a mixed answer). */
export function answerKind(response: GraphQLResponse, field: string): AnswerKind | { problem: string } {
  const text = JSON.stringify({ data: response.data, errors: response.errors });
  if (response.status >= 500) return { problem: `status ${response.status}` };
  if (LEAKED.test(text)) return { problem: "database or stack text in the answer" };
  const errors = response.errors ?? [];
  if (errors.some((e) => e.extensions?.stacktrace)) return { problem: "a stack trace in the answer" };
  const codes = errors.map((e) => String(e.extensions?.code));
  if (errors.length > 0) {
    if (response.data?.[field]) return { problem: `errors ${codes.join(", ")} beside a payload` };
    if (codes.every((c) => REJECTED.has(c)) && response.status === 400) return "rejected";
    if (codes.every((c) => REFUSED.has(c) || c === "BAD_USER_INPUT") && response.status === 200) return codes.some((c) => REFUSED.has(c)) ? "refused" : "rejected";
    return { problem: `codes ${codes.join(", ")} with status ${response.status}` };
  }
  const payload = response.data?.[field];
  if (!payload || !Array.isArray(payload.userErrors)) return { problem: "no payload" };
  if (payload.userErrors.length === 0) return "accepted";
  const results = Object.entries(payload).filter(([name, value]) => name !== "userErrors" && value !== null && typeof value === "object" && !(Array.isArray(value) && value.length === 0));
  return results.length > 0 ? { problem: `user errors beside a result (${results.map(([name]) => name).join(", ")})` } : "userErrors";
}
