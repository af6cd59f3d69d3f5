import { fundingLinesFor } from "../../../src/modules/funding/funding-lines";
import { type FundedMember, householdFundingFacts } from "../../../src/modules/funding/household-funding-facts";
import { INITIAL } from "./schedules";

const member = (relationship: FundedMember["relationship"], resettled = true): FundedMember => ({ relationship, resettled });
const familyOfFive = [member("HEAD"), member("PARTNER"), member("CHILD"), member("CHILD"), member("PARENT")];
const arrived = { arrivalRoute: "DIRECT" as const, accompanimentStartsOn: "2025-03-01", extendedOn: null };

describe("a household's funding facts", () => {
  it("counts the resettled members and whether the head is one of them", () => {
    expect(householdFundingFacts(arrived, familyOfFive)).toEqual({
      resettledPersons: 5,
      headResettled: true,
      route: "DIRECT",
      accompanimentStartsOn: "2025-03-01",
      secondYearStartsOn: null,
    });
  });

  it("does not count a child born after arrival: the family of five direct still comes to 19,000", () => {
    const withNewborn = [...familyOfFive, member("CHILD", false)];
    const facts = householdFundingFacts(arrived, withNewborn)!;
    expect(facts.resettledPersons).toBe(5);
    const outcome = fundingLinesFor(facts, [INITIAL]);
    expect(outcome.ok && outcome.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(1900000);
  });

  it("knows a head who is not a resettled person", () => {
    expect(householdFundingFacts(arrived, [member("HEAD", false), member("CHILD")])).toMatchObject({ resettledPersons: 1, headResettled: false });
  });

  it("starts the second year where the first ends, 12 months after the start, whenever it was granted", () => {
    const extended = { ...arrived, extendedOn: "2025-12-15" };
    expect(householdFundingFacts(extended, familyOfFive)?.secondYearStartsOn).toBe("2026-03-01");
    expect(householdFundingFacts({ ...extended, accompanimentStartsOn: "2024-02-29" }, familyOfFive)?.secondYearStartsOn).toBe("2025-02-28");
  });

  it("owes nothing before the arrival is registered", () => {
    expect(householdFundingFacts({ arrivalRoute: null, accompanimentStartsOn: null, extendedOn: null }, familyOfFive)).toBeNull();
    expect(householdFundingFacts({ ...arrived, accompanimentStartsOn: null }, familyOfFive)).toBeNull();
  });
});
