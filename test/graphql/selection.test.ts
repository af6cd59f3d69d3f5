import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, Kind, parse } from "graphql";
import { nodesSelect, selects } from "../../src/graphql/selection";

/** The resolve info of the operation's first root field, as far as `selects` reads it. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe("what a field's selection reaches", () => {
  it("follows a path of fields, through inline fragments and named ones", () => {
    const info = infoOf(`{ tasks { nodes { id ... on Task { household { id } } ...More } } } fragment More on Task { agreement { reference } }`);
    expect(selects(info, ["nodes", "household"])).toBe(true);
    expect(selects(info, ["nodes", "agreement", "reference"])).toBe(true);
    expect(selects(info, ["nodes", "assigneeOrganisation"])).toBe(false);
    expect(selects(info, ["edges", "node", "household"])).toBe(false);
  });

  it("finds a connection's nodes selected as nodes or as edges' node, under any alias", () => {
    expect(nodesSelect(infoOf(`{ tasks { edges { cursor node { mine: household { id } } } } }`), "household")).toBe(true);
    expect(nodesSelect(infoOf(`{ tasks { nodes { id } } }`), "household")).toBe(false);
    expect(nodesSelect(infoOf(`{ tasks { totalCount } }`), "household")).toBe(false);
  });
});
