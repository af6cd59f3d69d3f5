import { type GraphQLNamedType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema, getNamedType, getNullableType, isEnumType, isListType, isObjectType, isScalarType } from "graphql";
import { type Override, type Position, type WalkInputs, argsText, enumValues, positions, typeFromName } from "./walk-arguments";

export type { WalkInputs } from "./walk-arguments";

/**
 * Queries generated from the schema, so that a new root field, object field, filter or report
 * dimension is walked without anyone listing it: every scalar and enum reachable within a number
 * of levels of objects with an identity (connections, rows, totals and amounts do not count),
 * required arguments filled, and one variant per value worth probing in every argument and filter field.
 */

export interface WalkQuery {
  root: string;
  /** The root field's own query, down to every level; else a variant. */
  whole: boolean;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Tried in order while the server answers BAD_USER_INPUT: the same variant with other required values. */
  alternatives?: string[];
  /** A probe with a real value: the same query with `decoy` variables must answer the same for who may not see it. */
  probe?: { typeName: string | null; real: string; decoy: string; decoyVariables: Record<string, unknown> };
}

const DECOY_TEXT = "zz-nothing-matches";
/** Connections and edges wrap a list. */
const isWrapper = (type: GraphQLNamedType) => /(Connection|Edge)$/.test(type.name);
/** Objects with an identity (Node, or an interface of them): each is a level; values such as Money, rows or totals are not. */
const isEntity = (type: GraphQLNamedType) => (isObjectType(type) ? type.getInterfaces().some((i) => i.name === "Node") : !isScalarType(type) && !isEnumType(type));

/**
 * One query per root field selecting `levels.whole` levels, then its variants (each probe, enum
 * value, boolean) selecting `levels.variants`: what an argument changes shows in the objects it
 * returns. A variant the server may turn down as a combination (a task filter on a household
 * measure) carries alternatives: each other value of the required enum lists, in turn.
 */
export function walkQueries(schema: GraphQLSchema, rootType: "query" | "mutation", levels: { whole: number; variants: number }, inputs: WalkInputs): WalkQuery[] {
  const root = rootType === "query" ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {}).flatMap((field) => {
    const select = (depth: number) => selectionOf(schema, field.type, depth, inputs);
    const [whole, shallow] = [select(levels.whole), select(levels.variants)];
    const operation = (overrides: Override[], variable?: Position, selection = shallow) =>
      `${rootType}${variable ? `($probe: ${String(variable.type)})` : ""} { ${field.name}${argsText(field.args, inputs, schema, overrides)} ${selection} }`;
    const all = positions(field.args);
    const requiredLists = all.filter((p) => p.required && isEnumType(getNamedType(p.type)) && isListType(getNullableType(p.type)));
    const variant = (position: Position, override: Override, label: string, extra: Partial<WalkQuery> = {}): WalkQuery => {
      const variable = override.text === "$probe" ? position : undefined;
      const others = requiredLists.filter((other) => other !== position).map((other) => enumValues(other).map((value) => ({ path: other.path, text: `[${value}]` })));
      // Round robin over the lists: the second value of each, then the third of each...
      const alternatives = Array.from({ length: Math.max(0, ...others.map((o) => o.length)) }, (_, i) => others.flatMap((o) => o.slice(i, i + 1)))
        .flat()
        .slice(others.length)
        .map((other) => operation([override, other], variable));
      return { root: field.name, whole: false, label: `${field.name}(${position.path.join(".")}${label})`, query: operation([override], variable), variables: {}, alternatives, ...extra };
    };
    const queries: WalkQuery[] = [{ root: field.name, whole: true, label: field.name, query: operation([], undefined, whole), variables: {} }];
    for (const position of all) {
      const probe = { path: position.path, text: "$probe" };
      const wrap = (value: string) => (isListType(getNullableType(position.type)) ? [value] : value);
      const leaf = getNamedType(position.type);
      if (leaf.name === "ID") {
        for (const { typeName, id } of inputs.probeIds(typeFromName(schema, position.name))) {
          const decoy = inputs.decoyId(typeName);
          const probed = { typeName, real: id, decoy, decoyVariables: { probe: wrap(decoy) } };
          queries.push(variant(position, probe, `=${typeName}`, { variables: { probe: wrap(id) }, probe: probed }));
        }
      } else if (leaf.name === "String" && position.nested) {
        for (const text of inputs.searchTexts) {
          const probed = { typeName: null, real: text, decoy: DECOY_TEXT, decoyVariables: { probe: wrap(DECOY_TEXT) } };
          queries.push(variant(position, probe, "~text", { variables: { probe: wrap(text) }, probe: probed }));
        }
      } else {
        for (const text of literalsToTry(leaf, position)) queries.push(variant(position, { path: position.path, text }, `=${text}`));
      }
    }
    return queries;
  });
}

/** What a field of `type` selects: every field down to `levels` levels of objects with an identity; nothing for a scalar or enum. */
export function selectionOf(schema: GraphQLSchema, type: GraphQLOutputType, levels: number, inputs: WalkInputs): string {
  const named = getNamedType(type);
  return isScalarType(named) || isEnumType(named) ? "" : selectionSet(schema, named, isEntity(named) ? 1 : 0, levels, inputs, [named.name]);
}

/** Every enum value alone; booleans both ways when they filter. */
function literalsToTry(leaf: GraphQLNamedType, position: Position): string[] {
  const list = isListType(getNullableType(position.type));
  if (isEnumType(leaf)) return leaf.getValues().map((v) => (list ? `[${v.name}]` : v.name));
  if (leaf.name === "Boolean" && position.nested) return ["true", "false"];
  return [];
}


/**
 * Every field of `type` at `level` (1: the root field's objects), objects down to `levels` but
 * none of a type already on `path` (the way back up); an interface's types each in a fragment.
 */
function selectionSet(schema: GraphQLSchema, type: GraphQLNamedType, level: number, levels: number, inputs: WalkInputs, path: string[], aliased = new Set<string>()): string {
  if (!isObjectType(type)) {
    const possible = schema.getPossibleTypes(type as Parameters<GraphQLSchema["getPossibleTypes"]>[0]);
    const clashes = clashingFields(possible);
    return `{ __typename ${possible.map((t) => `... on ${t.name} ${selectionSet(schema, t, level, levels, inputs, [...path, t.name], clashes)}`).join(" ")} }`;
  }
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    // An edge's node is also in the connection's `nodes`.
    if (type.name.endsWith("Edge") && field.name === "node") continue;
    const name = aliased.has(field.name) ? `${field.name}_${type.name}: ${field.name}` : field.name;
    const named = getNamedType(field.type);
    const args = argsText(field.args, inputs, schema, []);
    if (isScalarType(named) || isEnumType(named)) {
      parts.push(`${name}${args}`);
      continue;
    }
    const next = isEntity(named) ? level + 1 : level;
    if (next <= levels && !path.includes(named.name)) parts.push(`${name}${args} ${selectionSet(schema, named, next, levels, inputs, [...path, named.name])}`);
  }
  return `{ ${parts.join(" ")} }`;
}

/** Fields that types behind one interface name alike but type differently: each gets an alias, or the query is invalid. */
function clashingFields(types: readonly GraphQLObjectType[]): Set<string> {
  const typeOf = new Map<string, string>();
  const clashes = new Set<string>();
  for (const field of types.flatMap((t) => Object.values(t.getFields()))) {
    const seen = typeOf.get(field.name);
    if (seen !== undefined && seen !== String(field.type)) clashes.add(field.name);
    typeOf.set(field.name, String(field.type));
  }
  return clashes;
}

/**
 * The types whose objects are about a person: Household and Person, the types with a field
 * (one object or a plain list, not a connection) of those, and the types with a single field of
 * any of these (a task's comment, a task's hand-over).
 */
export function personalTypes(schema: GraphQLSchema): Set<string> {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name));
  const objects = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith("__") && !isWrapper(t) && !roots.has(t.name));
  const persons = new Set(["Household", "Person"]);
  const fieldsOf = (t: (typeof objects)[number]) => Object.values(t.getFields());
  const personal = new Set([...persons, ...objects.filter((t) => fieldsOf(t).some((f) => persons.has(getNamedType(f.type).name))).map((t) => t.name)]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const t of objects) {
      const single = fieldsOf(t).filter((f) => !isListType(getNullableType(f.type)));
      if (!personal.has(t.name) && single.some((f) => personal.has(getNamedType(f.type).name))) {
        personal.add(t.name);
        grown = true;
      }
    }
  }
  return personal;
}
