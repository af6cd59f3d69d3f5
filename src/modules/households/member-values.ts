import type { UserRuleProblem } from "../../graphql/user-error";
import { trimmedText } from "./household-rules";
import type { Person, Relationship, Sex } from "./person.entity";
import { birthDateProblem, resettledFlag } from "./person-rules";

export const NAME_MAX_LENGTH = 100;

export interface MemberFields {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  relationship: Relationship;
  resettled?: boolean | null;
}

export type MemberValues = Pick<Person, "givenName" | "familyName" | "birthDate" | "sex" | "relationship" | "resettled">;

export interface MemberContext {
  /** The household's arrival (or expected arrival): a child born after it is not resettled. */
  arrival: string | null;
  today: string;
  /** The flag when none is requested: true for a new member, the current one on a correction. */
  fallbackResettled: boolean;
}

/** A member's values as stored, or the problems with its fields, their paths below `path`. */
export function memberValues(fields: MemberFields, path: string[], context: MemberContext): { values: MemberValues; problems: UserRuleProblem[] } {
  const problems: UserRuleProblem[] = [];
  const name = (field: "givenName" | "familyName"): string => {
    const text = trimmedText(fields[field], NAME_MAX_LENGTH);
    if ("value" in text) return text.value;
    const message = text.problem === "REQUIRED" ? `${field} is required.` : `${field} is longer than ${NAME_MAX_LENGTH} characters.`;
    problems.push({ field: [...path, field], code: text.problem, message });
    return fields[field];
  };
  const values = { givenName: name("givenName"), familyName: name("familyName"), birthDate: fields.birthDate, sex: fields.sex, relationship: fields.relationship };
  const birthProblem = birthDateProblem(fields.birthDate, context.today);
  if (birthProblem) problems.push({ field: [...path, "birthDate"], code: "INVALID", message: birthProblem });
  const resettled = resettledFlag(fields.birthDate, context.arrival, fields.resettled, context.fallbackResettled);
  if (resettled === null) {
    problems.push({ field: [...path, "resettled"], code: "INVALID", message: "Born after the household's arrival: a member, but not a resettled person." });
  }
  return { values: { ...values, resettled: resettled ?? false }, problems };
}
