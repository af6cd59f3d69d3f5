/** What makes a settlement or a manual adjustment well formed: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";

/** €10,000,000.00 either way: far beyond any household's funding, and within the stored integer cents. */
export const MAX_ADJUSTMENT_CENTS = 1_000_000_000;
export const REASON_MAX_LENGTH = 500;

export type FundingLineProblem = RuleProblem<"INVALID" | "REQUIRED" | "TOO_LONG" | "INVALID_DATE_RANGE">;

export interface AdjustmentRequest {
  /** The amount as parsed (null when it was not a decimal with at most two places). */
  cents: number | null;
  reason: string;
}

/** The adjustment's amount and trimmed reason, or what is wrong with them. */
export function adjustmentValues(request: AdjustmentRequest): { values: { amountCents: number; reason: string } | null; problems: FundingLineProblem[] } {
  const problems: FundingLineProblem[] = [];
  const { cents } = request;
  if (cents === null || cents === 0 || Math.abs(cents) > MAX_ADJUSTMENT_CENTS) {
    problems.push({ field: ["amount", "amount"], code: "INVALID", message: "An adjustment is a non-zero amount with at most two decimals, at most 10000000.00 either way, e.g. \"-250.00\"." });
  }
  const reason = request.reason.trim();
  if (reason === "") problems.push({ field: ["reason"], code: "REQUIRED", message: "Say why the adjustment is made." });
  if (reason.length > REASON_MAX_LENGTH) problems.push({ field: ["reason"], code: "TOO_LONG", message: `The reason is longer than ${REASON_MAX_LENGTH} characters.` });
  return { values: problems.length === 0 ? { amountCents: cents!, reason } : null, problems };
}

/** A payment is recorded once made: not on a day still to come. */
export function settlementProblems(settledOn: string, today: string): FundingLineProblem[] {
  return settledOn > today ? [{ field: ["settledOn"], code: "INVALID_DATE_RANGE", message: "Lines are settled once paid: settledOn cannot lie in the future." }] : [];
}
