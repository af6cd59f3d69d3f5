import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext } from "graphql";
import type { Config } from "../config/config";
import { costLimitRule } from "./query-cost";

/** The code of every rejection by a limit below: the client should ask for less per request. */
export const QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

/** The directives limit is not configurable: no operation of ours needs more than a few. */
const MAX_DIRECTIVES = 50;

const LIMITS = ["maxDepth", "maxAliases", "maxDirectives", "maxTokens", "maxCost"] as const;
type Limit = (typeof LIMITS)[number];

/** graphql-js's own wording when `parseOptions.maxTokens` stops the parser ("that" sic in v16). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens/;

/**
 * Cheap rejections before execution. Depth, aliases and directives are graphql-armor's
 * validation rules; cost is our own rule (armor's counts a page size passed as a variable as 1);
 * tokens are counted by graphql-js's parser (armor's token plugin turns every syntax error into
 * a 500). Introspection is exempt from depth and cost so the IDE works; production turns it off.
 */
export function hardening(limits: Config["limits"]) {
  const rejectAs = (limit: Limit) => ({
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, error.message))],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...rejectAs("maxDepth") },
    maxAliases: { n: limits.maxAliases, ...rejectAs("maxAliases") },
    maxDirectives: { n: MAX_DIRECTIVES, ...rejectAs("maxDirectives") },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are removed from every message by the error formatter, not only field names.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins,
    validationRules: [...validationRules, costLimitRule(limits.maxCost, (message) => limitError("maxCost", message))],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

function limitError(limit: Limit, message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ""), { extensions: { code: QUERY_TOO_COMPLEX, limit } });
}

/**
 * The limit a request-level error reports, if it is a limit rejection. Apollo re-codes every
 * validation error as GRAPHQL_VALIDATION_FAILED and every parse error as GRAPHQL_PARSE_FAILED;
 * the error formatter uses this to give them their own code back.
 */
export function exceededLimit(error: unknown): Limit | null {
  if (!(error instanceof GraphQLError)) return null;
  const limit = LIMITS.find((name) => name === error.extensions?.limit);
  return limit ?? (TOKEN_LIMIT_MESSAGE.test(error.message) ? "maxTokens" : null);
}
