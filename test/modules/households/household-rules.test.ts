import fc from "fast-check";
import { exceedsCapacity, trimmedText } from "../../../src/modules/households/household-rules";

describe("trimmed text", () => {
  it("trims, and refuses empty or too long text", () => {
    expect(trimmedText("  Amina ", 100)).toEqual({ value: "Amina" });
    expect(trimmedText("   ", 100)).toEqual({ problem: "REQUIRED" });
    expect(trimmedText("x".repeat(101), 100)).toEqual({ problem: "TOO_LONG" });
    expect(trimmedText(` ${"x".repeat(100)} `, 100)).toEqual({ value: "x".repeat(100) });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(trimmedText("😀".repeat(100), 100)).toEqual({ value: "😀".repeat(100) });
  });
});

describe("capacity", () => {
  it("allows filling the agreement up to its capacity, not beyond", () => {
    expect(exceedsCapacity(40, 38, 2)).toBe(false);
    expect(exceedsCapacity(40, 38, 3)).toBe(true);
    expect(exceedsCapacity(40, 45, 0)).toBe(false);
  });

  it("property: placing one person at a time fills the agreement exactly to its capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (capacity) => {
        let placed = 0;
        while (!exceedsCapacity(capacity, placed, 1)) placed += 1;
        expect(placed).toBe(capacity);
        expect(exceedsCapacity(capacity, placed, 0)).toBe(false);
      }),
    );
  });
});
