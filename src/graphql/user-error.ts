import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { RuleProblem } from "../shared/rule-problem";

/** What the user can fix; every code appears in some payload's `userErrors`. */
export enum UserErrorCode {
  INVALID = "INVALID",
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  TAKEN = "TAKEN",
  CONFLICT = "CONFLICT",
  INVALID_ENTERPRISE_NUMBER = "INVALID_ENTERPRISE_NUMBER",
  INVALID_DATE_RANGE = "INVALID_DATE_RANGE",
  INVALID_STATE = "INVALID_STATE",
  NOT_A_MEMBER = "NOT_A_MEMBER",
  ALREADY_A_MEMBER = "ALREADY_A_MEMBER",
  LEAD_REQUIRED = "LEAD_REQUIRED",
  ONE_LEAD_ONLY = "ONE_LEAD_ONLY",
  /** An id in the input names nothing the caller can see. */
  UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE",
  /** The organisation or user named is not of the kind required here (e.g. a partner, a Fedasil user). */
  WRONG_KIND = "WRONG_KIND",
  HEAD_REQUIRED = "HEAD_REQUIRED",
  ONE_HEAD_ONLY = "ONE_HEAD_ONLY",
  SHORT_ACCOMMODATION = "SHORT_ACCOMMODATION",
  CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED",
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
}
registerEnumType(UserErrorCode, { name: "UserErrorCode" });

@ObjectType({ simpleResolvers: true, description: "A problem with the input that the user can fix; nothing was changed." })
export class UserError {
  @Field(() => [String], { description: "Path to the input field at fault, e.g. [\"input\", \"name\"]." })
  field: string[];

  @Field()
  message: string;

  @Field(() => UserErrorCode)
  code: UserErrorCode;
}

export function userError(field: string[], code: UserErrorCode, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message });
}

/** Thrown inside a mutation to roll it back and answer with these user errors. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join("; "));
  }
}

/** A rule problem whose code is one of the API's user error codes. */
export type UserRuleProblem = RuleProblem<keyof typeof UserErrorCode>;

/** A pure rule's problems as user errors; their fields are paths below `input`. */
export const asUserErrors = (problems: readonly UserRuleProblem[]): UserError[] =>
  problems.map((p) => userError(["input", ...p.field], UserErrorCode[p.code], p.message));

/** Throws when any check failed; checks return null when fine. */
export function rejectIf(checks: Array<UserError | null>): void {
  const failed = checks.filter((c): c is UserError => c !== null);
  if (failed.length > 0) throw new UserErrors(failed);
}
