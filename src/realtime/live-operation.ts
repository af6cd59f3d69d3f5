import { type DocumentNode, GraphQLError, type GraphQLSchema, type ParseOptions, type ValidationRule, getOperationAST, parse, specifiedRules, validate } from "graphql";

/** The hardening of HTTP requests (src/graphql/hardening.ts), applied to WebSocket operations too. */
export interface OperationLimits {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * A subscription's document, parsed and validated under the same limits as an HTTP request,
 * or the errors to answer with (coded as Apollo codes them over HTTP). Queries and mutations
 * are refused: they go over HTTP, through its logging, idempotency and embedded-database gate.
 */
export function subscriptionDocument(schema: GraphQLSchema, limits: OperationLimits, query: string, operationName?: string | null): DocumentNode | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query, limits.parseOptions);
  } catch (error) {
    return [coded(error as GraphQLError, "GRAPHQL_PARSE_FAILED")];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length > 0) return invalid.map((error) => coded(error, "GRAPHQL_VALIDATION_FAILED"));
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return [new GraphQLError("Unable to identify the operation: name one with operationName.", { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })];
  }
  if (operation.operation !== "subscription") {
    return [new GraphQLError("Only subscriptions are served over WebSocket: send queries and mutations to /graphql over HTTP.", { extensions: { code: "BAD_REQUEST" } })];
  }
  return document;
}

/** An error with a code, keeping one it already has (the limits' QUERY_TOO_COMPLEX). */
function coded(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * A header's value from where a WebSocket client puts it: graphql-ws clients in their
 * `connectionParams` ({ Authorization: "Bearer …" }), GraphiQL in each operation's
 * `extensions.headers`. Names are matched without regard to case.
 */
export function headerIn(carrier: unknown, name: string): string | undefined {
  if (!carrier || typeof carrier !== "object") return undefined;
  const entry = Object.entries(carrier).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}

/** How many bytes a size in express's notation ("100kb", "1mb", "5000b") stands for. */
export function byteCount(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!match) throw new Error(`not a size: ${size}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as "b" | "kb" | "mb"];
}
