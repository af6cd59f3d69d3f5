import { type GraphQLSchema, GraphQLError, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { buildThuisSchema } from "../../src/graphql/schema";
import { costLimitRule, operationCost, requestedCost } from "../../src/graphql/query-cost";

describe("query cost", () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildThuisSchema();
  });

  function costOf(query: string): number {
    let cost = Number.NaN;
    validate(schema, parse(query), [
      (context) => ({
        OperationDefinition(operation) {
          cost = operationCost(context, operation.selectionSet, context.getSchema().getRootType(operation.operation)!);
        },
      }),
    ]);
    return cost;
  }

  it("counts each field once outside lists", () => {
    expect(costOf(`{ viewer { roles user { displayName } } }`)).toBe(1 + 1 + 1 + 1);
    expect(costOf(`{ __typename }`)).toBe(1);
  });

  it("multiplies what is under a page by its size: literal, default 20, or 100 for a variable", () => {
    expect(costOf(`{ organisations(first: 5) { nodes { name kind } } }`)).toBe(1 + 5 * (1 + 2));
    expect(costOf(`{ organisations(last: 7) { nodes { name } } }`)).toBe(1 + 7 * 2);
    expect(costOf(`{ organisations { nodes { name } } }`)).toBe(1 + 20 * 2);
    expect(costOf(`{ organisations(first: null) { nodes { name } } }`)).toBe(1 + 20 * 2);
    expect(costOf(`query($n: Int) { organisations(first: $n) { nodes { name } } }`)).toBe(1 + 100 * 2);
    // Over 100 is refused by the list itself; the cost counts it as 100.
    expect(costOf(`{ organisations(first: 5000) { nodes { name } } }`)).toBe(1 + 100 * 2);
  });

  it("multiplies by the number of ids asked of nodes(ids:)", () => {
    expect(costOf(`{ nodes(ids: ["a", "b", "c"]) { id } }`)).toBe(1 + 3 * 1);
    expect(costOf(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`)).toBe(1 + 100 * 1);
  });

  it("counts fragments where they are spread, and a fragment spread many times only costs its own work to compute", () => {
    expect(costOf(`{ organisations(first: 2) { nodes { ...o } } } fragment o on Organisation { name kind }`)).toBe(1 + 2 * (1 + 2));
    expect(costOf(`{ node(id: "x") { ... on Organisation { name kind } } }`)).toBe(1 + 2);
    // 2^30 spreads if expanded naively: must still answer at once.
    const levels = Array.from({ length: 30 }, (_, i) => `fragment f${i} on Query { ${i === 29 ? "__typename" : `a: viewer { roles } ...f${i + 1} ...f${i + 1}`} }`);
    const started = Date.now();
    expect(costOf(`{ ...f0 } ${levels.join(" ")}`)).toBeGreaterThan(2 ** 29);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("survives fragment cycles (graphql's own rule reports them)", () => {
    expect(costOf(`{ ...a } fragment a on Query { viewer { roles } ...b } fragment b on Query { ...a }`)).toBe(2);
  });

  it("counts a page size out of range as the list will take it: 0 below, 100 above", () => {
    expect(costOf(`{ organisations(first: -5) { nodes { name } } }`)).toBe(1);
  });

  describe("of an operation about to run", () => {
    const requested = (query: string, variables?: Record<string, unknown>) => {
      const document = parse(query);
      const operation = document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)!;
      return requestedCost(schema, document, operation, variables);
    };

    it("takes the page sizes and lists its variables ask for, and their defaults", () => {
      const query = `query($n: Int, $m: Int = 7, $ids: [ID!]!) { organisations(first: $n) { nodes { name } } a: organisations(last: $m) { nodes { name } } nodes(ids: $ids) { id } }`;
      expect(requested(query, { n: 3, ids: ["a", "b"] })).toBe(1 + 3 * 2 + (1 + 7 * 2) + (1 + 2 * 1));
      expect(requested(query, { n: null, m: 500, ids: "a" })).toBe(1 + 20 * 2 + (1 + 100 * 2) + (1 + 1 * 1));
    });

    it("counts what fragments spread, as validation does", () => {
      expect(requested(`query($n: Int) { ...q } fragment q on Query { organisations(first: $n) { nodes { name } } }`, { n: 4 })).toBe(1 + 4 * 2);
    });

    it("falls back to the worst case when the variables do not fit their types (the operation will fail)", () => {
      expect(requested(`query($n: Int) { organisations(first: $n) { nodes { name } } }`, { n: "many" })).toBe(1 + 100 * 2);
    });
  });

  it("reports an operation over the limit through the given error", () => {
    const rule = costLimitRule(10, (message) => new GraphQLError(message, { extensions: { code: "QUERY_TOO_COMPLEX" } }));
    const errors = validate(schema, parse(`{ organisations(first: 5) { nodes { name } } }`), [rule]);
    expect(errors.map((error) => error.message)).toEqual(["Query cost limit of 10 exceeded, found 11."]);
    expect(validate(schema, parse(`{ organisations(first: 4) { nodes { name } } }`), [rule])).toEqual([]);
  });
});
