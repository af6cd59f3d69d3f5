import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the selection below the current field reaches `path`, through fragments: e.g.
 * `selects(info, ["nodes", "household"])`. Directives are not evaluated, so a field that
 * `@skip` leaves out still counts: a list then reads along what nobody shows, which costs little.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return fieldsAt(info, path).length > 0;
}

/** Whether a connection's nodes (as `nodes` or `edges { node }`) select `field`. */
export function nodesSelect(info: GraphQLResolveInfo, field: string): boolean {
  return selects(info, ["nodes", field]) || selects(info, ["edges", "node", field]);
}

/**
 * The names of the fields a connection's nodes select (as `nodes` or `edges { node }`), or those
 * of the object at `path` below the nodes; through fragments, whatever their type condition.
 */
export function nodeFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  return [...new Set([...fieldNames(info, ["nodes", ...path]), ...fieldNames(info, ["edges", "node", ...path])])];
}

/** The names of the fields selected of the object at `path` below the current field, through fragments. */
export function fieldNames(info: GraphQLResolveInfo, path: readonly string[]): string[] {
  const names = fieldsAt(info, path).flatMap((field) => (field.selectionSet ? fieldsIn(field.selectionSet, info) : [])).map((field) => field.name.value);
  return [...new Set(names)];
}

/**
 * `work` on a field's selection, done once per field node: Apollo keeps parsed documents, so the
 * same node comes back with every request of the same operation and always selects the same.
 * A field merged from several nodes is worked out each time: a node of a fragment may be merged
 * with different ones where the fragment is spread.
 */
export function oncePerSelection<T>(work: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const known = new WeakMap<FieldNode, T>();
  return (info) => {
    if (info.fieldNodes.length > 1) return work(info);
    const [node] = info.fieldNodes;
    if (!known.has(node)) known.set(node, work(info));
    return known.get(node)!;
  };
}

function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): readonly FieldNode[] {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) fields = fields.flatMap((field) => (field.selectionSet ? fieldsNamed(field.selectionSet, name, info) : []));
  return fields;
}

function fieldsNamed(set: SelectionSetNode, name: string, info: GraphQLResolveInfo): FieldNode[] {
  return fieldsIn(set, info).filter((field) => field.name.value === name);
}

/** The fields of a selection set, those of its fragments included. */
function fieldsIn(set: SelectionSetNode, info: GraphQLResolveInfo): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return fragment ? fieldsIn(fragment.selectionSet, info) : [];
  });
}
