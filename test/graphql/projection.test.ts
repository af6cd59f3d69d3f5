import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { propertiesRead } from "../../src/graphql/projection";
import { buildThuisSchema } from "../../src/graphql/schema";
import { ORGANISATION_FIELD_NEEDS, Organisation } from "../../src/modules/organisations/organisation.entity";
import { Task } from "../../src/modules/tasks/task.entity";

describe("the properties a list's selected fields read", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildThuisSchema();
  });

  it("are the plain properties named like the fields; id and __typename need only the key", () => {
    expect(propertiesRead(schema, Task, ["id", "__typename", "category", "dueOn", "category"])).toEqual(["category", "dueOn"]);
    expect(propertiesRead(schema, Task, ["id"])).toEqual([]);
  });

  it("are what a field's needs list, for a field resolver or a getter", () => {
    expect(propertiesRead(schema, Task, ["status", "isOverdue"], { isOverdue: ["status", "dueOn"] })).toEqual(["status", "dueOn"]);
    expect(propertiesRead(schema, Organisation, ["name", "enterpriseNumber"], ORGANISATION_FIELD_NEEDS)).toEqual(["name", "enterpriseNumberDigits"]);
  });

  it("are everything (null) as soon as one field has a resolver or getter nobody described, or is unknown", () => {
    expect(propertiesRead(schema, Task, ["category", "assigneeOrganisation"])).toBeNull();
    expect(propertiesRead(schema, Organisation, ["name", "enterpriseNumber"])).toBeNull();
    expect(propertiesRead(schema, Task, ["category", "noSuchField"])).toBeNull();
  });
});
