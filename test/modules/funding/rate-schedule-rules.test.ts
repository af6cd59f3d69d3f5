import { FundingKind } from "../../../src/modules/funding/funding-vocabulary";
import { MAX_RATE_CENTS, type RateRequest, scheduleRates } from "../../../src/modules/funding/rate-schedule-rules";

const all = (cents: number | null = 100): RateRequest[] => [
  { kind: FundingKind.DIRECT_ARRIVAL_MEMBER, cents: 50000 },
  { kind: FundingKind.BASE, cents },
  { kind: FundingKind.EXTENSION, cents: 60000 },
  { kind: FundingKind.DIRECT_ARRIVAL_HEAD, cents: 200000 },
];
const codes = (requests: RateRequest[]) => scheduleRates(requests).problems.map((p) => `${p.field.join(".")}:${p.code}`);

describe("rate schedule rules", () => {
  it("takes each kind once, in any order", () => {
    expect(scheduleRates(all(300000))).toEqual({
      rates: { BASE: 300000, EXTENSION: 60000, DIRECT_ARRIVAL_HEAD: 200000, DIRECT_ARRIVAL_MEMBER: 50000 },
      problems: [],
    });
  });

  it("wants a positive amount of at most €1,000,000.00", () => {
    expect(codes(all(1))).toEqual([]);
    expect(codes(all(MAX_RATE_CENTS))).toEqual([]);
    for (const cents of [0, -100, MAX_RATE_CENTS + 1, null]) expect(codes(all(cents))).toEqual(["rates.1.amount.amount:INVALID"]);
  });

  it("names the kinds missing and the ones given twice", () => {
    expect(codes(all().slice(1))).toEqual(["rates:REQUIRED"]);
    expect(scheduleRates(all().slice(2)).problems[0].message).toBe("Give a rate for every kind; missing: BASE, DIRECT_ARRIVAL_MEMBER.");
    expect(codes([...all(), { kind: FundingKind.EXTENSION, cents: 1 }])).toEqual(["rates.4.kind:INVALID"]);
    expect(scheduleRates([...all(), { kind: FundingKind.EXTENSION, cents: 1 }]).rates).toBeNull();
  });
});
