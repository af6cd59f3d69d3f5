/**
 * What to change in a household's stored funding lines when its facts change (DESIGN: Funding
 * rules): pure, no database or GraphQL. A line still unsettled simply follows the engine; a
 * settled line never changes, so a difference for its kind becomes an automatic ADJUSTMENT line.
 * Afterwards the lines of each kind (its engine line and the adjustments correcting that kind)
 * add up to what the engine says for the current facts.
 */
import { euro } from "./euro";
import type { ExplainedFundingLine } from "./funding-lines";
import { FundingLineKind } from "./funding-line-kind";
import { FUNDING_KINDS, type FundingKind } from "./funding-vocabulary";

/** A household's line as stored; adjustments made by hand have no correctsKind and are left alone. */
export interface StoredFundingLine {
  key: string;
  kind: FundingLineKind;
  correctsKind: FundingKind | null;
  quantity: number;
  rateCents: number | null;
  amountCents: number;
  dueOn: string;
  explanation: string;
  settled: boolean;
}

export interface AutomaticAdjustment {
  correctsKind: FundingKind;
  correctsLineKey: string;
  amountCents: number;
  dueOn: string;
  explanation: string;
  reason: string;
}

export type FundingLineChange =
  | { action: "CREATE"; line: ExplainedFundingLine }
  | { action: "UPDATE"; key: string; line: ExplainedFundingLine }
  | { action: "DELETE"; key: string }
  | { action: "ADJUST"; adjustment: AutomaticAdjustment };

export interface Correction {
  /** What changed, for the reason of an adjustment, e.g. "a member was removed". */
  what: string;
  today: string;
}

/**
 * The changes that bring `stored` in line with the engine's lines for the current facts (none
 * before arrival). Automatic adjustments only ever follow a settled line of their kind, since a
 * settled line stays for good; an unsettled line of a kind therefore has none beside it.
 */
export function recomputeLines(stored: readonly StoredFundingLine[], engine: readonly ExplainedFundingLine[], correction: Correction): FundingLineChange[] {
  return FUNDING_KINDS.flatMap((kind): FundingLineChange[] => {
    const now = engine.find((line) => line.kind === kind) ?? null;
    const line = stored.find((candidate) => candidate.kind === kind) ?? null;
    if (!line) return now ? [{ action: "CREATE", line: now }] : [];
    if (!line.settled) {
      if (!now) return [{ action: "DELETE", key: line.key }];
      return sameLine(line, now) ? [] : [{ action: "UPDATE", key: line.key, line: now }];
    }
    const adjustment = adjustmentFor(line, kind, now, stored, correction);
    return adjustment ? [{ action: "ADJUST", adjustment }] : [];
  });
}

/**
 * What the engine now says minus what was settled and adjusted so far for the kind; due when the
 * corrected line was, or today if that day has passed. Null when nothing is left to correct.
 */
function adjustmentFor(settled: StoredFundingLine, kind: FundingKind, now: ExplainedFundingLine | null, stored: readonly StoredFundingLine[], correction: Correction): AutomaticAdjustment | null {
  const adjusted = stored.filter((line) => line.kind === FundingLineKind.ADJUSTMENT && line.correctsKind === kind);
  const before = adjusted.reduce((sum, line) => sum + line.amountCents, settled.amountCents);
  const target = now?.amountCents ?? 0;
  if (target === before) return null;
  const amountCents = target - before;
  return {
    correctsKind: kind,
    correctsLineKey: settled.key,
    amountCents,
    dueOn: settled.dueOn > correction.today ? settled.dueOn : correction.today,
    explanation: `${kind} now: ${now ? now.explanation : "nothing owed"}; settled and adjusted before: ${euro(before)}; difference ${euro(amountCents)}`,
    reason: `Correction after settlement: ${correction.what}.`,
  };
}

function sameLine(line: StoredFundingLine, now: ExplainedFundingLine): boolean {
  return line.quantity === now.quantity && line.rateCents === now.rateCents && line.amountCents === now.amountCents
    && line.dueOn === now.dueOn && line.explanation === now.explanation;
}
