import fc from "fast-check";
import {
  Relationship,
  addPersonProblem,
  arrivalDay,
  birthDateProblem,
  relationshipChange,
  removePersonProblem,
  resettledFlag,
} from "../../../src/modules/households/person-rules";

const TODAY = "2026-06-15";
const relationships = fc.constantFrom(...Object.values(Relationship));
const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));

describe("birth dates", () => {
  it("accepts today and 1900-01-01, refuses the future and earlier", () => {
    expect(birthDateProblem(TODAY, TODAY)).toBeNull();
    expect(birthDateProblem("1900-01-01", TODAY)).toBeNull();
    expect(birthDateProblem("2026-06-16", TODAY)).toMatch(/future/);
    expect(birthDateProblem("1899-12-31", TODAY)).toMatch(/1900/);
  });
});

describe("the resettled flag", () => {
  it("counts arrival from arrivedOn, else the expected arrival", () => {
    expect(arrivalDay({ arrivedOn: "2026-03-02", expectedArrivalOn: "2026-03-01" })).toBe("2026-03-02");
    expect(arrivalDay({ arrivedOn: null, expectedArrivalOn: "2026-03-01" })).toBe("2026-03-01");
    expect(arrivalDay({ arrivedOn: null, expectedArrivalOn: null })).toBeNull();
  });

  it("defaults to true, to false for a child born after arrival, and refuses true for that child", () => {
    expect(resettledFlag("2015-01-01", "2026-03-01")).toBe(true);
    expect(resettledFlag("2026-03-01", "2026-03-01")).toBe(true);
    expect(resettledFlag("2026-03-02", "2026-03-01")).toBe(false);
    expect(resettledFlag("2026-03-02", "2026-03-01", false)).toBe(false);
    expect(resettledFlag("2026-03-02", "2026-03-01", true)).toBeNull();
    expect(resettledFlag("2015-01-01", "2026-03-01", false)).toBe(false);
    expect(resettledFlag("2026-05-01", null)).toBe(true);
  });

  it("property: a person born after arrival is never resettled; before it the request (else the fallback) holds", () => {
    fc.assert(
      fc.property(day, fc.option(day), fc.option(fc.boolean()), fc.boolean(), (birthDate, arrival, requested, fallback) => {
        const flag = resettledFlag(birthDate, arrival, requested, fallback);
        if (arrival !== null && birthDate > arrival) expect(flag).toBe(requested === true ? null : false);
        else expect(flag).toBe(requested ?? fallback);
      }),
    );
  });
});

describe("one head per household", () => {
  it("refuses adding a head and removing the head", () => {
    expect(addPersonProblem(Relationship.HEAD)?.code).toBe("ONE_HEAD_ONLY");
    expect(addPersonProblem(Relationship.CHILD)).toBeNull();
    expect(removePersonProblem(Relationship.HEAD)?.code).toBe("HEAD_REQUIRED");
    expect(removePersonProblem(Relationship.PARTNER)).toBeNull();
  });

  it("changes heads only with what the former head becomes", () => {
    expect(relationshipChange(Relationship.PARTNER, Relationship.HEAD, Relationship.PARTNER)).toEqual({ formerHeadBecomes: Relationship.PARTNER });
    expect(relationshipChange(Relationship.PARTNER, Relationship.HEAD, null)).toMatchObject({ problem: { code: "ONE_HEAD_ONLY" } });
    expect(relationshipChange(Relationship.PARTNER, Relationship.HEAD, Relationship.HEAD)).toMatchObject({ problem: { field: ["formerHeadRelationship"], code: "INVALID" } });
    expect(relationshipChange(Relationship.HEAD, Relationship.PARTNER, null)).toMatchObject({ problem: { code: "HEAD_REQUIRED" } });
    expect(relationshipChange(Relationship.CHILD, Relationship.SIBLING, Relationship.PARTNER)).toMatchObject({ problem: { code: "INVALID" } });
    expect(relationshipChange(Relationship.HEAD, undefined, undefined)).toEqual({ formerHeadBecomes: null });
    expect(relationshipChange(Relationship.HEAD, Relationship.HEAD, undefined)).toEqual({ formerHeadBecomes: null });
  });

  type Operation = { kind: "add" | "remove" | "update"; index: number; relationship: Relationship | null; former: Relationship | null };
  const operation = fc.record({
    kind: fc.constantFrom("add" as const, "remove" as const, "update" as const),
    index: fc.nat(20),
    relationship: fc.option(relationships),
    former: fc.option(relationships),
  });

  /** Applies an operation to a household the way the services do: only what the rules allow. */
  function apply(family: Relationship[], op: Operation): Relationship[] {
    const i = op.index % family.length;
    if (op.kind === "add") return addPersonProblem(op.relationship ?? Relationship.OTHER) ? family : [...family, op.relationship ?? Relationship.OTHER];
    if (op.kind === "remove") return removePersonProblem(family[i]) ? family : family.filter((_, j) => j !== i);
    const change = relationshipChange(family[i], op.relationship, op.former);
    if ("problem" in change) return family;
    const next = family.map((r) => (change.formerHeadBecomes && r === Relationship.HEAD ? change.formerHeadBecomes : r));
    next[i] = op.relationship ?? family[i];
    return next;
  }

  it("property: whatever members do, a household keeps exactly one head", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.values(Relationship).filter((r) => r !== Relationship.HEAD))), fc.array(operation), (others, operations) => {
        const family = operations.reduce(apply, [Relationship.HEAD, ...others]);
        expect(family.filter((r) => r === Relationship.HEAD)).toHaveLength(1);
      }),
    );
  });
});
