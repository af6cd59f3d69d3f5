/**
 * When a household's accompaniment starts, ends and is extended: pure, no database or GraphQL.
 * A DIRECT arrival starts it on the arrival day; one VIA_RECEPTION on the transfer from
 * reception. It lasts 12 months and may be extended once by 12 more.
 */
import { addMonths } from "../../shared/calendar";
import type { RuleProblem } from "../../shared/rule-problem";
import { AgreementStatus } from "../agreements/agreement-status";
import type { ArrivalRoute } from "../households/household.entity";
import { HouseholdStatus, StatusChangeBy, canChangeStatus } from "../households/household-status";
import type { AccompanimentPeriod } from "./integration-path-plan";

export const ACCOMPANIMENT_MONTHS = 12;
export const EXTENSION_MONTHS = 12;

export interface ArrivalRequest {
  arrivedOn: string;
  arrivalRoute: `${ArrivalRoute}`;
  /** The transfer from reception; for a DIRECT arrival, the arrival day if given at all. */
  accompanimentStartsOn?: string | null;
}

export interface ArrivalFacts {
  status: HouseholdStatus;
  agreementStatus: AgreementStatus;
  /** Birth dates of the members resettled under the programme: none can be born after arrival. */
  resettledBirthDates: readonly string[];
  today: string;
}

export type AccompanimentProblem = RuleProblem<"INVALID_STATE" | "REQUIRED" | "INVALID" | "INVALID_DATE_RANGE">;

/** What stands in the way of registering the arrival; empty when it may be registered. */
export function arrivalProblems(request: ArrivalRequest, facts: ArrivalFacts): AccompanimentProblem[] {
  if (!canChangeStatus(facts.status, HouseholdStatus.IN_ACCOMPANIMENT, StatusChangeBy.REGISTER_ARRIVAL)) {
    return [{ field: ["householdId"], code: "INVALID_STATE", message: `The household is ${facts.status}: its arrival is registered once, while it is PLANNED.` }];
  }
  if (facts.agreementStatus !== AgreementStatus.ACTIVE) {
    return [{ field: ["householdId"], code: "INVALID_STATE", message: `The agreement is ${facts.agreementStatus}: households arrive under an ACTIVE agreement.` }];
  }
  const { arrivedOn, accompanimentStartsOn: transfer } = request;
  const problems: AccompanimentProblem[] = [];
  if (arrivedOn > facts.today) {
    problems.push({ field: ["arrivedOn"], code: "INVALID_DATE_RANGE", message: "The arrival cannot lie in the future: register it once the household has arrived." });
  } else if (facts.resettledBirthDates.some((birthDate) => birthDate > arrivedOn)) {
    problems.push({ field: ["arrivedOn"], code: "INVALID", message: "A resettled member was born after this day; correct that member first." });
  }
  if (request.arrivalRoute === "DIRECT") {
    if (transfer != null && transfer !== arrivedOn) {
      problems.push({ field: ["accompanimentStartsOn"], code: "INVALID", message: "A DIRECT arrival starts the accompaniment on the arrival day." });
    }
  } else if (transfer == null) {
    problems.push({ field: ["accompanimentStartsOn"], code: "REQUIRED", message: "Give the day of the transfer from reception: the accompaniment starts then." });
  } else if (transfer < arrivedOn || transfer > facts.today) {
    problems.push({ field: ["accompanimentStartsOn"], code: "INVALID_DATE_RANGE", message: "The transfer from reception lies between the arrival and today." });
  }
  return problems;
}

/** The first year of accompaniment for a registered arrival. */
export function accompanimentOf(request: ArrivalRequest): AccompanimentPeriod {
  const startsOn = request.arrivalRoute === "DIRECT" ? request.arrivedOn : request.accompanimentStartsOn!;
  return { startsOn, endsOn: addMonths(startsOn, ACCOMPANIMENT_MONTHS) };
}

export interface ExtensionFacts {
  status: HouseholdStatus;
  startsOn: string | null;
  grantedOn: string;
  today: string;
}

/** What stands in the way of granting the second year; empty when it may be granted. */
export function extensionProblems(facts: ExtensionFacts): AccompanimentProblem[] {
  if (!canChangeStatus(facts.status, HouseholdStatus.EXTENDED, StatusChangeBy.EXTEND)) {
    const why = facts.status === HouseholdStatus.EXTENDED ? "the second year was already granted" : "only a household IN_ACCOMPANIMENT can be extended";
    return [{ field: ["householdId"], code: "INVALID_STATE", message: `The household is ${facts.status}: ${why}.` }];
  }
  if (facts.grantedOn > facts.today || (facts.startsOn !== null && facts.grantedOn < facts.startsOn)) {
    return [{ field: ["grantedOn"], code: "INVALID_DATE_RANGE", message: "The second year is granted between the start of the accompaniment and today." }];
  }
  return [];
}

/** The end of the accompaniment once extended. */
export const extendedEnd = (endsOn: string): string => addMonths(endsOn, EXTENSION_MONTHS);
