import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";

interface Param {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}

/** Parameters passed as they come: the whole root (converted only if not yet of its class), the context, the info. */
const passedAsTheyCome = (p: Param) => (p.kind === "root" || p.kind === "context" ? p.propertyName === undefined : p.kind === "info");

/**
 * type-graphql calls each field resolver through a wrapper that, on every call, sorts and maps
 * its parameter list, checks each parameter for a promise and makes a resolver-data object: a
 * page of 20 households with their tasks makes some 650 such calls. A field resolver of a
 * resolver class that takes only @Root, @Ctx and @Info and has no middleware is called directly
 * instead, with what the wrapper would pass it. Where the root is not yet an instance of its
 * declared class (the wrapper would convert it), the wrapper runs as before. `resolvers` are the
 * classes the schema was built from: as in type-graphql, the first of them to resolve a field wins.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, resolvers: readonly Function[]): void {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  const seen = new Set<unknown>();
  for (const resolver of storage.fieldResolvers.filter((r) => r.kind === "external" && resolvers.includes(r.target))) {
    const params = [...((resolver.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    const plain = !resolver.middlewares?.length && !resolver.roles?.length && params.every(passedAsTheyCome);
    const owner = resolver.getObjectType!();
    for (const objectType of storage.objectTypes) {
      if (objectType.target !== owner && !(objectType.target.prototype instanceof owner)) continue;
      const type = schema.getType(objectType.name);
      const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
      if (!field?.resolve || seen.has(field)) continue;
      seen.add(field);
      if (plain) field.resolve = direct(instanceOf(instances, resolver.target), resolver.methodName, params, field.resolve);
    }
  }
}

/** One instance per resolver class, as type-graphql's default container makes them (they hold no state). */
function instanceOf(instances: Map<Function, object>, target: Function): Record<string, (...args: unknown[]) => unknown> {
  if (!instances.has(target)) instances.set(target, new (target as new () => object)());
  return instances.get(target) as Record<string, (...args: unknown[]) => unknown>;
}

function direct(instance: Record<string, (...args: unknown[]) => unknown>, methodName: string, params: readonly Param[], wrapped: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  const method = instance[methodName];
  const rootClass = params.find((p) => p.kind === "root")?.getType?.();
  const converts = typeof rootClass === "function";
  return (root, args, context, info) => {
    if (converts && root != null && !(root instanceof (rootClass as Function))) return wrapped(root, args, context, info);
    return method.apply(instance, params.map((p) => (p.kind === "root" ? root : p.kind === "context" ? context : info)));
  };
}
