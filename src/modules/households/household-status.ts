/** The life of a household as a state machine: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";

export enum HouseholdStatus {
  PLANNED = "PLANNED",
  IN_ACCOMPANIMENT = "IN_ACCOMPANIMENT",
  EXTENDED = "EXTENDED",
  COMPLETED = "COMPLETED",
  EXITED = "EXITED",
}

/** The mutation through which a status change happens. */
export enum StatusChangeBy {
  /** Ends the path: completion, or leaving the programme early. */
  UPDATE = "updateHousehold",
  /** Starts the accompaniment on arrival or on transfer from reception. */
  REGISTER_ARRIVAL = "registerArrival",
  /** Grants the second year. */
  EXTEND = "extendAccompaniment",
}

const { PLANNED, IN_ACCOMPANIMENT, EXTENDED, COMPLETED, EXITED } = HouseholdStatus;

const TRANSITIONS: ReadonlyArray<{ from: HouseholdStatus; to: HouseholdStatus; by: StatusChangeBy }> = [
  { from: PLANNED, to: IN_ACCOMPANIMENT, by: StatusChangeBy.REGISTER_ARRIVAL },
  { from: IN_ACCOMPANIMENT, to: EXTENDED, by: StatusChangeBy.EXTEND },
  { from: PLANNED, to: EXITED, by: StatusChangeBy.UPDATE },
  { from: IN_ACCOMPANIMENT, to: EXITED, by: StatusChangeBy.UPDATE },
  { from: EXTENDED, to: EXITED, by: StatusChangeBy.UPDATE },
  { from: IN_ACCOMPANIMENT, to: COMPLETED, by: StatusChangeBy.UPDATE },
  { from: EXTENDED, to: COMPLETED, by: StatusChangeBy.UPDATE },
];

export function canChangeStatus(from: HouseholdStatus, to: HouseholdStatus, by: StatusChangeBy): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by);
}

/** COMPLETED and EXITED are final. */
export function isFinal(status: HouseholdStatus): boolean {
  return !TRANSITIONS.some((t) => t.from === status);
}

export interface StatusChange {
  from: HouseholdStatus;
  to: HouseholdStatus;
  exitedOn?: string | null;
  exitReason?: string | null;
  arrivedOn: string | null;
  today: string;
}

/** Its field is ["status"], ["exitedOn"] or ["exitReason"]. */
export type StatusProblem = RuleProblem<"INVALID_STATE" | "REQUIRED" | "INVALID_DATE_RANGE">;

/** What stands in the way of an updateHousehold status change; empty when it may happen. */
export function statusChangeProblems(change: StatusChange): StatusProblem[] {
  const { from, to } = change;
  if (!canChangeStatus(from, to, StatusChangeBy.UPDATE)) {
    const via = TRANSITIONS.find((t) => t.from === from && t.to === to)?.by;
    const hint = via ? ` here: use ${via}` : "";
    return [{ field: ["status"], code: "INVALID_STATE", message: `A ${from} household cannot become ${to}${hint}.` }];
  }
  return to === EXITED ? exitProblems(change) : [];
}

function exitProblems({ exitedOn, exitReason, arrivedOn, today }: StatusChange): StatusProblem[] {
  const problems: StatusProblem[] = [];
  if (!exitedOn) {
    problems.push({ field: ["exitedOn"], code: "REQUIRED", message: "Say when the household left the programme." });
  } else if (exitedOn > today || (arrivedOn !== null && exitedOn < arrivedOn)) {
    problems.push({ field: ["exitedOn"], code: "INVALID_DATE_RANGE", message: "The exit date must lie between the arrival and today." });
  }
  if (!exitReason?.trim()) {
    problems.push({ field: ["exitReason"], code: "REQUIRED", message: "Say why the household left the programme." });
  }
  return problems;
}
