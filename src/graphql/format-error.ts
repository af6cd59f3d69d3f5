import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "../database/unavailable";
import { databaseUnavailable } from "./database-outage";
import { QUERY_TOO_COMPLEX, exceededLimit } from "./hardening";

/** Codes of errors the client caused and can act on: their message is shown as is. */
const EXPOSED_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "THROTTLED",
  "SERVICE_UNAVAILABLE",
  QUERY_TOO_COMPLEX,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** graphql-js hints at names close to a wrong one ("Did you mean "x"?"): that maps the schema. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Errors the client can act on keep their message and code (without a stack: it is their
 * mistake, not ours; in production without suggestions either). Anything else is an internal
 * fault: logged with its detail, answered with a generic message (never a stack or SQL text in
 * production). An unreachable database is no fault of the request: SERVICE_UNAVAILABLE, retryable.
 */
export function errorFormatter(logger: Logger, exposeDetail: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = exceededLimit(error);
    if (limit) {
      const message = formatted.message.replace(/^Syntax Error: /, "").replace("more that", "more than");
      return { message, locations: formatted.locations, extensions: { code: QUERY_TOO_COMPLEX, limit } };
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: unwrapResolverError(error), path: formatted.path }, "the database cannot be reached");
      return databaseUnavailable(formatted.path);
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && EXPOSED_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const message = exposeDetail ? formatted.message : formatted.message.replace(SUGGESTION, "");
      return { ...formatted, message, extensions };
    }
    const original = unwrapResolverError(error);
    logger.error({ err: original, path: formatted.path }, "internal error while resolving a request");
    return {
      message: exposeDetail && original instanceof Error ? original.message : "Internal server error.",
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", ...(exposeDetail ? { stacktrace: formatted.extensions?.stacktrace } : {}) },
    };
  };
}
