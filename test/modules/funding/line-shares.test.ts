import { allocate } from "../../../src/modules/funding/allocation";
import { type ConsortiumMember, type SplitRule, sharesForLine } from "../../../src/modules/funding/line-shares";

const member = (organisationKey: string, organisationName: string, extra: Partial<ConsortiumMember> = {}): ConsortiumMember => ({
  organisationKey,
  organisationName,
  lead: false,
  joinedOn: "2025-01-01",
  leftOn: null,
  ...extra,
});
/** Consortium Gent as the test world has it, listed in no particular order. */
const NGO = member("ngo", "Vluchtelingenwerk Gent");
const PCSW = member("pcsw", "OCMW Gent");
const CITY = member("city", "Stad Gent", { lead: true });
const GENT = [NGO, PCSW, CITY];

const keysOn = (members: ConsortiumMember[], dueOn: string) => sharesForLine(members, dueOn).map((share) => share.memberKey);
const split = (amountCents: number, members: ConsortiumMember[], dueOn = "2026-01-31") => {
  const outcome = allocate(amountCents, sharesForLine(members, dueOn));
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.allocations.map((a) => [a.memberKey, a.amountCents]);
};

describe("sharesForLine", () => {
  it("gives every member on the due date weight 1, the lead first, then by organisation name", () => {
    expect(sharesForLine(GENT, "2026-01-31")).toEqual([
      { memberKey: "city", weight: 1 },
      { memberKey: "pcsw", weight: 1 },
      { memberKey: "ngo", weight: 1 },
    ]);
    expect(keysOn([CITY, PCSW, NGO], "2026-01-31")).toEqual(keysOn([PCSW, NGO, CITY], "2026-01-31"));
  });

  it("divides DESIGN's amounts exactly, a tied cent to the lead first: 3,000.00 and 2,000.00 over Gent's three", () => {
    expect(split(300000, GENT)).toEqual([["city", 100000], ["pcsw", 100000], ["ngo", 100000]]);
    expect(split(200000, GENT)).toEqual([["city", 66667], ["pcsw", 66667], ["ngo", 66666]]);
    expect(split(-300000, GENT)).toEqual([["city", -100000], ["pcsw", -100000], ["ngo", -100000]]);
  });

  it("leaves out a member that left on or before the due date, and one that joined after it", () => {
    const left = { ...NGO, leftOn: "2026-06-01" };
    expect(keysOn([CITY, PCSW, left], "2026-05-31")).toEqual(["city", "pcsw", "ngo"]);
    expect(keysOn([CITY, PCSW, left], "2026-06-01")).toEqual(["city", "pcsw"]);
    expect(split(300000, [CITY, PCSW, left], "2027-01-31")).toEqual([["city", 150000], ["pcsw", 150000]]);
    const joining = member("new", "Atelier", { joinedOn: "2026-02-01" });
    expect(keysOn([...GENT, joining], "2026-01-31")).toEqual(["city", "pcsw", "ngo"]);
    expect(keysOn([...GENT, joining], "2026-02-01")).toEqual(["city", "new", "pcsw", "ngo"]);
  });

  it("counts an organisation that left and joined again only for its membership of the day", () => {
    const before = { ...PCSW, leftOn: "2026-03-01" };
    const again = { ...PCSW, joinedOn: "2026-09-01" };
    expect(keysOn([CITY, before, again], "2026-05-01")).toEqual(["city"]);
    expect(keysOn([CITY, before, again], "2026-09-01")).toEqual(["city", "pcsw"]);
  });

  it("orders names in any case, and equal names by key", () => {
    const members = [member("b", "atelier"), member("c", "Bureau"), member("a", "Atelier")];
    expect(keysOn(members, "2026-01-31")).toEqual(["a", "b", "c"]);
  });

  it("has no shares on a day without members, which allocate then refuses", () => {
    expect(sharesForLine(GENT, "2024-12-31")).toEqual([]);
    expect(allocate(300000, sharesForLine(GENT, "2024-12-31")).ok).toBe(false);
  });

  it("hands a split rule the members of the due date in the tie order, and takes its weights and listing", () => {
    const seen: string[][] = [];
    const ruleOfTwoToOne: SplitRule = (members) => {
      seen.push(members.map((m) => m.organisationKey));
      return [...members].reverse().map((m) => ({ memberKey: m.organisationKey, weight: m.lead ? 2 : 1 }));
    };
    const shares = sharesForLine([...GENT, { ...member("gone", "Gone"), leftOn: "2025-06-01" }], "2026-01-31", ruleOfTwoToOne);
    expect(seen).toEqual([["city", "pcsw", "ngo"]]);
    expect(shares).toEqual([{ memberKey: "ngo", weight: 1 }, { memberKey: "pcsw", weight: 1 }, { memberKey: "city", weight: 2 }]);
  });
});
