import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../database/unavailable";
import type { TopLevelErrorCode } from "./errors";

const CODE: TopLevelErrorCode = "SERVICE_UNAVAILABLE";
const MESSAGE = "The database cannot be reached: try again shortly.";

/**
 * The answer for a request the database could not serve. `retryable`: the same request may
 * succeed when sent again; a mutation with the same idempotency key, in case the connection was
 * lost after its commit.
 */
export function databaseUnavailable(path?: GraphQLFormattedError["path"]): GraphQLFormattedError {
  return { message: MESSAGE, ...(path ? { path } : {}), extensions: { code: CODE, retryable: true } };
}

/** For the request's context, which fails before any plugin can set the status: the outage as a 503, anything else as it is. */
export function rethrowOutage(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  throw new GraphQLError(MESSAGE, { originalError: error as Error, extensions: { code: CODE, retryable: true, http: { status: 503 } } });
}

/** An answer with any error from an unreachable database is a 503, so load balancers and HTTP clients see it too. */
export function databaseOutagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (errors.some(isDatabaseUnavailable)) response.http.status = 503;
        },
      };
    },
  };
}
