import { ApolloServer } from "@apollo/server";
import { GraphQLBoolean, GraphQLError, GraphQLInputObjectType, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { compiledExecution } from "../../src/graphql/compiled-execution";

/**
 * Compiled execution answers as graphql-js would where graphql-jit on its own does not: input
 * defaults, variable errors Apollo recognises as BAD_USER_INPUT, resolver errors with their code
 * and location, and faults without a code.
 */
describe("compiled execution", () => {
  const greeting = new GraphQLInputObjectType({
    name: "Greeting",
    fields: { name: { type: new GraphQLNonNull(GraphQLString) }, polite: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false } },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        greet: {
          type: GraphQLString,
          args: { greeting: { type: new GraphQLNonNull(greeting) } },
          resolve: (_root, { greeting: { name, polite } }) => `${polite ? "Dear" : "Hi"} ${name}`,
        },
        hello: { type: GraphQLString, resolve: () => "hello" },
        refused: {
          type: GraphQLString,
          resolve: () => {
            throw new GraphQLError("Not yours.", { extensions: { code: "FORBIDDEN" } });
          },
        },
        broken: {
          type: GraphQLString,
          resolve: () => {
            throw new Error("boom");
          },
        },
      },
    }),
  });
  let server: ApolloServer;

  beforeAll(async () => {
    server = new ApolloServer({ gateway: compiledExecution(schema) });
    await server.start();
  });
  afterAll(() => server.stop());

  const run = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await server.executeOperation({ query, variables });
    if (body.kind !== "single") throw new Error("expected a single result");
    return body.singleResult;
  };

  it("fills an input field's default from the schema", async () => {
    const answer = await run("query($g: Greeting!) { greet(greeting: $g) }", { g: { name: "Amal" } });
    expect(answer).toEqual({ data: { greet: "Hi Amal" } });
  });

  it("answers a variable of the wrong shape with BAD_USER_INPUT and runs nothing", async () => {
    const answer = await run("query($g: Greeting!) { greet(greeting: $g) }", { g: { polite: true } });
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0].message).toMatch(/^Variable "\$g" got invalid value/);
  });

  it("keeps a resolver error's code, path and location", async () => {
    const answer = await run("{ hello refused }");
    expect(answer.data).toEqual({ hello: "hello", refused: null });
    expect(answer.errors).toEqual([expect.objectContaining({ message: "Not yours.", path: ["refused"], locations: [{ line: 1, column: 9 }], extensions: { code: "FORBIDDEN" } })]);
  });

  it("answers an unexpected fault as INTERNAL_SERVER_ERROR on its field", async () => {
    const answer = await run("{ broken }");
    expect(answer.data).toEqual({ broken: null });
    expect(answer.errors).toEqual([expect.objectContaining({ message: "boom", path: ["broken"], extensions: expect.objectContaining({ code: "INTERNAL_SERVER_ERROR" }) })]);
  });
});
