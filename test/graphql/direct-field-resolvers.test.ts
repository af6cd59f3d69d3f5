import "reflect-metadata";
import { type GraphQLSchema, graphql, isObjectType } from "graphql";
import { Arg, Ctx, Field, FieldResolver, type MiddlewareFn, ObjectType, Query, Resolver, Root, UseMiddleware, buildSchema } from "type-graphql";
import { callFieldResolversDirectly } from "../../src/graphql/direct-field-resolvers";

@ObjectType()
class DirectTestShelter {
  @Field() name: string;

  get shouted(): string {
    return this.name.toUpperCase();
  }
}

const seen: string[] = [];
const noting: MiddlewareFn = async (_data, next) => {
  seen.push("middleware");
  return next();
};

@Resolver(() => DirectTestShelter)
class DirectTestShelterResolver {
  @Query(() => [DirectTestShelter])
  shelters(): object[] {
    // One instance of its class, one plain object that the wrapper converts to one.
    return [Object.assign(new DirectTestShelter(), { name: "klein kasteeltje" }), { name: "petit-château" }];
  }

  @FieldResolver(() => String)
  greeting(@Root() shelter: DirectTestShelter, @Ctx() ctx: { language: string }): string {
    return `${ctx.language}: ${shelter.shouted}`;
  }

  @FieldResolver(() => String)
  capacity(@Root() shelter: DirectTestShelter, @Arg("persons", { validate: false }) persons: number): string {
    return `${shelter.name} ${persons}`;
  }

  @FieldResolver(() => String)
  @UseMiddleware(noting)
  noted(@Root() shelter: DirectTestShelter): string {
    return shelter.name;
  }
}

const fieldsOf = (schema: GraphQLSchema) => {
  const type = schema.getType("DirectTestShelter");
  if (!isObjectType(type)) throw new Error("no DirectTestShelter");
  return type.getFields();
};

describe("field resolvers called directly", () => {
  let wrapped: GraphQLSchema;
  let direct: GraphQLSchema;

  beforeAll(async () => {
    wrapped = await buildSchema({ resolvers: [DirectTestShelterResolver], validate: false });
    direct = await buildSchema({ resolvers: [DirectTestShelterResolver], validate: false });
    callFieldResolversDirectly(direct, [DirectTestShelterResolver]);
  });

  it("replaces only the resolvers that take nothing but the root, context and info, and have no middleware", () => {
    // Each build makes new wrappers, so their source stands for them.
    const source = (schema: GraphQLSchema, field: string) => String(fieldsOf(schema)[field].resolve);
    expect(source(direct, "greeting")).not.toBe(source(wrapped, "greeting"));
    expect(source(direct, "capacity")).toBe(source(wrapped, "capacity"));
    expect(source(direct, "noted")).toBe(source(wrapped, "noted"));
  });

  it("answers as type-graphql's wrapper does, converting a root that is not yet of its class", async () => {
    const source = "{ shelters { name greeting capacity(persons: 4) noted } }";
    const run = (schema: GraphQLSchema) => graphql({ schema, source, contextValue: { language: "nl" } });
    seen.length = 0;
    const expected = await run(wrapped);
    expect(seen).toEqual(["middleware", "middleware"]);
    seen.length = 0;
    const answered = await run(direct);
    expect(seen).toEqual(["middleware", "middleware"]);
    expect(answered).toEqual(expected);
    expect(answered.data).toEqual({
      shelters: [
        { name: "klein kasteeltje", greeting: "nl: KLEIN KASTEELTJE", capacity: "klein kasteeltje 4", noted: "klein kasteeltje" },
        { name: "petit-château", greeting: "nl: PETIT-CHÂTEAU", capacity: "petit-château 4", noted: "petit-château" },
      ],
    });
  });
});
