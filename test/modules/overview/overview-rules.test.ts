import fc from "fast-check";
import { ENDING_WINDOW_DAYS, endingWindow, occupancy, periodProblem } from "../../../src/modules/overview/overview-rules";

const day = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("periodProblem", () => {
  it("accepts open bounds, a single day and a period in order", () => {
    expect(periodProblem({})).toBeNull();
    expect(periodProblem({ periodFrom: "2026-01-01" })).toBeNull();
    expect(periodProblem({ periodTo: "2026-01-01" })).toBeNull();
    expect(periodProblem({ periodFrom: "2026-01-01", periodTo: "2026-01-01" })).toBeNull();
    expect(periodProblem({ periodFrom: "2025-12-31", periodTo: "2026-01-01" })).toBeNull();
  });

  it("refuses an end before the start, and only that", () => {
    expect(periodProblem({ periodFrom: "2026-02-01", periodTo: "2026-01-31" })).toBe("periodTo must not be before periodFrom.");
    fc.assert(fc.property(day, day, (from, to) => (periodProblem({ periodFrom: from, periodTo: to }) !== null) === from > to));
  });
});

describe("occupancy", () => {
  it("is the persons accompanied per place of capacity", () => {
    expect(occupancy(7, 40)).toBe(0.175);
    expect(occupancy(0, 10)).toBe(0);
    expect(occupancy(45, 40)).toBe(1.125);
  });

  it("is null without capacity", () => {
    expect(occupancy(0, 0)).toBeNull();
    expect(occupancy(3, 0)).toBeNull();
  });

  it("gives back the persons when multiplied by the capacity", () => {
    fc.assert(fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), (persons, capacity) => Math.round(occupancy(persons, capacity)! * capacity) === persons));
  });
});

describe("endingWindow", () => {
  it("runs from today to 90 days on, across month and year ends", () => {
    expect(endingWindow("2026-06-15")).toEqual({ from: "2026-06-15", to: "2026-09-13" });
    expect(endingWindow("2026-12-01")).toEqual({ from: "2026-12-01", to: "2027-03-01" });
    expect(endingWindow("2028-01-01")).toEqual({ from: "2028-01-01", to: "2028-03-31" });
  });

  it("always spans exactly ENDING_WINDOW_DAYS days", () => {
    fc.assert(fc.property(day, (today) => {
      const { from, to } = endingWindow(today);
      return from === today && (Date.parse(to) - Date.parse(from)) / 86_400_000 === ENDING_WINDOW_DAYS;
    }));
  });
});
