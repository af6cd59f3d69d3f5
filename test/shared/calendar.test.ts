import fc from "fast-check";
import { addDays, addMonths, todayInBrussels } from "../../src/shared/calendar";

/** Calendar days between 1970 and 2199 as YYYY-MM-DD. */
const day = fc.integer({ min: 0, max: 83_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe("calendar", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-08-31", 1, "2025-09-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-02-15", 12, "2026-02-15"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2025-03-01", 0, "2025-03-01"],
    ["2026-01-15", -13, "2024-12-15"],
  ])("addMonths(%s, %d) = %s", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it.each([
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-03-29", 2, "2025-03-31"],
    ["2025-01-01", 365, "2026-01-01"],
  ])("addDays(%s, %d) = %s (no daylight-saving surprises)", (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it("adds months without overshooting the month and never beyond the day asked", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -36, max: 36 }), (from, months) => {
        const to = addMonths(from, months);
        const [y, m, d] = from.split("-").map(Number);
        const [ty, tm, td] = to.split("-").map(Number);
        expect(ty * 12 + tm - (y * 12 + m)).toBe(months);
        expect(td).toBeLessThanOrEqual(d);
      }),
    );
  });

  it("adds days associatively and back again", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (from, a, b) => {
        expect(addDays(addDays(from, a), b)).toBe(addDays(from, a + b));
        expect(addDays(addDays(from, a), -a)).toBe(from);
      }),
    );
  });

  it.each([
    ["summer, 23:59 UTC is already tomorrow in Brussels", "2025-07-14T22:00:00Z", "2025-07-15"],
    ["summer, just before midnight in Brussels", "2025-07-14T21:59:59Z", "2025-07-14"],
    ["winter, 23:30 UTC is already tomorrow in Brussels", "2025-01-14T23:00:00Z", "2025-01-15"],
    ["winter, just before midnight in Brussels", "2025-01-14T22:59:59Z", "2025-01-14"],
    ["New Year's Eve", "2025-12-31T23:00:00Z", "2026-01-01"],
    ["the night clocks go forward", "2025-03-30T01:30:00Z", "2025-03-30"],
  ])("todayInBrussels: %s", (_label, instant, today) => {
    expect(todayInBrussels(new Date(instant))).toBe(today);
  });

  it("todayInBrussels remembers the last day only within its minute: the day changes at midnight sharp", () => {
    const instants = fc.integer({ min: 0, max: 7_000_000_000_000 }).map((ms) => new Date(ms));
    const exact = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
    fc.assert(fc.property(fc.array(instants, { minLength: 2, maxLength: 5 }), (nows) => nows.every((now) => todayInBrussels(now) === exact(now))));
    expect([todayInBrussels(new Date("2025-01-14T22:59:59.999Z")), todayInBrussels(new Date("2025-01-14T23:00:00.000Z"))]).toEqual(["2025-01-14", "2025-01-15"]);
  });
});
