/** The rules of an agreement's terms and of its activation and end: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";
import { AgreementEvent, AgreementStatus, nextStatus } from "./agreement-status";

/** Codes are names of UserErrorCode, so the service can answer them as they are. */
export type AgreementProblemCode = "INVALID_STATE" | "INVALID_DATE_RANGE" | "REQUIRED";

export type AgreementProblem = RuleProblem<AgreementProblemCode>;

/** The fields of an agreement that its life changes. */
export interface AgreementState {
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export type Ruling = { ok: true; changes: Partial<AgreementState> } | { ok: false; problems: AgreementProblem[] };

const problem = (field: string, code: AgreementProblemCode, message: string): AgreementProblem => ({ field: [field], code, message });

const found = (checks: Array<AgreementProblem | null>): AgreementProblem[] => checks.filter((p): p is AgreementProblem => p !== null);

function rule(checks: Array<AgreementProblem | null>, changes: Partial<AgreementState>): Ruling {
  const problems = found(checks);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

const notInFuture = (field: string, day: string | null | undefined, today: string) =>
  day && day > today ? problem(field, "INVALID_DATE_RANGE", `${field} cannot be after today.`) : null;

/** Problems with the terms of a new agreement. */
export function termsProblems(terms: { signedOn?: string | null; startsOn: string; endsOn: string }, today: string): AgreementProblem[] {
  return found([
    terms.startsOn < terms.endsOn ? null : problem("endsOn", "INVALID_DATE_RANGE", "endsOn must be after startsOn."),
    notInFuture("signedOn", terms.signedOn, today),
  ]);
}

const wrongState = (state: AgreementState, doing: string): Ruling => ({
  ok: false,
  problems: [problem("agreementId", "INVALID_STATE", `A ${state.status} agreement cannot be ${doing}.`)],
});

/** DRAFT -> ACTIVE: the agreement must be signed, now or before. */
export function activation(state: AgreementState, signedOn: string | null | undefined, today: string): Ruling {
  const next = nextStatus(state.status, AgreementEvent.ACTIVATE);
  if (!next) return wrongState(state, "activated");
  const signed = signedOn ?? state.signedOn;
  return rule(
    [
      signed ? null : problem("signedOn", "REQUIRED", "An agreement is activated once signed: give signedOn."),
      notInFuture("signedOn", signedOn, today),
    ],
    { status: next, signedOn: signed },
  );
}

export interface Ending {
  endedOn: string;
  /** Stopped before its term (TERMINATED) rather than at it (ENDED). */
  terminated: boolean;
  reason?: string | null;
}

/** ACTIVE -> ENDED on or after its term, or ACTIVE -> TERMINATED before it, with a reason. */
export function ending(state: AgreementState, end: Ending, today: string): Ruling {
  const next = nextStatus(state.status, end.terminated ? AgreementEvent.TERMINATE : AgreementEvent.END);
  if (!next) return wrongState(state, end.terminated ? "terminated" : "ended");
  const reason = end.reason?.trim() || null;
  return rule(
    [
      notInFuture("endedOn", end.endedOn, today),
      state.signedOn && end.endedOn < state.signedOn ? problem("endedOn", "INVALID_DATE_RANGE", "endedOn cannot be before the agreement was signed.") : null,
      !end.terminated && end.endedOn < state.endsOn
        ? problem("endedOn", "INVALID_DATE_RANGE", "An agreement ends on endsOn or later; terminate it to stop it early.")
        : null,
      end.terminated && end.endedOn >= state.endsOn
        ? problem("endedOn", "INVALID_DATE_RANGE", "A termination stops the agreement before endsOn; end it instead.")
        : null,
      end.terminated && !reason ? problem("reason", "REQUIRED", "Say why the agreement is terminated early.") : null,
    ],
    { status: next, endedOn: end.endedOn, endReason: reason },
  );
}
