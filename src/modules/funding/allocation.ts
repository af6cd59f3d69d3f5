/**
 * Dividing a funding line between consortium members (DESIGN: Split): pure, no database or
 * GraphQL. Largest remainder in whole cents; ties go to the member listed first.
 */
import { type FundingProblem, isCents } from "./funding-vocabulary";

export interface Share {
  memberKey: string;
  /** A whole number, zero or more; the weights of a split need not add up to anything. */
  weight: number;
}

export interface Allocation {
  memberKey: string;
  amountCents: number;
}

export type AllocationOutcome = { ok: true; allocations: Allocation[] } | { ok: false; problem: FundingProblem };

/**
 * Each member gets the whole cents of its exact share (amount × weight / sum of weights); the
 * cents left over go one each to the largest fractional parts, ties to the earlier member. A
 * negative amount (a correction) is divided as its absolute value and negated, so a correction
 * undoes the same split. Members keep their place in the result, zero-weight ones with 0.
 * BigInt keeps amount × weight exact beyond 2^53.
 */
export function allocate(amountCents: number, shares: readonly Share[]): AllocationOutcome {
  const problem = sharesProblem(amountCents, shares);
  if (problem) return { ok: false, problem };
  const total = BigInt(Math.abs(amountCents));
  const weightSum = shares.reduce((sum, share) => sum + BigInt(share.weight), 0n);
  const exact = shares.map((share) => total * BigInt(share.weight));
  const cents = exact.map((product) => product / weightSum);
  const leftover = Number(total - cents.reduce((sum, c) => sum + c, 0n));
  const byRemainder = shares.map((_, i) => i).sort((a, b) => compare(exact[b] % weightSum, exact[a] % weightSum) || a - b);
  for (const i of byRemainder.slice(0, leftover)) cents[i] += 1n;
  const sign = amountCents < 0 ? -1n : 1n;
  return { ok: true, allocations: shares.map((share, i) => ({ memberKey: share.memberKey, amountCents: Number(sign * cents[i]) })) };
}

const compare = (a: bigint, b: bigint): number => (a > b ? 1 : a < b ? -1 : 0);

function sharesProblem(amountCents: number, shares: readonly Share[]): FundingProblem | null {
  if (!isCents(amountCents)) return { code: "INVALID_AMOUNT", message: `${amountCents} is not a whole number of cents.` };
  const invalid = (message: string): FundingProblem => ({ code: "INVALID_SHARES", message });
  if (shares.some((share) => !Number.isSafeInteger(share.weight) || share.weight < 0)) return invalid("Weights are whole numbers, zero or more.");
  if (!shares.some((share) => share.weight > 0)) return invalid("At least one member has a positive weight.");
  if (new Set(shares.map((share) => share.memberKey)).size !== shares.length) return invalid("Each member appears once in a split.");
  return null;
}
