import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  getNullableType,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination";

/**
 * An upper bound of the objects an operation can make the server produce: every field costs 1,
 * and what is selected below a list counts once per item the list may hold — a page's
 * `first`/`last` (20 when left out; 100 when passed as a variable whose value is not known, as in
 * validation), or the length of a list argument such as `nodes(ids:)`. Lists without such an
 * argument (a household's members) are small by nature and count once.
 */
export function operationCost(context: CostContext, selections: SelectionSetNode, root: GraphQLNamedType, variables?: Variables): number {
  const fragmentCosts = new Map<string, number>();

  const fragmentCost = (fragment: FragmentDefinitionNode): number => {
    const name = fragment.name.value;
    if (!fragmentCosts.has(name)) {
      fragmentCosts.set(name, 0); // a cycle (reported by graphql's own rule) counts nothing
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      fragmentCosts.set(name, type ? setCost(fragment.selectionSet, type) : 0);
    }
    return fragmentCosts.get(name)!;
  };

  const setCost = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent;
        total += setCost(selection.selectionSet, type ?? parent);
      } else {
        const fragment = context.getFragment(selection.name.value);
        total += fragment ? fragmentCost(fragment) : 0;
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType): number => {
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    if (!field.selectionSet || !definition) return 1;
    return 1 + itemsPerParent(definition, field, variables) * setCost(field.selectionSet, getNamedType(definition.type));
  };

  return setCost(selections, root);
}

/** The cost of an operation about to run: its variables' page sizes and lists as asked, not the worst case. */
export function requestedCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, given: Variables = {}): number {
  const fragments = new Map(document.definitions.flatMap((node) => (node.kind === Kind.FRAGMENT_DEFINITION ? [[node.name.value, node] as const] : [])));
  const context = { getSchema: () => schema, getFragment: (name: string) => fragments.get(name) };
  // Values that do not fit their types fail the operation before execution: count those as unknown.
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], given);
  return operationCost(context, operation.selectionSet, schema.getRootType(operation.operation)!, coerced);
}

/** What the cost needs of a validation context; `requestedCost` builds it from a validated document. */
type CostContext = Pick<ValidationContext, "getSchema" | "getFragment">;
type Variables = Record<string, unknown>;

function itemsPerParent(definition: GraphQLField<unknown, unknown>, field: FieldNode, variables?: Variables): number {
  if (definition.args.some((arg) => arg.name === "first" || arg.name === "last")) {
    const sizes = ["first", "last"].map((name) => argumentValue(field, name)).filter((value) => value !== undefined);
    return sizes.length === 0 ? DEFAULT_PAGE_SIZE : Math.max(...sizes.map((value) => pageSize(value!, variables)));
  }
  const listArgument = definition.args.find((arg) => isListType(getNullableType(arg.type)));
  const value = listArgument && argumentValue(field, listArgument.name);
  if (!value) return 1;
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind !== Kind.VARIABLE) return 1;
  if (!variables) return MAX_PAGE_SIZE;
  const list = variables[value.name.value];
  return Array.isArray(list) ? Math.min(MAX_PAGE_SIZE, list.length) : 1;
}

function argumentValue(field: FieldNode, name: string): ValueNode | undefined {
  return field.arguments?.find((arg) => arg.name.value === name)?.value;
}

function pageSize(value: ValueNode, variables?: Variables): number {
  if (value.kind === Kind.VARIABLE) return variables ? askedSize(variables[value.name.value]) : MAX_PAGE_SIZE;
  if (value.kind === Kind.INT) return askedSize(Number(value.value));
  return value.kind === Kind.NULL ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
}

/** Over 100 or under 0 is refused by the list itself, with a clearer message than a cost. */
function askedSize(size: unknown): number {
  if (typeof size === "number") return Math.min(MAX_PAGE_SIZE, Math.max(0, size));
  return size === undefined || size === null ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
}

/** Rejects, before execution, each operation whose cost is over `maxCost`. */
export function costLimitRule(maxCost: number, reject: (message: string) => GraphQLError) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      const cost = root ? operationCost(context, operation.selectionSet, root) : 0;
      if (cost > maxCost) context.reportError(reject(`Query cost limit of ${maxCost} exceeded, found ${cost}.`));
    },
  });
}
