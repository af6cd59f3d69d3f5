import fc from "fast-check";
import { isCalendarDay, scheduleOn, scheduleProblem } from "../../../src/modules/funding/rate-schedule";
import { INITIAL, schedule } from "./schedules";

describe("rate schedules", () => {
  const later = schedule("2027-01-01", { BASE: 320000 });
  const schedules = [later, INITIAL];

  it("takes the schedule with the latest effective date on or before the due date", () => {
    expect(scheduleOn(schedules, "2026-12-31")).toBe(INITIAL);
    expect(scheduleOn(schedules, "2027-01-01")).toBe(later);
    expect(scheduleOn(schedules, "2030-06-01")).toBe(later);
    expect(scheduleOn(schedules, "2016-01-01")).toBe(INITIAL);
  });

  it("finds none before the first schedule", () => {
    expect(scheduleOn(schedules, "2015-12-31")).toBeNull();
    expect(scheduleOn([], "2026-01-01")).toBeNull();
  });

  it("does not depend on the order of the list", () => {
    const days = fc.integer({ min: 2015, max: 2035 }).chain((year) => fc.constantFrom(`${year}-01-01`, `${year}-06-30`, `${year}-12-31`));
    fc.assert(
      fc.property(fc.uniqueArray(days, { maxLength: 6 }), days, (effectiveDays, dueOn) => {
        const list = effectiveDays.map((day) => schedule(day));
        const found = scheduleOn(list, dueOn);
        expect(scheduleOn([...list].reverse(), dueOn)).toBe(found);
        const expected = effectiveDays.filter((day) => day <= dueOn).sort().at(-1) ?? null;
        expect(found?.effectiveFrom ?? null).toBe(expected);
      }),
    );
  });

  it("accepts well-formed schedules", () => {
    expect(scheduleProblem(schedules)).toBeNull();
    expect(scheduleProblem([])).toBeNull();
  });

  it.each([
    ["two on one day", [INITIAL, schedule("2016-01-01")], "Two rate schedules take effect on 2016-01-01."],
    ["a day that does not exist", [schedule("2026-02-30")], "\"2026-02-30\" is not a calendar day (YYYY-MM-DD)."],
    ["a fraction of a cent", [schedule("2026-01-01", { EXTENSION: 600.5 })], "The schedule from 2026-01-01 has no positive whole-cent EXTENSION rate."],
    ["a rate of zero", [schedule("2026-01-01", { BASE: 0 })], "The schedule from 2026-01-01 has no positive whole-cent BASE rate."],
    ["a missing rate", [{ effectiveFrom: "2026-01-01", rates: { BASE: 1, EXTENSION: 1, DIRECT_ARRIVAL_HEAD: 1 } as never }], "The schedule from 2026-01-01 has no positive whole-cent DIRECT_ARRIVAL_MEMBER rate."],
  ])("refuses %s", (_, list, message) => {
    expect(scheduleProblem(list)).toEqual({ code: "INVALID_SCHEDULE", message });
  });

  it("knows calendar days", () => {
    for (const day of ["2016-01-01", "2024-02-29", "2026-12-31"]) expect(isCalendarDay(day)).toBe(true);
    for (const day of ["2025-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "01-01-2026", "2026-01-01T00:00:00Z", ""]) expect(isCalendarDay(day)).toBe(false);
  });
});
