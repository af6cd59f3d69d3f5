import { euro } from "../../../src/modules/funding/euro";

describe("euro", () => {
  it.each([
    [0, "€0.00"],
    [5, "€0.05"],
    [50, "€0.50"],
    [300000, "€3,000.00"],
    [1900000, "€19,000.00"],
    [123456789, "€1,234,567.89"],
    [-50, "-€0.50"],
    [-2200000, "-€22,000.00"],
    [Number.MAX_SAFE_INTEGER, "€90,071,992,547,409.91"],
  ])("writes %p cents as %p", (cents, text) => {
    expect(euro(cents)).toBe(text);
  });

  it("refuses anything but whole cents", () => {
    expect(() => euro(1.5)).toThrow(RangeError);
    expect(() => euro(2 ** 53)).toThrow(RangeError);
  });
});
