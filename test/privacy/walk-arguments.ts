import {
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";

/** Arguments of the schema walk: required ones filled with plain values, any one replaced on demand. */

/** What the walk puts where an argument needs a value. */
export interface WalkInputs {
  /** Every Date argument. */
  date: string;
  /** A value for a required ID argument; `typeName` is the type its name points at, if any. */
  defaultId(typeName: string | null): string;
  /** IDs to probe an ID argument with, for the type its name points at (null: any type). */
  probeIds(typeName: string | null): Array<{ typeName: string; id: string }>;
  /** Text to probe String filter fields with. */
  searchTexts: string[];
  /** A well-formed ID of the same type for an object that does not exist. */
  decoyId(typeName: string): string;
}

/** Literal text (or `$probe`) in place of the value at `path`: argument, input fields, `[]` for a list's item. */
export interface Override {
  path: string[];
  text: string;
}

/** A place an argument's value can be given: an argument or a field of an input, however deep. */
export interface Position {
  path: string[];
  type: GraphQLInputType;
  name: string;
  /** Inside an input object (a filter, a definition), not a top-level argument such as a cursor. */
  nested: boolean;
  required: boolean;
}

export const enumValues = (position: Position) => (getNamedType(position.type) as GraphQLEnumType).getValues().map((v) => v.name);

/** `(name: value, ...)` for a field: its required arguments, and the optional ones an override reaches. */
export function argsText(args: readonly GraphQLArgument[], inputs: WalkInputs, schema: GraphQLSchema, overrides: Override[]): string {
  const parts = args.flatMap((arg) => {
    const text = valueText(arg.type, arg.name, below(overrides, arg.name), isRequired(arg.type, arg.defaultValue), inputs, schema);
    return text === undefined ? [] : [`${arg.name}: ${text}`];
  });
  return parts.length > 0 ? `(${parts.join(", ")})` : "";
}

const isRequired = (type: GraphQLInputType, defaultValue: unknown) => isNonNullType(type) && defaultValue === undefined;
const below = (overrides: Override[], head: string) => overrides.filter((o) => o.path[0] === head).map((o) => ({ ...o, path: o.path.slice(1) }));

/** The literal for one argument or input field: required ones filled, optional ones only on an override's path. */
function valueText(type: GraphQLInputType, name: string, overrides: Override[], fill: boolean, inputs: WalkInputs, schema: GraphQLSchema): string | undefined {
  const here = overrides.find((o) => o.path.length === 0);
  if (here) return here.text;
  if (!fill && overrides.length === 0) return undefined;
  const inner = getNullableType(type);
  if (isListType(inner)) return `[${valueText(inner.ofType, name, below(overrides, "[]"), true, inputs, schema)}]`;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).flatMap((field) => {
      const text = valueText(field.type, field.name, below(overrides, field.name), isRequired(field.type, field.defaultValue), inputs, schema);
      return text === undefined ? [] : [`${field.name}: ${text}`];
    });
    return `{ ${fields.join(", ")} }`;
  }
  if (isEnumType(inner)) return inner.getValues()[0].name;
  switch (inner.name) {
    case "ID":
      return JSON.stringify(inputs.defaultId(typeFromName(schema, name)));
    case "Int":
    case "Float":
      return "1";
    case "Boolean":
      return "false";
    case "Date":
      return JSON.stringify(inputs.date);
    case "DateTime":
      return JSON.stringify(`${inputs.date}T12:00:00.000Z`);
    default:
      return JSON.stringify("probe");
  }
}

/** The object type an ID argument's name points at: householdId → Household, assigneeOrganisationIds → Organisation. */
export function typeFromName(schema: GraphQLSchema, name: string): string | null {
  const words = name.replace(/Ids?$/, "").split(/(?=[A-Z])/);
  for (let i = 0; i < words.length; i++) {
    const candidate = words.slice(i).join("").replace(/^./, (c) => c.toUpperCase());
    if (candidate && isObjectType(schema.getType(candidate))) return candidate;
  }
  return null;
}

/** Every scalar or enum position of the arguments, inside input objects too (three levels deep). */
export function positions(args: readonly GraphQLArgument[]): Position[] {
  const found: Position[] = [];
  const visit = (type: GraphQLInputType, path: string[], name: string, nested: boolean, required: boolean) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) {
      found.push({ path, type, name, nested, required });
      return;
    }
    if (path.length > 3) return;
    const item = isListType(getNullableType(type)) ? ["[]"] : [];
    for (const field of Object.values(named.getFields())) {
      visit(field.type, [...path, ...item, field.name], field.name, true, isRequired(field.type, field.defaultValue));
    }
  };
  for (const arg of args) visit(arg.type, [arg.name], arg.name, false, isRequired(arg.type, arg.defaultValue));
  return found;
}
