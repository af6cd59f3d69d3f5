import fc from "fast-check";
import { AgreementStatus } from "../../../src/modules/agreements/agreement-status";
import { HouseholdStatus } from "../../../src/modules/households/household-status";
import {
  type ArrivalFacts,
  type ArrivalRequest,
  accompanimentOf,
  arrivalProblems,
  extendedEnd,
  extensionProblems,
} from "../../../src/modules/integration-path/accompaniment-rules";
import { addDays, addMonths } from "../../../src/shared/calendar";

const TODAY = "2026-06-15";
const facts = (overrides: Partial<ArrivalFacts> = {}): ArrivalFacts => ({
  status: HouseholdStatus.PLANNED,
  agreementStatus: AgreementStatus.ACTIVE,
  resettledBirthDates: ["1990-01-01", "2015-01-01"],
  today: TODAY,
  ...overrides,
});
const codes = (request: ArrivalRequest, overrides: Partial<ArrivalFacts> = {}) =>
  arrivalProblems(request, facts(overrides)).map((p) => `${p.field.join(".")}:${p.code}`);
const direct = (arrivedOn = "2026-06-01", accompanimentStartsOn?: string | null): ArrivalRequest => ({ arrivedOn, arrivalRoute: "DIRECT", accompanimentStartsOn });
const viaReception = (arrivedOn: string, accompanimentStartsOn?: string | null): ArrivalRequest => ({ arrivedOn, arrivalRoute: "VIA_RECEPTION", accompanimentStartsOn });

describe("registering an arrival", () => {
  it("starts a DIRECT arrival's accompaniment on the arrival day, for 12 months", () => {
    expect(codes(direct())).toEqual([]);
    expect(codes(direct("2026-06-01", "2026-06-01"))).toEqual([]);
    expect(accompanimentOf(direct("2026-01-31"))).toEqual({ startsOn: "2026-01-31", endsOn: "2027-01-31" });
  });

  it("starts one VIA_RECEPTION on the transfer, which it needs, between arrival and today", () => {
    expect(accompanimentOf(viaReception("2026-01-10", "2026-03-01"))).toEqual({ startsOn: "2026-03-01", endsOn: "2027-03-01" });
    expect(codes(viaReception("2026-01-10", "2026-01-10"))).toEqual([]);
    expect(codes(viaReception("2026-01-10", TODAY))).toEqual([]);
    expect(codes(viaReception("2026-01-10"))).toEqual(["accompanimentStartsOn:REQUIRED"]);
    expect(codes(viaReception("2026-01-10", "2026-01-09"))).toEqual(["accompanimentStartsOn:INVALID_DATE_RANGE"]);
    expect(codes(viaReception("2026-01-10", "2026-06-16"))).toEqual(["accompanimentStartsOn:INVALID_DATE_RANGE"]);
  });

  it("refuses an arrival in the future, one before a resettled member's birth, and a DIRECT arrival starting another day", () => {
    expect(codes(direct("2026-06-16"))).toEqual(["arrivedOn:INVALID_DATE_RANGE"]);
    expect(codes(direct("2014-12-31"))).toEqual(["arrivedOn:INVALID"]);
    expect(codes(direct("2026-06-01", "2026-06-02"))).toEqual(["accompanimentStartsOn:INVALID"]);
  });

  it("registers once, for a PLANNED household under an ACTIVE agreement", () => {
    for (const status of [HouseholdStatus.IN_ACCOMPANIMENT, HouseholdStatus.EXTENDED, HouseholdStatus.COMPLETED, HouseholdStatus.EXITED]) {
      expect(codes(direct(), { status })).toEqual(["householdId:INVALID_STATE"]);
    }
    for (const agreementStatus of [AgreementStatus.DRAFT, AgreementStatus.ENDED, AgreementStatus.TERMINATED]) {
      expect(codes(direct(), { agreementStatus })).toEqual(["householdId:INVALID_STATE"]);
    }
  });

  it("always gives a year that starts on or after arrival when the request is accepted", () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays("2021-01-01", n));
    fc.assert(
      fc.property(day, fc.option(day), fc.boolean(), (arrivedOn, transfer, isDirect) => {
        const request = isDirect ? direct(arrivedOn, transfer) : viaReception(arrivedOn, transfer);
        if (arrivalProblems(request, facts({ resettledBirthDates: [] })).length > 0) return;
        const { startsOn, endsOn } = accompanimentOf(request);
        expect(startsOn >= arrivedOn && startsOn <= TODAY).toBe(true);
        expect(endsOn).toBe(addMonths(startsOn, 12));
      }),
    );
  });
});

describe("extending the accompaniment", () => {
  const extension = (overrides: Partial<Parameters<typeof extensionProblems>[0]> = {}) =>
    extensionProblems({ status: HouseholdStatus.IN_ACCOMPANIMENT, startsOn: "2026-01-01", grantedOn: TODAY, today: TODAY, ...overrides }).map((p) => `${p.field.join(".")}:${p.code}`);

  it("grants the second year once, to a household IN_ACCOMPANIMENT, 12 more months", () => {
    expect(extension()).toEqual([]);
    expect(extension({ grantedOn: "2026-01-01" })).toEqual([]);
    for (const status of [HouseholdStatus.EXTENDED, HouseholdStatus.PLANNED, HouseholdStatus.COMPLETED, HouseholdStatus.EXITED]) {
      expect(extension({ status })).toEqual(["householdId:INVALID_STATE"]);
    }
    expect(extendedEnd("2027-01-31")).toBe("2028-01-31");
  });

  it("dates the grant between the start and today", () => {
    expect(extension({ grantedOn: "2026-06-16" })).toEqual(["grantedOn:INVALID_DATE_RANGE"]);
    expect(extension({ grantedOn: "2025-12-31" })).toEqual(["grantedOn:INVALID_DATE_RANGE"]);
  });
});
