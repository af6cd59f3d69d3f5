import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the selection below the current field reaches `path`, through fragments: e.g.
 * `selects(info, ["nodes", "household"])`. Directives are not evaluated, so a field that
 * `@skip` leaves out still counts: a list then reads along what nobody shows, which costs little.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    fields = fields.flatMap((field) => (field.selectionSet ? fieldsNamed(field.selectionSet, name, info) : []));
    if (fields.length === 0) return false;
  }
  return true;
}

/** Whether a connection's nodes (as `nodes` or `edges { node }`) select `field`. */
export function nodesSelect(info: GraphQLResolveInfo, field: string): boolean {
  return selects(info, ["nodes", field]) || selects(info, ["edges", "node", field]);
}

function fieldsNamed(set: SelectionSetNode, name: string, info: GraphQLResolveInfo): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name ? [selection] : [];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
    return fragment ? fieldsNamed(fragment.selectionSet, name, info) : [];
  });
}
