import fc from "fast-check";
import { allocate } from "../../../../src/modules/funding/allocation";
import { type ConsortiumMember, sharesForLine } from "../../../../src/modules/funding/line-shares";
import { FUNDING_KINDS, FundingKind } from "../../../../src/modules/funding/funding-vocabulary";
import {
  type RuleWeight,
  SplitRuleStatus,
  approvedByAll,
  proposalProblems,
  ruleInForce,
  weighingOf,
  weightOf,
} from "../../../../src/modules/funding/split-rules/split-rule-rules";

const member = (organisationKey: string, organisationName: string, extra: Partial<ConsortiumMember> = {}): ConsortiumMember => ({
  organisationKey, organisationName, lead: false, joinedOn: "2025-01-01", leftOn: null, ...extra,
});
const CITY = member("city", "Stad Gent", { lead: true });
const PCSW = member("pcsw", "OCMW Gent");
const NGO = member("ngo", "Vluchtelingenwerk Gent", { leftOn: "2026-12-01" });
const GENT = [NGO, PCSW, CITY];
const w = (organisationKey: string, weight: number, kind: FundingKind | null = null): RuleWeight => ({ organisationKey, weight, kind });

const split = (amountCents: number, weights: RuleWeight[], kind: FundingKind | null, dueOn = "2026-01-31") => {
  const outcome = allocate(amountCents, sharesForLine(GENT, dueOn, weighingOf(weights, kind)));
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.allocations.map((a) => `${a.memberKey} ${a.amountCents}`);
};

describe("ruleInForce", () => {
  const rule = (effectiveFrom: string, householdKey: string | null = null, status = SplitRuleStatus.APPROVED) => ({ effectiveFrom, householdKey, status, name: `${householdKey ?? "agreement"} ${effectiveFrom} ${status}` });
  const rules = [rule("2026-01-01"), rule("2026-06-01"), rule("2026-03-01", null, SplitRuleStatus.PROPOSED), rule("2026-04-01", "hh"), rule("2026-02-01", null, SplitRuleStatus.SUPERSEDED), rule("2026-05-01", "hh", SplitRuleStatus.REJECTED)];
  const inForce = (householdKey: string | null, dueOn: string) => ruleInForce(rules, householdKey, dueOn)?.name ?? null;

  it("takes the approved rule with the latest effective date on or before the due date", () => {
    expect(inForce(null, "2025-12-31")).toBeNull();
    expect(inForce(null, "2026-01-01")).toBe("agreement 2026-01-01 APPROVED");
    expect(inForce(null, "2026-05-31")).toBe("agreement 2026-01-01 APPROVED");
    expect(inForce(null, "2026-06-01")).toBe("agreement 2026-06-01 APPROVED");
  });

  it("prefers the household's approved override in force, else falls back to the agreement's", () => {
    expect(inForce("hh", "2026-03-31")).toBe("agreement 2026-01-01 APPROVED");
    expect(inForce("hh", "2026-04-01")).toBe("hh 2026-04-01 APPROVED");
    expect(inForce("hh", "2027-01-31")).toBe("hh 2026-04-01 APPROVED");
    expect(inForce("other", "2027-01-31")).toBe("agreement 2026-06-01 APPROVED");
  });
});

describe("weighingOf", () => {
  it("divides by the rule's weights in the rule's order, a kind's own weights before the defaults", () => {
    const rule = [w("pcsw", 1), w("city", 2), w("city", 1, FundingKind.EXTENSION), w("ngo", 1)];
    expect(split(10000_00, rule, FundingKind.BASE)).toEqual(["pcsw 250000", "city 500000", "ngo 250000"]);
    expect(split(10000_00, rule, FundingKind.EXTENSION)).toEqual(["pcsw 333334", "city 333333", "ngo 333333"]);
    expect(split(10000_00, rule, null)).toEqual(["pcsw 250000", "city 500000", "ngo 250000"]);
  });

  it("gives a member that left nothing of a line due after, and one the rule does not name 0", () => {
    expect(split(3000_00, [w("city", 2), w("ngo", 1)], FundingKind.EXTENSION, "2027-01-31")).toEqual(["city 300000", "pcsw 0"]);
  });

  it("splits equally when no member of the due date has a positive weight left", () => {
    expect(split(3000_00, [w("ngo", 1), w("city", 0)], FundingKind.BASE, "2027-01-31")).toEqual(["city 150000", "pcsw 150000"]);
  });

  it("always adds up to the line and gives 0 to members with weight 0 or not members on the due date (property)", () => {
    const keys = ["city", "pcsw", "ngo"];
    const weights = fc.uniqueArray(fc.record({ organisationKey: fc.constantFrom(...keys), kind: fc.constantFrom(null, ...FUNDING_KINDS), weight: fc.nat(5) }), {
      selector: (x) => `${x.organisationKey}/${x.kind}`,
    });
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), weights, fc.constantFrom(null, ...FUNDING_KINDS), fc.constantFrom("2026-01-31", "2027-01-31"), (amountCents, rule, kind, dueOn) => {
      const shares = sharesForLine(GENT, dueOn, weighingOf(rule, kind));
      const outcome = allocate(amountCents, shares);
      if (!outcome.ok) return false;
      const total = outcome.allocations.reduce((sum, a) => sum + a.amountCents, 0);
      const anyPositive = GENT.some((m) => (m.leftOn === null || m.leftOn > dueOn) && weightOf(rule, m.organisationKey, kind) > 0);
      const zeroes = keys.filter((key) => (key === "ngo" && dueOn > "2026-12-01") || (anyPositive && weightOf(rule, key, kind) === 0));
      const received = (key: string) => outcome.allocations.find((a) => a.memberKey === key)?.amountCents ?? 0;
      return total === amountCents && zeroes.every((key) => received(key) === 0);
    }));
  });
});

describe("proposalProblems", () => {
  const members = ["city", "pcsw", "ngo"];
  const proposal = (weights: Array<{ organisationKey: string | null; kind?: FundingKind; weight: number }>) =>
    proposalProblems(weights.map((x) => ({ kind: null, ...x })), members).map((p) => `${p.field.join(".")} ${p.code}`);

  it("accepts whole non-negative weights of current members with a positive sum for every kind", () => {
    expect(proposal([{ organisationKey: "city", weight: 2 }, { organisationKey: "pcsw", weight: 1 }, { organisationKey: "ngo", weight: 0 }])).toEqual([]);
  });

  it("refuses non-members, negative or fractional weights and a member twice for a kind", () => {
    expect(proposal([{ organisationKey: "liege", weight: 1 }, { organisationKey: null, weight: 1 }, { organisationKey: "city", weight: -1 }, { organisationKey: "pcsw", weight: 1.5 }, { organisationKey: "pcsw", weight: 1 }])).toEqual([
      "weights.0.organisationId NOT_A_MEMBER",
      "weights.1.organisationId NOT_A_MEMBER",
      "weights.2.weight INVALID",
      "weights.3.weight INVALID",
      "weights.4 INVALID",
    ]);
  });

  it("refuses weights that add up to 0 for a kind or by default", () => {
    expect(proposal([{ organisationKey: "city", weight: 1 }, { organisationKey: "city", kind: FundingKind.EXTENSION, weight: 0 }])).toEqual(["weights INVALID"]);
    expect(proposal([{ organisationKey: "city", weight: 0 }, { organisationKey: "pcsw", weight: 0 }])).toHaveLength(5);
  });
});

describe("approvedByAll", () => {
  it("holds once every current member approved, whatever else approved", () => {
    expect(approvedByAll(["city", "pcsw"], ["city", "pcsw", "ngo"])).toBe(false);
    expect(approvedByAll(["ngo", "city", "pcsw", "left"], ["city", "pcsw", "ngo"])).toBe(true);
  });
});
