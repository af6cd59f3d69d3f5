import fc from "fast-check";
import { type HouseholdFundingFacts, fundingLinesFor } from "../../../src/modules/funding/funding-lines";
import { FundingKind } from "../../../src/modules/funding/funding-vocabulary";
import { INITIAL, schedule } from "./schedules";

const START = "2025-03-01";
const SECOND_YEAR = "2026-03-01";
const facts = (overrides: Partial<HouseholdFundingFacts> = {}): HouseholdFundingFacts => ({
  resettledPersons: 1,
  headResettled: true,
  route: "VIA_RECEPTION",
  accompanimentStartsOn: START,
  secondYearStartsOn: null,
  ...overrides,
});

/** The lines, failing the test if the engine answered with a problem. */
function linesOf(householdFacts: HouseholdFundingFacts, schedules = [INITIAL]) {
  const outcome = fundingLinesFor(householdFacts, schedules);
  if (!outcome.ok) throw new Error(`unexpected problem: ${outcome.problem.message}`);
  return outcome.lines;
}
const totalOf = (lines: Array<{ amountCents: number }>) => lines.reduce((sum, line) => sum + line.amountCents, 0);
const problemOf = (householdFacts: HouseholdFundingFacts, schedules = [INITIAL]) => {
  const outcome = fundingLinesFor(householdFacts, schedules);
  return outcome.ok ? null : outcome.problem;
};

describe("funding lines: DESIGN's worked examples", () => {
  it("one adult via reception, one year: 3,000", () => {
    expect(linesOf(facts())).toEqual([
      {
        kind: FundingKind.BASE,
        quantity: 1,
        rateCents: 300000,
        amountCents: 300000,
        dueOn: START,
        scheduleEffectiveFrom: "2016-01-01",
        explanation: "1 resettled person × €3,000.00 = €3,000.00 (rates from 2016-01-01)",
      },
    ]);
  });

  it("a family of five (head + 4), direct, one year: 5 x 3,000 + 2,000 + 4 x 500 = 19,000", () => {
    const lines = linesOf(facts({ resettledPersons: 5, route: "DIRECT" }));
    expect(lines.map(({ kind, quantity, rateCents, amountCents, dueOn }) => ({ kind, quantity, rateCents, amountCents, dueOn }))).toEqual([
      { kind: FundingKind.BASE, quantity: 5, rateCents: 300000, amountCents: 1500000, dueOn: START },
      { kind: FundingKind.DIRECT_ARRIVAL_HEAD, quantity: 1, rateCents: 200000, amountCents: 200000, dueOn: START },
      { kind: FundingKind.DIRECT_ARRIVAL_MEMBER, quantity: 4, rateCents: 50000, amountCents: 200000, dueOn: START },
    ]);
    expect(lines.map((line) => line.explanation)).toEqual([
      "5 resettled persons × €3,000.00 = €15,000.00 (rates from 2016-01-01)",
      "1 household arriving directly × €2,000.00 = €2,000.00 (rates from 2016-01-01)",
      "4 resettled members besides the head × €500.00 = €2,000.00 (rates from 2016-01-01)",
    ]);
    expect(totalOf(lines)).toBe(1900000);
  });

  it("the same family with the second year: + 5 x 600 = 22,000, the extension due when the second year starts", () => {
    const lines = linesOf(facts({ resettledPersons: 5, route: "DIRECT", secondYearStartsOn: SECOND_YEAR }));
    expect(lines.at(-1)).toEqual({
      kind: FundingKind.EXTENSION,
      quantity: 5,
      rateCents: 60000,
      amountCents: 300000,
      dueOn: SECOND_YEAR,
      scheduleEffectiveFrom: "2016-01-01",
      explanation: "5 resettled persons × €600.00 for the second year = €3,000.00 (rates from 2016-01-01)",
    });
    expect(totalOf(lines)).toBe(2200000);
  });

  it("a family of three via reception with the second year: 3 x 3,000 + 3 x 600 = 10,800", () => {
    const lines = linesOf(facts({ resettledPersons: 3, secondYearStartsOn: SECOND_YEAR }));
    expect(lines.map((line) => [line.kind, line.quantity, line.amountCents])).toEqual([
      [FundingKind.BASE, 3, 900000],
      [FundingKind.EXTENSION, 3, 180000],
    ]);
    expect(totalOf(lines)).toBe(1080000);
  });
});

describe("funding lines: who counts", () => {
  it("pays the direct-arrival head only when the head is resettled, and members besides the head", () => {
    const lines = linesOf(facts({ resettledPersons: 2, headResettled: false, route: "DIRECT" }));
    expect(lines.map((line) => [line.kind, line.quantity])).toEqual([
      [FundingKind.BASE, 2],
      [FundingKind.DIRECT_ARRIVAL_MEMBER, 2],
    ]);
  });

  it("leaves out lines that count nobody", () => {
    expect(linesOf(facts({ route: "DIRECT" })).map((line) => line.kind)).toEqual([FundingKind.BASE, FundingKind.DIRECT_ARRIVAL_HEAD]);
    expect(linesOf(facts({ resettledPersons: 0, headResettled: false, route: "DIRECT", secondYearStartsOn: SECOND_YEAR }))).toEqual([]);
  });
});

describe("funding lines: dated rates", () => {
  const raise = schedule("2026-01-01", { BASE: 320000, EXTENSION: 65000, DIRECT_ARRIVAL_HEAD: 210000, DIRECT_ARRIVAL_MEMBER: 55000 });

  it("takes each line's rate from the schedule in force on its own due date", () => {
    const lines = linesOf(facts({ resettledPersons: 2, route: "DIRECT", secondYearStartsOn: SECOND_YEAR }), [raise, INITIAL]);
    expect(lines.map((line) => [line.kind, line.rateCents, line.scheduleEffectiveFrom])).toEqual([
      [FundingKind.BASE, 300000, "2016-01-01"],
      [FundingKind.DIRECT_ARRIVAL_HEAD, 200000, "2016-01-01"],
      [FundingKind.DIRECT_ARRIVAL_MEMBER, 50000, "2016-01-01"],
      [FundingKind.EXTENSION, 65000, "2026-01-01"],
    ]);
    expect(lines[3].explanation).toBe("2 resettled persons × €650.00 for the second year = €1,300.00 (rates from 2026-01-01)");
  });

  it("applies a new schedule from its effective date on, not the day before", () => {
    expect(linesOf(facts({ accompanimentStartsOn: "2026-01-01" }), [INITIAL, raise])[0]).toMatchObject({ rateCents: 320000, scheduleEffectiveFrom: "2026-01-01" });
    expect(linesOf(facts({ accompanimentStartsOn: "2025-12-31" }), [INITIAL, raise])[0]).toMatchObject({ rateCents: 300000, scheduleEffectiveFrom: "2016-01-01" });
  });

  it("answers a clear problem, not a throw, when no schedule covers a due date", () => {
    expect(problemOf(facts({ accompanimentStartsOn: "2015-12-31" }))).toEqual({
      code: "NO_RATE_SCHEDULE",
      message: "No rate schedule is in force on 2015-12-31, when the BASE line falls due.",
    });
    expect(problemOf(facts(), [])).toMatchObject({ code: "NO_RATE_SCHEDULE" });
    expect(problemOf(facts({ resettledPersons: 0, headResettled: false }), [])).toBeNull();
  });

  it("answers a malformed schedule list as a problem", () => {
    expect(problemOf(facts(), [INITIAL, schedule("2016-01-01")])).toMatchObject({ code: "INVALID_SCHEDULE" });
    expect(problemOf(facts(), [schedule("2016-01-01", { BASE: 2999.5 })])).toMatchObject({ code: "INVALID_SCHEDULE" });
  });
});

describe("funding lines: facts that cannot be", () => {
  it.each<[string, Partial<HouseholdFundingFacts>]>([
    ["a negative count", { resettledPersons: -1 }],
    ["a fractional count", { resettledPersons: 1.5 }],
    ["a resettled head among no resettled persons", { resettledPersons: 0, headResettled: true }],
    ["an unknown route", { route: "BY_AIR" as never }],
    ["a start that is not a day", { accompanimentStartsOn: "2025-02-29" }],
    ["a second year before the first", { secondYearStartsOn: "2025-03-01" }],
    ["a second year that is not a day", { secondYearStartsOn: "2026-3-1" }],
  ])("refuses %s", (_, overrides) => {
    expect(problemOf(facts(overrides))).toMatchObject({ code: "INVALID_FACTS" });
  });

  it("refuses amounts beyond exact whole cents instead of rounding them", () => {
    const huge = schedule("2016-01-01", { BASE: 2 ** 52 });
    expect(problemOf(facts({ resettledPersons: 3, headResettled: false }), [huge])).toMatchObject({ code: "AMOUNT_TOO_LARGE" });
  });
});

describe("funding lines: properties", () => {
  const year = fc.integer({ min: 2016, max: 2030 });
  const day = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );
  const rate = fc.integer({ min: 1, max: 10_000_000 });
  const someSchedule = fc.tuple(day, rate, rate, rate, rate).map(([effectiveFrom, BASE, EXTENSION, DIRECT_ARRIVAL_HEAD, DIRECT_ARRIVAL_MEMBER]) =>
    schedule(effectiveFrom, { BASE, EXTENSION, DIRECT_ARRIVAL_HEAD, DIRECT_ARRIVAL_MEMBER }),
  );
  const schedules = fc.uniqueArray(someSchedule, { selector: (s) => s.effectiveFrom, maxLength: 5 }).map((list) => [INITIAL, ...list.filter((s) => s.effectiveFrom !== INITIAL.effectiveFrom)]);
  const someFacts = fc.record({
    resettledPersons: fc.integer({ min: 0, max: 15 }),
    headResettled: fc.boolean(),
    route: fc.constantFrom("DIRECT" as const, "VIA_RECEPTION" as const),
    accompanimentStartsOn: day,
    extended: fc.boolean(),
  }).map(({ extended, ...rest }) => ({
    ...rest,
    headResettled: rest.headResettled && rest.resettledPersons > 0,
    secondYearStartsOn: extended ? `${Number(rest.accompanimentStartsOn.slice(0, 4)) + 1}${rest.accompanimentStartsOn.slice(4)}` : null,
  }));

  it("gives whole-cent lines of quantity × rate, each at the rate in force on its due date", () => {
    fc.assert(
      fc.property(someFacts, schedules, (householdFacts, list) => {
        for (const line of linesOf(householdFacts, list)) {
          expect(Number.isSafeInteger(line.amountCents)).toBe(true);
          expect(line.quantity).toBeGreaterThan(0);
          expect(line.amountCents).toBe(line.quantity * line.rateCents);
          const used = list.find((s) => s.effectiveFrom === line.scheduleEffectiveFrom)!;
          expect(used.rates[line.kind]).toBe(line.rateCents);
          expect(line.scheduleEffectiveFrom <= line.dueOn).toBe(true);
          expect(list.some((s) => s.effectiveFrom > line.scheduleEffectiveFrom && s.effectiveFrom <= line.dueOn)).toBe(false);
        }
      }),
    );
  });

  it("counts every resettled person once per year, and direct arrivals once more", () => {
    fc.assert(
      fc.property(someFacts, (householdFacts) => {
        const quantities = Object.fromEntries(linesOf(householdFacts).map((line) => [line.kind, line.quantity]));
        const persons = householdFacts.resettledPersons;
        const direct = householdFacts.route === "DIRECT";
        expect(quantities[FundingKind.BASE] ?? 0).toBe(persons);
        expect(quantities[FundingKind.EXTENSION] ?? 0).toBe(householdFacts.secondYearStartsOn ? persons : 0);
        expect((quantities[FundingKind.DIRECT_ARRIVAL_HEAD] ?? 0) + (quantities[FundingKind.DIRECT_ARRIVAL_MEMBER] ?? 0)).toBe(direct ? persons : 0);
      }),
    );
  });
});
