import { MAX_ADJUSTMENT_CENTS, adjustmentValues, settlementProblems } from "../../../src/modules/funding/funding-line-rules";

const codes = (result: { problems: Array<{ field: string[]; code: string }> }) => result.problems.map((p) => `${p.field.join(".")}:${p.code}`);

describe("adjustmentValues", () => {
  it("takes a signed non-zero amount and the trimmed reason", () => {
    expect(adjustmentValues({ cents: -25000, reason: "  Paid twice. " })).toEqual({ values: { amountCents: -25000, reason: "Paid twice." }, problems: [] });
    expect(adjustmentValues({ cents: MAX_ADJUSTMENT_CENTS, reason: "x" }).values).toEqual({ amountCents: MAX_ADJUSTMENT_CENTS, reason: "x" });
    expect(adjustmentValues({ cents: -MAX_ADJUSTMENT_CENTS, reason: "x".repeat(500) }).problems).toEqual([]);
  });

  it("refuses nothing, too much, an unreadable amount and a missing or overlong reason", () => {
    expect(codes(adjustmentValues({ cents: 0, reason: " " }))).toEqual(["amount.amount:INVALID", "reason:REQUIRED"]);
    expect(codes(adjustmentValues({ cents: null, reason: "x" }))).toEqual(["amount.amount:INVALID"]);
    expect(codes(adjustmentValues({ cents: -MAX_ADJUSTMENT_CENTS - 1, reason: "x" }))).toEqual(["amount.amount:INVALID"]);
    expect(codes(adjustmentValues({ cents: 100, reason: ` ${"x".repeat(501)} ` }))).toEqual(["reason:TOO_LONG"]);
    expect(adjustmentValues({ cents: 0, reason: "x" }).values).toBeNull();
  });
});

describe("settlementProblems", () => {
  it("accepts a payment up to today, not after", () => {
    expect(settlementProblems("2026-11-23", "2026-11-23")).toEqual([]);
    expect(settlementProblems("2026-01-01", "2026-11-23")).toEqual([]);
    expect(settlementProblems("2026-11-24", "2026-11-23").map((p) => p.code)).toEqual(["INVALID_DATE_RANGE"]);
  });
});
