import fc from "fast-check";
import { membersOn } from "../../bench/seed-scale/consortia";
import { planProgramme } from "../../bench/seed-scale/programme";
import { ScaleRandom } from "../../bench/seed-scale/scale-random";
import { MembershipRole } from "../../src/modules/consortia/membership-rules";
import { normaliseEnterpriseNumber } from "../../src/modules/organisations/enterprise-number";
import { addMonths } from "../../src/shared/calendar";

const today = fc.date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const households = fc.integer({ min: 1, max: 60_000 });

describe("planProgramme", () => {
  it("shares out exactly the households asked, expected ones only under running agreements", () => {
    fc.assert(
      fc.property(households, today, (n, day) => {
        const { agreements } = planProgramme(new ScaleRandom(1), n, day);
        expect(agreements.reduce((sum, a) => sum + a.arrived + a.planned, 0)).toBe(n);
        for (const a of agreements.filter((a) => a.planned > 0)) expect(a.status).toBe("ACTIVE");
      }),
      { numRuns: 40 },
    );
  });

  it("starts accompaniments within the agreement, a year before it closes, and not after yesterday", () => {
    fc.assert(
      fc.property(households, today, (n, day) => {
        for (const a of planProgramme(new ScaleRandom(2), n, day).agreements.filter((a) => a.arrived > 0)) {
          expect(a.arrivals!.from).toBe(a.startsOn);
          expect(a.arrivals!.to < day).toBe(true);
          expect(addMonths(a.arrivals!.to, 12) <= (a.endedOn ?? a.endsOn)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("gives every consortium one lead, and the organisations valid, unique numbers and subjects", () => {
    fc.assert(
      fc.property(households, today, (n, day) => {
        const { consortia, organisations, agreements } = planProgramme(new ScaleRandom(3), n, day);
        for (const c of consortia) expect(membersOn(c, day).filter((m) => m.role === MembershipRole.LEAD)).toHaveLength(1);
        const numbers = organisations.all.map((o) => o.enterpriseNumber);
        expect(numbers.every((number) => normaliseEnterpriseNumber(number) === number)).toBe(true);
        expect(new Set(numbers).size).toBe(numbers.length);
        const subjects = organisations.all.flatMap((o) => o.users.map((u) => u.subject));
        expect(new Set(subjects).size).toBe(subjects.length);
        expect(new Set(agreements.map((a) => a.reference)).size).toBe(agreements.length);
      }),
      // Once found: a consortium being set up was founded after today, so it had no lead yet.
      { numRuns: 40, examples: [[8800, "2026-12-01"]] },
    );
  });

  it("plans about 60 agreements and 200 organisations for 20,000 households", () => {
    const { agreements, consortia, organisations } = planProgramme(new ScaleRandom(20_160_101), 20_000, "2026-11-23");
    expect(agreements.length).toBeGreaterThanOrEqual(55);
    expect(agreements.length).toBeLessThanOrEqual(70);
    expect(consortia.length).toBeGreaterThanOrEqual(50);
    expect(organisations.all.length).toBeGreaterThanOrEqual(170);
    expect(organisations.all.length).toBeLessThanOrEqual(240);
    expect(new Set(agreements.map((a) => a.status))).toEqual(new Set(["DRAFT", "ACTIVE", "ENDED", "TERMINATED"]));
  });
});

describe("ScaleRandom.id", () => {
  it("draws version-4 UUIDs, the same ones for the same seed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const [a, b] = [new ScaleRandom(seed), new ScaleRandom(seed)];
        const ids = Array.from({ length: 20 }, () => a.id());
        expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
        expect(Array.from({ length: 20 }, () => b.id())).toEqual(ids);
      }),
    );
  });
});
