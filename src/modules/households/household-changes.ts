import type { EntityManager } from "typeorm";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { isUniqueViolation } from "../../shared/mutation-runner";
import { type Agreement, AgreementStatus } from "../agreements/agreement.entity";
import type { UserRuleProblem } from "../../graphql/user-error";
import { Household, HouseholdStatus } from "./household.entity";
import { trimmedText } from "./household-rules";
import { statusChangeProblems } from "./household-status";
import type { CreateHouseholdInput, UpdateHouseholdInput } from "./household.inputs";
import { type MemberValues, memberValues } from "./member-values";
import { Person, Relationship } from "./person.entity";
import { addPersonProblem } from "./person-rules";

const REFERENCE_MAX_LENGTH = 100;
const OPEN_FOR_HOUSEHOLDS: readonly AgreementStatus[] = [AgreementStatus.DRAFT, AgreementStatus.ACTIVE];

/** A new household and its members (head first) as stored, or the problems with the input. */
export function newHousehold(input: CreateHouseholdInput, agreement: Agreement, today: string) {
  const problems: UserRuleProblem[] = [];
  if (!OPEN_FOR_HOUSEHOLDS.includes(agreement.status)) {
    problems.push({ field: ["agreementId"], code: "INVALID_STATE", message: `The agreement is ${agreement.status}: households join DRAFT or ACTIVE agreements.` });
  }
  const reference = referenceOf(input.reference, problems);
  const context = { arrival: input.expectedArrivalOn ?? null, today, fallbackResettled: true };
  if (input.head.relationship != null && input.head.relationship !== Relationship.HEAD) {
    problems.push({ field: ["head", "relationship"], code: "INVALID", message: "The head's relationship is HEAD." });
  }
  const persons: MemberValues[] = [input.head, ...input.members].map((person, i) => {
    const path = i === 0 ? ["head"] : ["members", String(i - 1)];
    const relationship = i === 0 ? Relationship.HEAD : person.relationship;
    if (relationship == null) problems.push({ field: [...path, "relationship"], code: "REQUIRED", message: "Say how this member is related to the head." });
    const headProblem = i > 0 && relationship ? addPersonProblem(relationship) : null;
    if (headProblem) problems.push({ ...headProblem, field: [...path, ...headProblem.field] });
    const member = memberValues({ ...person, relationship: relationship ?? Relationship.OTHER }, path, context);
    problems.push(...member.problems);
    return member.values;
  });
  const household: Partial<Household> = {
    agreementKey: agreement.key,
    reference,
    arrivalRoute: input.arrivalRoute ?? null,
    expectedArrivalOn: input.expectedArrivalOn ?? null,
  };
  return { household, persons, problems };
}

/** The columns an updateHousehold input changes, or the problems with it. */
export async function householdChanges(manager: EntityManager, before: Household, input: UpdateHouseholdInput, today: string) {
  const problems: UserRuleProblem[] = [];
  const changes: Partial<Household> = {};
  if (input.reference !== undefined) changes.reference = referenceOf(input.reference ?? "", problems);
  if (input.arrivalRoute !== undefined) changes.arrivalRoute = input.arrivalRoute;
  if (input.expectedArrivalOn !== undefined) {
    changes.expectedArrivalOn = input.expectedArrivalOn;
    if (!before.arrivedOn && input.expectedArrivalOn && (await resettledBornAfter(manager, before.key, input.expectedArrivalOn))) {
      problems.push({ field: ["expectedArrivalOn"], code: "INVALID", message: "A resettled member was born after this day; correct that member first." });
    }
  }
  if (input.status != null && input.status !== before.status) {
    const change = { from: before.status, to: input.status, exitedOn: input.exitedOn, exitReason: input.exitReason, arrivedOn: before.arrivedOn, today };
    const statusProblems = statusChangeProblems(change);
    problems.push(...statusProblems);
    changes.status = input.status;
    if (input.status === HouseholdStatus.EXITED && statusProblems.length === 0) {
      Object.assign(changes, { exitedOn: input.exitedOn, exitReason: input.exitReason!.trim() });
    }
  } else if (input.exitedOn != null || input.exitReason != null) {
    problems.push({ field: ["status"], code: "REQUIRED", message: "exitedOn and exitReason are given with status EXITED." });
  }
  if (problems.length === 0 && Object.keys(changes).length === 0) {
    problems.push({ field: [], code: "REQUIRED", message: "Nothing to change." });
  }
  return { changes, problems };
}

/** A second household with the same reference is a user error, not a fault. */
export async function uniqueReference<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "household_reference_key")) {
      throw new UserErrors([userError(["input", "reference"], UserErrorCode.TAKEN, "Another household has this reference.")]);
    }
    throw error;
  }
}

function referenceOf(raw: string, problems: UserRuleProblem[]): string {
  const text = trimmedText(raw, REFERENCE_MAX_LENGTH);
  if ("value" in text) return text.value;
  const message = text.problem === "REQUIRED" ? "reference is required." : `reference is longer than ${REFERENCE_MAX_LENGTH} characters.`;
  problems.push({ field: ["reference"], code: text.problem, message });
  return raw;
}

async function resettledBornAfter(manager: EntityManager, householdKey: string, day: string): Promise<boolean> {
  return manager.createQueryBuilder(Person, "person")
    .where("person.household_id = :householdKey AND person.resettled AND person.birth_date > :day", { householdKey, day })
    .getExists();
}
