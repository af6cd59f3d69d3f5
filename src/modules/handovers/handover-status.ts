/** The life of a hand-over as a state machine: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";
import { HandoverStatus } from "../tasks/task-vocabulary";

/** What the members do with a proposal: the receiver accepts or declines, the proposer withdraws. */
export enum HandoverStep {
  ACCEPT = "ACCEPT",
  DECLINE = "DECLINE",
  WITHDRAW = "WITHDRAW",
}

const OUTCOME: Record<HandoverStep, HandoverStatus> = {
  [HandoverStep.ACCEPT]: HandoverStatus.ACCEPTED,
  [HandoverStep.DECLINE]: HandoverStatus.DECLINED,
  [HandoverStep.WITHDRAW]: HandoverStatus.WITHDRAWN,
};

/** Only a proposal is open; every outcome is final. */
export const isOpen = (status: HandoverStatus): boolean => status === HandoverStatus.PROPOSED;

export type HandoverProblem = RuleProblem<"INVALID_STATE" | "REQUIRED" | "INVALID" | "NOT_A_MEMBER">;

/** The status a step leads to, or null when the hand-over is no longer open. */
export function statusAfter(status: HandoverStatus, step: HandoverStep): HandoverStatus | null {
  return isOpen(status) ? OUTCOME[step] : null;
}

/** What stands in the way of a step; a decline says why. */
export function handoverStepProblems(status: HandoverStatus, step: HandoverStep, reason?: string | null): HandoverProblem[] {
  if (!isOpen(status)) {
    return [{ field: ["handoverId"], code: "INVALID_STATE", message: `The hand-over is already ${status}.` }];
  }
  if (step === HandoverStep.DECLINE && !reason?.trim()) {
    return [{ field: ["reason"], code: "REQUIRED", message: "Say why you decline the hand-over." }];
  }
  return [];
}

/** The facts a new proposal is judged on. */
export interface Proposal {
  taskClosed: boolean;
  fromOrganisation: string;
  toOrganisation: string;
  /** The receiver is a current member of the task's consortium. */
  toIsCurrentMember: boolean;
  /** The task already has a proposal waiting for an answer. */
  openProposalExists: boolean;
}

/** A proposal passes open work to another current member, one proposal at a time. */
export function proposalProblems(proposal: Proposal): HandoverProblem[] {
  if (proposal.taskClosed) return [{ field: ["taskId"], code: "INVALID_STATE", message: "A closed task is not handed over." }];
  if (proposal.openProposalExists) {
    return [{ field: ["taskId"], code: "INVALID_STATE", message: "The task already has an open hand-over: it is answered or withdrawn first." }];
  }
  if (proposal.toOrganisation === proposal.fromOrganisation) {
    return [{ field: ["toOrganisationId"], code: "INVALID", message: "The task is already assigned to that organisation." }];
  }
  if (!proposal.toIsCurrentMember) {
    return [{ field: ["toOrganisationId"], code: "NOT_A_MEMBER", message: "Only a current member of the consortium can receive the task." }];
  }
  return [];
}

/**
 * What an open proposal becomes when its task changes without it: a proposal is about handing
 * the task over from its current assignee, so reassigning the task to another organisation or
 * closing it withdraws the proposal (with a history entry); other changes leave it open.
 */
export function withdrawnByTaskChange(change: { assigneeChanged: boolean; closed: boolean }): boolean {
  return change.assigneeChanged || change.closed;
}
