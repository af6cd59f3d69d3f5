import fc from "fast-check";
import { type ExplainedFundingLine, type HouseholdFundingFacts, fundingLinesFor } from "../../../src/modules/funding/funding-lines";
import { FundingLineKind } from "../../../src/modules/funding/funding-line-kind";
import { type FundingLineChange, type StoredFundingLine, recomputeLines } from "../../../src/modules/funding/line-recompute";
import { FUNDING_KINDS, FundingKind } from "../../../src/modules/funding/funding-vocabulary";
import { INITIAL, schedule } from "./schedules";

const START = "2026-01-31";
const TODAY = "2026-11-23";
/** A rate change between the first and the second year, so a line's rate depends on its due date. */
const SCHEDULES = [INITIAL, schedule("2027-01-01", { [FundingKind.EXTENSION]: 65000 })];
const facts = (overrides: Partial<HouseholdFundingFacts> = {}): HouseholdFundingFacts => ({
  resettledPersons: 3,
  headResettled: true,
  route: "VIA_RECEPTION",
  accompanimentStartsOn: START,
  secondYearStartsOn: null,
  ...overrides,
});
const engine = (householdFacts: HouseholdFundingFacts | null): ExplainedFundingLine[] => {
  if (!householdFacts) return [];
  const outcome = fundingLinesFor(householdFacts, SCHEDULES);
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.lines;
};
const correction = { what: "a member was removed", today: TODAY };

let serial = 0;
/** The household's lines after the changes, as the service would store them (settlement aside). */
function applied(stored: readonly StoredFundingLine[], changes: readonly FundingLineChange[]): StoredFundingLine[] {
  let lines = [...stored];
  for (const change of changes) {
    if (change.action === "CREATE") lines.push({ key: `line-${++serial}`, correctsKind: null, settled: false, ...fieldsOf(change.line) });
    if (change.action === "UPDATE") lines = lines.map((line) => (line.key === change.key ? { ...line, ...fieldsOf(change.line) } : line));
    if (change.action === "DELETE") lines = lines.filter((line) => line.key !== change.key);
    if (change.action === "ADJUST") {
      const { correctsKind, amountCents, dueOn, explanation } = change.adjustment;
      lines.push({ key: `line-${++serial}`, kind: FundingLineKind.ADJUSTMENT, correctsKind, quantity: 1, rateCents: null, amountCents, dueOn, explanation, settled: false });
    }
  }
  return lines;
}
const fieldsOf = ({ kind, quantity, rateCents, amountCents, dueOn, explanation }: Pick<StoredFundingLine, "kind" | "quantity" | "rateCents" | "amountCents" | "dueOn" | "explanation">) => ({ kind, quantity, rateCents, amountCents, dueOn, explanation });
const settle = (lines: StoredFundingLine[], which: (line: StoredFundingLine) => boolean) => lines.map((line) => (which(line) ? { ...line, settled: true } : line));
const after = (stored: StoredFundingLine[], householdFacts: HouseholdFundingFacts | null) => applied(stored, recomputeLines(stored, engine(householdFacts), correction));

/** Per kind: the kind's own line plus the automatic adjustments correcting it. */
const totalsByKind = (lines: readonly StoredFundingLine[]) =>
  Object.fromEntries(FUNDING_KINDS.map((kind) => [kind, lines.filter((l) => l.kind === kind || l.correctsKind === kind).reduce((sum, l) => sum + l.amountCents, 0)]));
const engineTotals = (householdFacts: HouseholdFundingFacts | null) => totalsByKind(engine(householdFacts).map((line) => ({ ...fieldsOf(line), key: "", correctsKind: null, settled: false })));

describe("recomputeLines: examples", () => {
  it("creates the engine's lines for a household that has none", () => {
    const changes = recomputeLines([], engine(facts({ route: "DIRECT" })), correction);
    expect(changes.map((c) => c.action === "CREATE" && [c.line.kind, c.line.amountCents])).toEqual([
      [FundingKind.BASE, 900000],
      [FundingKind.DIRECT_ARRIVAL_HEAD, 200000],
      [FundingKind.DIRECT_ARRIVAL_MEMBER, 100000],
    ]);
  });

  it("changes nothing when the engine says what is stored", () => {
    const stored = after([], facts());
    expect(recomputeLines(stored, engine(facts()), correction)).toEqual([]);
    expect(recomputeLines(settle(stored, () => true), engine(facts()), correction)).toEqual([]);
  });

  it("updates an unsettled line, deletes one the engine no longer produces, creates one it newly produces", () => {
    const stored = after([], facts({ route: "DIRECT" }));
    const [base, head, member] = stored;
    const changes = recomputeLines(stored, engine(facts({ resettledPersons: 4, route: "VIA_RECEPTION", secondYearStartsOn: "2027-01-31" })), correction);
    expect(changes).toEqual([
      { action: "UPDATE", key: base.key, line: expect.objectContaining({ kind: FundingKind.BASE, quantity: 4, amountCents: 1200000 }) },
      { action: "CREATE", line: expect.objectContaining({ kind: FundingKind.EXTENSION, quantity: 4, rateCents: 65000, amountCents: 260000, dueOn: "2027-01-31" }) },
      { action: "DELETE", key: head.key },
      { action: "DELETE", key: member.key },
    ]);
  });

  it("adjusts a settled line by what the engine now says minus what was settled and adjusted, due today once its day has passed", () => {
    const settled = settle(after([], facts()), () => true);
    const changes = recomputeLines(settled, engine(facts({ resettledPersons: 2 })), correction);
    expect(changes).toEqual([
      {
        action: "ADJUST",
        adjustment: {
          correctsKind: FundingKind.BASE,
          correctsLineKey: settled[0].key,
          amountCents: -300000,
          dueOn: TODAY,
          explanation: "BASE now: 2 resettled persons × €3,000.00 = €6,000.00 (rates from 2016-01-01); settled and adjusted before: €9,000.00; difference -€3,000.00",
          reason: "Correction after settlement: a member was removed.",
        },
      },
    ]);
    const adjusted = applied(settled, changes);
    const again = recomputeLines(adjusted, engine(facts({ resettledPersons: 4 })), correction);
    expect(again).toEqual([{ action: "ADJUST", adjustment: expect.objectContaining({ amountCents: 600000 }) }]);
  });

  it("dates the adjustment of a line settled ahead of its due date on that date, and corrects a kind no longer owed to nothing", () => {
    const extended = facts({ route: "DIRECT", secondYearStartsOn: "2027-01-31" });
    const settled = settle(after([], extended), () => true);
    const changes = recomputeLines(settled, engine(facts({ route: "VIA_RECEPTION", resettledPersons: 2, secondYearStartsOn: "2027-01-31" })), correction);
    expect(changes.map((c) => c.action === "ADJUST" && [c.adjustment.correctsKind, c.adjustment.amountCents, c.adjustment.dueOn])).toEqual([
      [FundingKind.BASE, -300000, TODAY],
      [FundingKind.EXTENSION, -65000, "2027-01-31"],
      [FundingKind.DIRECT_ARRIVAL_HEAD, -200000, TODAY],
      [FundingKind.DIRECT_ARRIVAL_MEMBER, -100000, TODAY],
    ]);
    const head = changes.find((c) => c.action === "ADJUST" && c.adjustment.correctsKind === FundingKind.DIRECT_ARRIVAL_HEAD);
    expect(head?.action === "ADJUST" && head.adjustment.explanation).toBe("DIRECT_ARRIVAL_HEAD now: nothing owed; settled and adjusted before: €2,000.00; difference -€2,000.00");
  });

  it("leaves adjustments entered by hand alone", () => {
    const manual: StoredFundingLine = { key: "manual", kind: FundingLineKind.ADJUSTMENT, correctsKind: null, quantity: 1, rateCents: null, amountCents: -5000, dueOn: START, explanation: "by hand", settled: false };
    const stored = [...after([], facts()), manual];
    expect(recomputeLines(stored, engine(facts()), correction)).toEqual([]);
    expect(recomputeLines(stored, engine(null), correction)).toEqual([{ action: "DELETE", key: stored[0].key }]);
  });
});

const factsArbitrary: fc.Arbitrary<HouseholdFundingFacts | null> = fc.option(
  fc.record({
    resettledPersons: fc.integer({ min: 0, max: 8 }),
    headResettled: fc.boolean(),
    route: fc.constantFrom("DIRECT" as const, "VIA_RECEPTION" as const),
    extended: fc.boolean(),
  }).map(({ resettledPersons, headResettled, route, extended }) =>
    facts({ resettledPersons, headResettled: headResettled && resettledPersons > 0, route, secondYearStartsOn: extended ? "2027-01-31" : null }),
  ),
  { freq: 6 },
);
type Step = { type: "correct"; facts: HouseholdFundingFacts | null } | { type: "settle"; pick: boolean[] };
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  factsArbitrary.map((f) => ({ type: "correct" as const, facts: f })),
  fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }).map((pick) => ({ type: "settle" as const, pick })),
);

describe("recomputeLines: properties", () => {
  it("after any sequence of corrections and settlements, each kind adds up to the engine's amount and settled lines never change", () => {
    fc.assert(
      fc.property(factsArbitrary, fc.array(stepArbitrary, { maxLength: 12 }), (first, steps) => {
        let current = first;
        let lines = after([], current);
        for (const step of steps) {
          if (step.type === "settle") {
            lines = settle(lines, (line) => step.pick[lines.indexOf(line) % step.pick.length]);
            continue;
          }
          current = step.facts;
          const changes = recomputeLines(lines, engine(current), correction);
          const settledBefore = lines.filter((line) => line.settled);
          const touched = changes.flatMap((c) => (c.action === "UPDATE" || c.action === "DELETE" ? [c.key] : []));
          expect(touched.filter((key) => settledBefore.some((line) => line.key === key))).toEqual([]);
          lines = applied(lines, changes);
          expect(lines.filter((line) => line.settled)).toEqual(settledBefore);
          expect(totalsByKind(lines)).toEqual(engineTotals(current));
          // The engine's lines once per kind, no adjustment of nothing, and nothing left to do.
          expect(FUNDING_KINDS.every((kind) => lines.filter((l) => l.kind === kind).length <= 1)).toBe(true);
          expect(lines.some((l) => l.kind === FundingLineKind.ADJUSTMENT && l.amountCents === 0)).toBe(false);
          expect(recomputeLines(lines, engine(current), correction)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps an unsettled household's lines exactly the engine's, without adjustments", () => {
    fc.assert(
      fc.property(fc.array(factsArbitrary, { minLength: 1, maxLength: 8 }), (sequence) => {
        const lines = sequence.reduce<StoredFundingLine[]>((stored, f) => after(stored, f), []);
        const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
        expect(lines.map(fieldsOf).sort(byKind)).toEqual(engine(sequence[sequence.length - 1]).map(fieldsOf).sort(byKind));
      }),
    );
  });
});
