import { GraphQLError } from "graphql";

/** Codes of top-level errors, carried in `extensions.code`. */
export type TopLevelErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "THROTTLED"
  | "INTERNAL_SERVER_ERROR"
  | "SERVICE_UNAVAILABLE";

function topLevel(code: TopLevelErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export const unauthenticated = (): GraphQLError =>
  topLevel("UNAUTHENTICATED", "Authentication required: send a valid bearer token.");

export const forbidden = (): GraphQLError =>
  topLevel("FORBIDDEN", "Your role does not allow this operation.");

/** The same answer whether the object does not exist or the viewer may not see it. */
export const notFound = (): GraphQLError => topLevel("NOT_FOUND", "No such object.");

export const badUserInput = (message: string): GraphQLError => topLevel("BAD_USER_INPUT", message);
