import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, GraphQLError, type GraphQLSchema, getVariableValues, printSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

/**
 * Queries and mutations run as JavaScript compiled once per document (graphql-jit) instead of
 * graphql-js walking the document for every field of every answer. Apollo keeps parsed documents
 * (one object per query text), so a compiled operation is kept as long as its document is.
 * Apollo Server 5 takes a custom executor only through its gateway interface.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery>>();
  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let operations = compiled.get(document);
    if (!operations) compiled.set(document, (operations = new Map()));
    let operation = operations.get(operationName);
    if (!operation) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      operations.set(operationName, (operation = result));
    }
    return operation;
  };
  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    const compiledOperation = compiledFor(document, operationName);
    if (!isCompiledQuery(compiledOperation)) return compiledOperation;
    // graphql-js coerces the variables (input defaults included; its errors are the ones Apollo answers with BAD_USER_INPUT).
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors };
    const result = await compiledOperation.query(undefined, context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: async () => {},
  };
}

function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  return Object.defineProperty(converted, "locations", { value: error.locations, enumerable: true });
}
