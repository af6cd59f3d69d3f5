import fc from "fast-check";
import { MembershipRole } from "../../../src/modules/consortia/membership-rules";
import { type CurrentMember, defaultResponsible, responsibilityMatrix } from "../../../src/modules/integration-path/responsibility-matrix";
import { TaskCategory } from "../../../src/modules/tasks/task-vocabulary";

const { LEAD, MEMBER } = MembershipRole;
const member = (organisationKey: string, kind: CurrentMember["kind"], role = MEMBER): CurrentMember => ({ organisationKey, kind, role });
const assigned = (members: CurrentMember[], choices: Parameters<typeof responsibilityMatrix>[1] = []) =>
  Object.fromEntries(responsibilityMatrix(members, choices).map((a) => [a.category, `${a.organisationKey}${a.isDefault ? "" : "*"}`]));

describe("responsibility matrix", () => {
  it("Gent (city lead, PCSW, NGO): administration to the city, income to the PCSW, the rest to the lead", () => {
    expect(assigned([member("city", "CITY", LEAD), member("pcsw", "PCSW"), member("ngo", "NGO")])).toEqual({
      HOUSING: "city",
      ADMINISTRATION: "city",
      INCOME: "pcsw",
      EDUCATION: "city",
      HEALTH: "city",
      INTEGRATION: "city",
      COOPERATION: "city",
    });
  });

  it("Liège (PCSW lead, NGO): no city, so administration falls to the lead like the rest", () => {
    expect(new Set(Object.values(assigned([member("pcsw", "PCSW", LEAD), member("ngo", "NGO")])))).toEqual(new Set(["pcsw"]));
  });

  it("prefers a municipality for administration and the lead among several of the wanted kind", () => {
    const members = [member("ngo", "NGO", LEAD), member("commune", "MUNICIPALITY"), member("city", "CITY"), member("pcsw", "PCSW")];
    expect(defaultResponsible(TaskCategory.ADMINISTRATION, members)).toBe("commune");
    expect(defaultResponsible(TaskCategory.INCOME, members)).toBe("pcsw");
    expect(defaultResponsible(TaskCategory.HEALTH, members)).toBe("ngo");
    const cityLead = [member("commune", "MUNICIPALITY"), member("city", "CITY", LEAD)];
    expect(defaultResponsible(TaskCategory.ADMINISTRATION, cityLead)).toBe("city");
  });

  it("lets a choice for a current member override the default, and ignores one for an organisation that left", () => {
    const members = [member("city", "CITY", LEAD), member("pcsw", "PCSW"), member("ngo", "NGO")];
    const matrix = assigned(members, [
      { category: TaskCategory.EDUCATION, organisationKey: "ngo" },
      { category: TaskCategory.INCOME, organisationKey: "gone" },
    ]);
    expect(matrix).toMatchObject({ EDUCATION: "ngo*", INCOME: "pcsw", HOUSING: "city" });
  });

  it("is empty for a consortium without current members", () => {
    expect(responsibilityMatrix([], [{ category: TaskCategory.HOUSING, organisationKey: "x" }])).toEqual([]);
  });

  const kinds = fc.constantFrom<CurrentMember["kind"]>("CITY", "MUNICIPALITY", "PCSW", "NGO", "OTHER");
  const consortium = fc
    .array(fc.record({ kind: kinds }), { minLength: 1, maxLength: 6 })
    .chain((rows) =>
      fc.integer({ min: 0, max: rows.length - 1 }).map((lead) => rows.map((row, i) => member(`org-${i}`, row.kind, i === lead ? LEAD : MEMBER))),
    );
  const choices = fc.array(
    fc.record({ category: fc.constantFrom(...Object.values(TaskCategory)), organisationKey: fc.constantFrom("org-0", "org-1", "org-2", "org-9") }),
    { maxLength: 10 },
  );

  it("always names one current member per category, honours applicable choices and otherwise the kinds", () => {
    fc.assert(
      fc.property(consortium, choices, (members, chosen) => {
        const matrix = responsibilityMatrix(members, chosen);
        expect(matrix.map((a) => a.category)).toEqual(Object.values(TaskCategory));
        const keys = new Set(members.map((m) => m.organisationKey));
        const lead = members.find((m) => m.role === LEAD)!;
        for (const a of matrix) {
          expect(keys.has(a.organisationKey)).toBe(true);
          const choice = chosen.find((c) => c.category === a.category && keys.has(c.organisationKey));
          expect(a.isDefault).toBe(!choice);
          if (choice) expect(a.organisationKey).toBe(choice.organisationKey);
          const kind = members.find((m) => m.organisationKey === a.organisationKey)!.kind;
          if (!choice && a.category === TaskCategory.ADMINISTRATION && members.some((m) => m.kind === "CITY" || m.kind === "MUNICIPALITY")) {
            expect(["CITY", "MUNICIPALITY"]).toContain(kind);
          }
          if (!choice && a.category === TaskCategory.INCOME && members.some((m) => m.kind === "PCSW")) expect(kind).toBe("PCSW");
          if (!choice && ![TaskCategory.ADMINISTRATION, TaskCategory.INCOME].includes(a.category)) expect(a.organisationKey).toBe(lead.organisationKey);
        }
      }),
    );
  });
});
