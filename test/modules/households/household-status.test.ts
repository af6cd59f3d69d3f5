import fc from "fast-check";
import { HouseholdStatus, StatusChangeBy, canChangeStatus, isFinal, statusChangeProblems } from "../../../src/modules/households/household-status";

const { PLANNED, IN_ACCOMPANIMENT, EXTENDED, COMPLETED, EXITED } = HouseholdStatus;
const TODAY = "2026-06-15";
const statuses = fc.constantFrom(...Object.values(HouseholdStatus));
const codes = (problems: ReturnType<typeof statusChangeProblems>) => problems.map((p) => `${p.field.join(".")}:${p.code}`);
const exit = (from: HouseholdStatus, overrides: object = {}) =>
  statusChangeProblems({ from, to: EXITED, exitedOn: "2026-06-01", exitReason: "Moved abroad", arrivedOn: null, today: TODAY, ...overrides });

describe("household status machine", () => {
  it("lets updateHousehold end the path: EXITED from PLANNED, IN_ACCOMPANIMENT, EXTENDED; COMPLETED from the accompaniment", () => {
    for (const from of [PLANNED, IN_ACCOMPANIMENT, EXTENDED]) expect(exit(from)).toEqual([]);
    for (const from of [IN_ACCOMPANIMENT, EXTENDED]) {
      expect(statusChangeProblems({ from, to: COMPLETED, arrivedOn: "2025-01-01", today: TODAY })).toEqual([]);
    }
  });

  it("refuses the steps of registerArrival and extendAccompaniment, naming the mutation", () => {
    const [arrival] = statusChangeProblems({ from: PLANNED, to: IN_ACCOMPANIMENT, arrivedOn: null, today: TODAY });
    expect(arrival).toMatchObject({ field: ["status"], code: "INVALID_STATE" });
    expect(arrival.message).toContain("registerArrival");
    const [extension] = statusChangeProblems({ from: IN_ACCOMPANIMENT, to: EXTENDED, arrivedOn: "2025-01-01", today: TODAY });
    expect(extension.message).toContain("extendAccompaniment");
  });

  it("refuses completing a household that never arrived and leaving a final status", () => {
    expect(codes(statusChangeProblems({ from: PLANNED, to: COMPLETED, arrivedOn: null, today: TODAY }))).toEqual(["status:INVALID_STATE"]);
    expect(codes(exit(COMPLETED))).toEqual(["status:INVALID_STATE"]);
    expect(codes(statusChangeProblems({ from: EXITED, to: PLANNED, arrivedOn: null, today: TODAY }))).toEqual(["status:INVALID_STATE"]);
  });

  it("needs an exit date between arrival and today and a reason to exit", () => {
    expect(codes(exit(PLANNED, { exitedOn: null, exitReason: "  " }))).toEqual(["exitedOn:REQUIRED", "exitReason:REQUIRED"]);
    expect(codes(exit(PLANNED, { exitedOn: "2026-06-16" }))).toEqual(["exitedOn:INVALID_DATE_RANGE"]);
    expect(codes(exit(IN_ACCOMPANIMENT, { arrivedOn: "2026-03-01", exitedOn: "2026-02-28" }))).toEqual(["exitedOn:INVALID_DATE_RANGE"]);
    expect(exit(IN_ACCOMPANIMENT, { arrivedOn: "2026-03-01", exitedOn: "2026-03-01" })).toEqual([]);
    expect(exit(IN_ACCOMPANIMENT, { exitedOn: TODAY })).toEqual([]);
  });

  it("property: COMPLETED and EXITED are final, and nothing leads back to PLANNED", () => {
    fc.assert(
      fc.property(statuses, statuses, fc.constantFrom(...Object.values(StatusChangeBy)), (from, to, by) => {
        if (isFinal(from) || to === PLANNED) expect(canChangeStatus(from, to, by)).toBe(false);
      }),
    );
    expect([COMPLETED, EXITED].every(isFinal)).toBe(true);
    expect([PLANNED, IN_ACCOMPANIMENT, EXTENDED].some(isFinal)).toBe(false);
  });

  it("property: updateHousehold never starts or extends the accompaniment", () => {
    fc.assert(
      fc.property(statuses, fc.constantFrom(IN_ACCOMPANIMENT, EXTENDED), (from, to) => {
        expect(canChangeStatus(from, to, StatusChangeBy.UPDATE)).toBe(false);
        expect(codes(statusChangeProblems({ from, to, arrivedOn: null, today: TODAY }))).toEqual(["status:INVALID_STATE"]);
      }),
    );
  });

  it("property: a change passes exactly when the machine allows it and an exit is dated and explained", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(statuses, statuses, fc.option(day), fc.option(fc.string()), fc.option(day), (from, to, exitedOn, exitReason, arrivedOn) => {
        const problems = statusChangeProblems({ from, to, exitedOn, exitReason, arrivedOn, today: TODAY });
        const exitFine = to !== EXITED || (exitedOn !== null && exitedOn <= TODAY && (arrivedOn === null || exitedOn >= arrivedOn) && (exitReason ?? "").trim().length > 0);
        expect(problems.length === 0).toBe(canChangeStatus(from, to, StatusChangeBy.UPDATE) && exitFine);
      }),
    );
  });

  it("property: every status is reachable from PLANNED", () => {
    const reached = new Set([PLANNED]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...reached]) {
        for (const to of Object.values(HouseholdStatus)) {
          if (!reached.has(to) && Object.values(StatusChangeBy).some((by) => canChangeStatus(from, to, by))) {
            reached.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.values(HouseholdStatus).sort());
  });
});
