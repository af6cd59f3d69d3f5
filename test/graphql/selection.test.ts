import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, Kind, parse } from "graphql";
import { fieldNames, nodeFieldNames, nodesSelect, oncePerSelection, selects } from "../../src/graphql/selection";

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

  it("names the fields a connection's nodes select, or an object below them, once each, through fragments", () => {
    const info = infoOf(`{ tasks { nodes { id status ... on Task { status dueOn } ...Owner } edges { node { title } } } } fragment Owner on Task { assigneeOrganisation { id name } }`);
    expect(nodeFieldNames(info).sort()).toEqual(["assigneeOrganisation", "dueOn", "id", "status", "title"]);
    expect(nodeFieldNames(info, ["assigneeOrganisation"])).toEqual(["id", "name"]);
    expect(nodeFieldNames(info, ["household"])).toEqual([]);
  });

  it("names the fields of an object at a path of plain fields, once each, through fragments", () => {
    const info = infoOf(`{ fundingStatement { byMember { organisation { id name } } ...Members } } fragment Members on FundingStatement { byMember { organisation { name province } } }`);
    expect(fieldNames(info, ["byMember", "organisation"])).toEqual(["id", "name", "province"]);
    expect(fieldNames(info, ["byAgreement", "agreement"])).toEqual([]);
  });

  it("works a selection out once per field node, and anew for another node", () => {
    const work = jest.fn((info: GraphQLResolveInfo) => nodeFieldNames(info));
    const names = oncePerSelection(work);
    const first = infoOf(`{ tasks { nodes { id } } }`);
    expect(names(first)).toEqual(["id"]);
    expect(names({ ...first } as GraphQLResolveInfo)).toEqual(["id"]);
    expect(names(infoOf(`{ tasks { nodes { status } } }`))).toEqual(["status"]);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it("works a field merged from several nodes out each time: the same node may be merged with others elsewhere", () => {
    const names = oncePerSelection((info: GraphQLResolveInfo) => nodeFieldNames(info));
    const alone = infoOf(`{ tasks { nodes { id } } }`);
    const other = infoOf(`{ tasks { nodes { status } } }`);
    expect(names(alone)).toEqual(["id"]);
    expect(names({ ...alone, fieldNodes: [...alone.fieldNodes, ...other.fieldNodes] } as GraphQLResolveInfo)).toEqual(["id", "status"]);
  });
});
