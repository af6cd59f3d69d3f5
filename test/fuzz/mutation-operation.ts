import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
} from "graphql";
import { OMIT } from "./edge-values";

/** The operation that sends a mutation's arguments: as variables, or written into its text. */
export function mutationOperation(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, inline: boolean): { query: string; variables: Record<string, unknown> } {
  const selection = payloadSelection(field);
  if (inline) {
    const given = field.args.filter((a) => args[a.name] !== undefined && args[a.name] !== OMIT);
    const text = given.map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(", ");
    return { query: `mutation { ${field.name}${text ? `(${text})` : ""} ${selection} }`, variables: {} };
  }
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return { query: `mutation(${declared}) { ${field.name}(${passed}) ${selection} }`, variables: args };
}

/** The payload's user errors, and every other field (objects by their __typename: they are resolved all the same). */
function payloadSelection(field: GraphQLField<unknown, unknown>): string {
  const payload = getNamedType(field.type);
  if (!isObjectType(payload)) return "";
  const parts = Object.values(payload.getFields()).map((f) => {
    if (f.name === "userErrors") return "userErrors { field message code }";
    return isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`;
  });
  return `{ ${parts.join(" ")} }`;
}

/**
 * A value as GraphQL literal text for a position of `type` (undefined once off the schema's
 * shape): enum values bare when they have the form of a name, anything else as it is.
 */
export function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && getNullableType(type);
  if (value === null || value === undefined || value === OMIT) return "null";
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, inner && isListType(inner) ? inner.ofType : inner)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== OMIT);
    return `{ ${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(", ")} }`;
  }
  if (typeof value === "string") return inner && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}
