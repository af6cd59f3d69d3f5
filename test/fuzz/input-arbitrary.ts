import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { OMIT, booleans, days, ints, instants, malformedIds, texts, wrongKind } from "./edge-values";

/**
 * Arguments of a mutation derived from its input types by introspection: a plausible base
 * (required fields only, IDs of objects the caller can see) and edits that put an invalid or
 * edge-case value somewhere in it. Nothing names a mutation: a new one is fuzzed as it comes.
 */

/** From an argument's name down: input field names, and 0 for a list's first item. */
export type Path = Array<string | number>;

/** Stands for the version of the object the mutation changes, read just before it is sent. */
export const CURRENT_VERSION = Symbol("current version");

export interface Position {
  path: Path;
  type: GraphQLInputType;
  name: string;
}

/** What the arbitraries draw from: visible objects for the base, and IDs that must not pass. */
export interface FuzzSources {
  /** IDs of objects of this type the caller can see (null: of any type). */
  visibleIds(typeName: string | null): string[];
  /** Well-formed IDs the caller must not get through: other types, other consortia, made up. */
  wrongIds: string[];
  /** A real database key, for malformed IDs built around it. */
  someKey: string;
  /** The Node type an ID field's name points at (householdId → Household), or null. */
  typeOfId(fieldName: string): string | null;
}

export interface Edit {
  path: Path;
  value: unknown;
}

export interface FuzzCase {
  args: Record<string, unknown>;
  edits: Edit[];
  /** Sent as a literal in the operation's text rather than as variables. */
  inline: boolean;
}

/** Plausible text for the few fields whose form a rule checks (a new enterprise number each time); any other text is "Fuzz text". */
const PLAUSIBLE_TEXT: Record<string, fc.Arbitrary<string>> = {
  amount: fc.constant("125.00"),
  postalCode: fc.constant("9000"),
  enterpriseNumber: fc.integer({ min: 0, max: 19_999_999 }).map((n) => withCheckDigits(String(n).padStart(8, "0"))),
  code: fc.constant("FUZZ_STEP"),
};
const PLAUSIBLE_DAYS = ["2025-03-01", "2026-02-02", "2026-06-30", "2027-03-01"];
const PLAUSIBLE_INT: Record<string, number> = { capacity: 40, weight: 1 };

/** A value for a field regardless of its nullability. */
function present(type: GraphQLInputType, name: string, sources: FuzzSources): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  if (isListType(inner)) return fc.array(present(inner.ofType, name, sources), { minLength: 1, maxLength: 2 });
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, base(f.type, f.name, f.defaultValue, sources)])));
  }
  if (isEnumType(inner)) return fc.constantFrom(...inner.getValues().map((v) => v.name));
  switch (inner.name) {
    case "ID": {
      const ids = sources.visibleIds(sources.typeOfId(name));
      return ids.length > 0 ? fc.constantFrom(...ids) : fc.constantFrom(...sources.wrongIds);
    }
    case "Int":
      return name === "expectedVersion" ? fc.constant(CURRENT_VERSION) : fc.constant(PLAUSIBLE_INT[name] ?? 1);
    case "Float":
      return fc.constant(1.5);
    case "Boolean":
      return fc.boolean();
    case "Date":
      return fc.constantFrom(...PLAUSIBLE_DAYS);
    case "DateTime":
      return fc.constantFrom(...PLAUSIBLE_DAYS.map((day) => `${day}T10:00:00.000Z`));
    default:
      return PLAUSIBLE_TEXT[name] ?? fc.constant("Fuzz text");
  }
}

/**
 * The base leaves optional values and values with a default out (the server fills them in), but
 * not lists and input objects: an edit inside one then lands in a whole one.
 */
function base(type: GraphQLInputType, name: string, defaultValue: unknown, sources: FuzzSources): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  const required = isNonNullType(type) && defaultValue === undefined;
  return required || isListType(inner) || isInputObjectType(inner) ? present(type, name, sources) : fc.constant(undefined);
}

/** Every place an edit can land, inside input objects and a list's first item, to `depth` levels. */
export function positions(args: readonly GraphQLArgument[], depth = 4): Position[] {
  const found: Position[] = [];
  const visit = (type: GraphQLInputType, path: Path, name: string) => {
    found.push({ path, type, name });
    const inner = getNullableType(type);
    if (path.length >= depth) return;
    if (isListType(inner)) visit(inner.ofType, [...path, 0], name);
    else if (isInputObjectType(inner)) for (const field of Object.values(inner.getFields())) visit(field.type, [...path, field.name], field.name);
  };
  for (const arg of args) visit(arg.type, [arg.name], arg.name);
  return found;
}

/** Invalid or edge-case values for one position; `sample`, a plausible value of its type, is repeated, nested or extended. */
function edgeValues(position: Position, sources: FuzzSources): fc.Arbitrary<unknown> {
  const sample = present(position.type, position.name, sources);
  const inner = getNullableType(position.type);
  const specific = (): fc.Arbitrary<unknown> => {
    if (isListType(inner)) {
      return fc.oneof(
        fc.constant([]),
        sample.map((list) => [...(list as unknown[]), ...(list as unknown[])]),
        sample.map((list) => [list]),
        fc.integer({ min: 101, max: 300 }).chain((n) => present(inner.ofType, position.name, sources).map((item) => Array(n).fill(item))),
      );
    }
    if (isInputObjectType(inner)) return fc.oneof(fc.constant({}), sample.map((value) => ({ ...(value as object), unknownField: "x" })));
    if (isEnumType(inner)) {
      const first = inner.getValues()[0].name;
      return fc.constantFrom("NOT_A_VALUE", first.toLowerCase(), ` ${first}`, "", 0);
    }
    switch (inner.name) {
      case "ID":
        return fc.oneof(fc.constantFrom(...sources.wrongIds), fc.constantFrom(...sources.visibleIds(null)), malformedIds(sources.someKey), texts);
      case "Int":
      case "Float":
        return ints;
      case "Boolean":
        return booleans;
      case "Date":
        return days;
      case "DateTime":
        return instants;
      default:
        return texts;
    }
  };
  return fc.oneof({ weight: 1, arbitrary: wrongKind }, { weight: 3, arbitrary: specific() });
}

/** Values are edited more often than enums, lists and input objects, whose edits GraphQL turns down whole. */
const weightOf = (position: Position) => {
  const inner = getNullableType(position.type);
  return isInputObjectType(inner) ? 1 : isListType(inner) || isEnumType(inner) ? 2 : 4;
};

/**
 * A mutation's arguments: a base with one or two edits, a quarter of them sent inline. Given
 * `reaching`, arguments known to get past the refusals, three bases in four are those: the
 * edits then meet the mutation's own rules rather than a NOT_FOUND.
 */
export function fuzzCases(field: GraphQLField<unknown, unknown>, sources: FuzzSources, reaching?: Record<string, unknown>): fc.Arbitrary<FuzzCase> {
  const drawn = fc.record(Object.fromEntries(field.args.map((a) => [a.name, base(a.type, a.name, a.defaultValue, sources)])));
  const args = reaching ? fc.oneof({ weight: 3, arbitrary: fc.constant(reaching) }, { weight: 1, arbitrary: drawn }) : drawn;
  const edits = positions(field.args).map((p) => ({ weight: weightOf(p), arbitrary: edgeValues(p, sources).map((value): Edit => ({ path: p.path, value })) }));
  return fc.record({
    args,
    edits: fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 2 }),
    inline: fc.nat(3).map((n) => n === 0),
  });
}

/** The arguments with the edits applied, in order; an edit below a value that is not an object makes one. */
export function edited(args: Record<string, unknown>, edits: Edit[]): unknown {
  return edits.reduce<unknown>((value, e) => setAt(value, e.path, e.value), args);
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const container = (Array.isArray(value) ? [...value] : value && typeof value === "object" ? { ...value } : typeof key === "number" ? [] : {}) as Record<string | number, unknown>;
  const next = setAt(container[key], rest, replacement);
  if (next === OMIT) delete container[key];
  else container[key] = next;
  return container;
}

const hasCurrentVersion = (value: unknown): boolean => value === CURRENT_VERSION || (!!value && typeof value === "object" && Object.values(value).some(hasCurrentVersion));

function replaceVersion(value: unknown, version: number): unknown {
  if (value === CURRENT_VERSION) return version;
  if (Array.isArray(value)) return value.map((item) => replaceVersion(item, version));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceVersion(item, version)]));
  return value;
}

/** The arguments with CURRENT_VERSION replaced by what `read` answers (asked only when it is there). */
export async function withCurrentVersion(value: unknown, read: () => Promise<number>): Promise<unknown> {
  return hasCurrentVersion(value) ? replaceVersion(value, await read()) : value;
}
