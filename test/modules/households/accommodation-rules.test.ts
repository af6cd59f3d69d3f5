import fc from "fast-check";
import { currentAccommodation, isShortStay } from "../../../src/modules/households/accommodation-rules";
import { addDays, addMonths } from "../../../src/shared/calendar";

const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));

describe("the one-year rule", () => {
  it("accepts a year or more and an open-ended lease, refuses less", () => {
    expect(isShortStay("2026-01-01", "2027-01-01")).toBe(false);
    expect(isShortStay("2026-01-01", "2026-12-31")).toBe(true);
    expect(isShortStay("2026-01-01", null)).toBe(false);
    expect(isShortStay("2024-02-29", "2025-02-28")).toBe(false);
    expect(isShortStay("2024-02-29", "2025-02-27")).toBe(true);
  });

  it("property: short exactly when availableUntil comes before availableFrom + 12 months", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 800 }), (from, length) => {
        const until = addDays(from, length);
        expect(isShortStay(from, until)).toBe(until < addMonths(from, 12));
        expect(isShortStay(from, addMonths(from, 12))).toBe(false);
        expect(isShortStay(from, addDays(addMonths(from, 12), -1))).toBe(true);
      }),
    );
  });
});

describe("the current home", () => {
  const home = (availableFrom: string, name = availableFrom) => ({ availableFrom, name });

  it("is the latest one begun by today, else the next one, else none", () => {
    const homes = [home("2025-01-01"), home("2026-01-01"), home("2026-09-01")];
    expect(currentAccommodation(homes, "2026-06-15")?.availableFrom).toBe("2026-01-01");
    expect(currentAccommodation(homes, "2026-01-01")?.availableFrom).toBe("2026-01-01");
    expect(currentAccommodation(homes, "2024-06-15")?.availableFrom).toBe("2025-01-01");
    expect(currentAccommodation([home("2027-01-01"), home("2026-09-01")], "2026-06-15")?.availableFrom).toBe("2026-09-01");
    expect(currentAccommodation([], "2026-06-15")).toBeNull();
  });

  it("takes the one added last among homes of the same day", () => {
    expect(currentAccommodation([home("2026-01-01", "first"), home("2026-01-01", "second")], "2026-06-15")?.name).toBe("second");
  });

  it("property: the current home began by today when any did, and no other began later by today", () => {
    fc.assert(
      fc.property(fc.array(day.map((d) => home(d))), day, (homes, today) => {
        const current = currentAccommodation(homes, today);
        const begun = homes.filter((h) => h.availableFrom <= today);
        if (homes.length === 0) return expect(current).toBeNull();
        if (begun.length > 0) return expect(current!.availableFrom).toBe(begun.map((h) => h.availableFrom).sort().at(-1));
        expect(current!.availableFrom).toBe(homes.map((h) => h.availableFrom).sort()[0]);
      }),
    );
  });
});
