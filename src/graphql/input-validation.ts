import { type ValidationError, ValidateBy, getMetadataStorage, validate } from "class-validator";
import { GraphQLError } from "graphql";
import { UserErrorCode, type UserError, userError } from "./user-error";

const CODE_BY_CONSTRAINT: Record<string, UserErrorCode> = {
  isNotEmpty: UserErrorCode.REQUIRED,
  isDefined: UserErrorCode.REQUIRED,
  notBlank: UserErrorCode.REQUIRED,
  maxLength: UserErrorCode.TOO_LONG,
  arrayMaxSize: UserErrorCode.TOO_LONG,
};

/** Text stored trimmed must not be white space only: trimmed to nothing, it is no value (empty text is for a length rule to refuse). */
export function NotBlank(): PropertyDecorator {
  return ValidateBy({
    name: "notBlank",
    validator: { validate: (value) => typeof value !== "string" || value === "" || value.trim() !== "", defaultMessage: (args) => `${args?.property} cannot be blank.` },
  });
}

/** Checks an input object's class-validator rules and its text; each failure becomes a user error with its field path. */
export async function inputErrors(input: object, path: string[] = ["input"]): Promise<UserError[]> {
  return [...flatten(await validate(input, { forbidUnknownValues: false }), path), ...unstorableText(input, path)];
}

/** U+0000 and a lone half of a surrogate pair: PostgreSQL stores neither in text or JSON (the audit trail). */
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

/** Text PostgreSQL cannot store is the user's to fix, not a database fault. */
function unstorableText(value: unknown, path: string[]): UserError[] {
  if (typeof value === "string") return UNSTORABLE.test(value) ? [userError(path, UserErrorCode.INVALID, "Text must be well-formed Unicode without U+0000.")] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => unstorableText(item, [...path, key]));
}

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      userError(field, CODE_BY_CONSTRAINT[constraint] ?? UserErrorCode.INVALID, message),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const withRules = new WeakMap<Function, boolean>();

/** Whether class-validator has any rule for the value's class: most query arguments (pages, orders) have none, and asking cost as much as a field. */
function hasRules(value: object): boolean {
  const type = value.constructor;
  let rules = withRules.get(type);
  if (rules === undefined) withRules.set(type, (rules = getMetadataStorage().getTargetValidationMetadatas(type, "", true, false).length > 0));
  return rules;
}

/** Problems as one message, each led by its field path. */
export function problemsText(problems: readonly UserError[]): string {
  return problems.map((p) => `${p.field.join(".")}: ${p.message}`).join("; ");
}

/**
 * Argument validation for type-graphql: mutation inputs are checked by the mutation runner and
 * answered as user errors; query arguments that break a rule fail the request with BAD_USER_INPUT.
 */
export async function validateArgument(argValue: unknown, operation: string | undefined): Promise<void> {
  if (operation === "mutation" || argValue === null || typeof argValue !== "object" || !hasRules(argValue)) return;
  const problems = await inputErrors(argValue, []);
  if (problems.length > 0) {
    throw new GraphQLError(problemsText(problems), {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
}
