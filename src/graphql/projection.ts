import { type GraphQLSchema, isObjectType } from "graphql";

/** What a field reads of its object besides the key, for fields that are not a plain property of their own name. */
export type FieldNeeds = Readonly<Record<string, readonly string[]>>;

/**
 * The properties of `entity`'s objects (GraphQL type of the class's name) that the selected
 * `fields` read, so that a list selects only those columns: a field in `needs` reads what it
 * lists, `id` and `__typename` only the key, and a field with neither a resolver nor a getter of
 * its own its property. Null (read everything) as soon as a field is none of these: a field
 * resolver nobody described here still finds all it reads.
 */
export function propertiesRead(schema: GraphQLSchema, entity: Function, fields: readonly string[], needs: FieldNeeds = {}): string[] | null {
  const type = schema.getType(entity.name);
  const typeFields = isObjectType(type) ? type.getFields() : {};
  const read = new Set<string>();
  for (const field of fields) {
    if (Object.hasOwn(needs, field)) needs[field].forEach((property) => read.add(property));
    else if (field === "id" || field === "__typename") continue;
    else if (typeFields[field] && !typeFields[field].resolve && !hasGetter(entity.prototype, field)) read.add(field);
    else return null;
  }
  return [...read];
}

function hasGetter(prototype: object | null, name: string): boolean {
  for (let p = prototype; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return descriptor.get !== undefined;
  }
  return false;
}
