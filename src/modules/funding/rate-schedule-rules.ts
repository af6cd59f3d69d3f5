/** What makes a new rate schedule well formed: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";
import { FUNDING_KINDS, type FundingKind } from "./funding-vocabulary";

/** €1,000,000.00 per unit: far above any real rate, and a typing slip of a few digits is caught. */
export const MAX_RATE_CENTS = 100_000_000;

export interface RateRequest {
  kind: FundingKind;
  /** The amount as parsed (null when it was not a decimal with at most two places). */
  cents: number | null;
}

export type RateScheduleProblem = RuleProblem<"INVALID" | "REQUIRED">;

/** The rates by kind when each kind is given exactly once with a positive amount; else what is wrong. */
export function scheduleRates(requests: readonly RateRequest[]): { rates: Record<FundingKind, number> | null; problems: RateScheduleProblem[] } {
  const problems: RateScheduleProblem[] = [];
  const rates = new Map<FundingKind, number>();
  requests.forEach(({ kind, cents }, i) => {
    if (cents === null || cents <= 0 || cents > MAX_RATE_CENTS) {
      problems.push({ field: ["rates", String(i), "amount", "amount"], code: "INVALID", message: "A rate is a positive amount with at most two decimals, at most 1000000.00, e.g. \"3000.00\"." });
    }
    if (rates.has(kind)) problems.push({ field: ["rates", String(i), "kind"], code: "INVALID", message: `${kind} is given more than once.` });
    rates.set(kind, cents ?? 0);
  });
  const missing = FUNDING_KINDS.filter((kind) => !rates.has(kind));
  if (missing.length > 0) problems.push({ field: ["rates"], code: "REQUIRED", message: `Give a rate for every kind; missing: ${missing.join(", ")}.` });
  return { rates: problems.length === 0 ? (Object.fromEntries(rates) as Record<FundingKind, number>) : null, problems };
}
