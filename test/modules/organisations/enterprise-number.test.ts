import fc from "fast-check";
import { formatEnterpriseNumber, normaliseEnterpriseNumber, withCheckDigits } from "../../../src/modules/organisations/enterprise-number";

describe("Belgian enterprise numbers", () => {
  // 97 - (01234567 mod 97) = 49
  it.each(["0123456749", "0123.456.749", "BE0123456749", "BE 0123.456.749", "be0123 456 749", " 0123456749 "])("accepts %j", (input) => {
    expect(normaliseEnterpriseNumber(input)).toBe("0123456749");
  });

  it.each([
    ["a wrong check digit", "0123456748"],
    ["check digits of another number", "0207446759"],
    ["first digit 2", withCheckDigits("20744675")],
    ["first digit 9", withCheckDigits("90744675")],
    ["nine digits", "123456749"],
    ["eleven digits", "01234567490"],
    ["letters", "0123A56749"],
    ["another country", "NL0123456749"],
    ["dashes", "0123-456-749"],
    ["empty", ""],
  ])("rejects %s", (_label, input) => {
    expect(normaliseEnterpriseNumber(input)).toBeNull();
  });

  it("accepts 97 as check digits (first eight a multiple of 97)", () => {
    expect(withCheckDigits("00000097")).toBe("0000009797");
    expect(normaliseEnterpriseNumber("0000009797")).toBe("0000009797");
  });

  it("formats the register's way", () => {
    expect(formatEnterpriseNumber("0123456749")).toBe("0123.456.749");
  });

  const firstEight = fc.tuple(fc.constantFrom("0", "1"), fc.integer({ min: 0, max: 9_999_999 })).map(([lead, rest]) => lead + String(rest).padStart(7, "0"));

  it("withCheckDigits always gives a valid number, in every spelling", () => {
    fc.assert(
      fc.property(firstEight, (eight) => {
        const digits = withCheckDigits(eight);
        expect(digits).toMatch(/^[01]\d{9}$/);
        expect(normaliseEnterpriseNumber(digits)).toBe(digits);
        expect(normaliseEnterpriseNumber(`BE ${formatEnterpriseNumber(digits)}`)).toBe(digits);
      }),
    );
  });

  it("any other pair of check digits is rejected", () => {
    fc.assert(
      fc.property(firstEight, fc.integer({ min: 0, max: 99 }), (eight, check) => {
        const valid = withCheckDigits(eight);
        fc.pre(String(check).padStart(2, "0") !== valid.slice(8));
        expect(normaliseEnterpriseNumber(eight + String(check).padStart(2, "0"))).toBeNull();
      }),
    );
  });
});
