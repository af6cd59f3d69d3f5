import fc from "fast-check";
import { CurrencyCode, Money, formatCents, parseCents } from "../../src/graphql/money";

/** Amounts parseCents accepts: up to 13 digits of euros. */
const cents = fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 });

describe("money", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [100, "1.00"],
    [123456, "1234.56"],
    [-300000, "-3000.00"],
    [1900000, "19000.00"],
  ])("formats %d cents as %s", (amount, text) => {
    expect(formatCents(amount)).toBe(text);
  });

  it("refuses to format anything but whole cents", () => {
    for (const wrong of [0.5, Number.NaN, Infinity, 2 ** 53]) expect(() => formatCents(wrong)).toThrow(RangeError);
  });

  it.each([
    ["3000", 300000],
    ["3000.5", 300050],
    ["3000.50", 300050],
    [" 12.34 ", 1234],
    ["-0.05", -5],
    ["-12", -1200],
    ["-0", 0],
  ])("parses %j as %d cents", (text, amount) => {
    expect(parseCents(text)).toBe(amount);
  });

  it.each(["12.345", "0.001", "1,50", "1.", ".5", "+5", "1e3", "", "-", "abc", "12 34", "--1", "12345678901234"])("refuses %j", (text) => {
    expect(parseCents(text)).toBeNull();
  });

  it("round-trips every amount, negative ones included", () => {
    fc.assert(fc.property(cents, (amount) => parseCents(formatCents(amount)) === amount));
  });

  it("always writes two decimal places", () => {
    fc.assert(fc.property(cents, (amount) => /^-?\d+\.\d{2}$/.test(formatCents(amount))));
  });

  it("builds a Money in euro", () => {
    expect(Money.fromCents(1080000)).toEqual(Object.assign(new Money(), { amount: "10800.00", currencyCode: CurrencyCode.EUR }));
  });
});
