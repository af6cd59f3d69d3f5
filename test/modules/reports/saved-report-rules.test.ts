import fc from "fast-check";
import { toGlobalId } from "../../../src/graphql/global-id";
import { HouseholdStatus } from "../../../src/modules/households/household-status";
import { Province } from "../../../src/modules/organisations/organisation.entity";
import type { ReportDefinitionInput, ReportFilter } from "../../../src/modules/reports/report-definition.inputs";
import { ReportDimension, ReportMeasure } from "../../../src/modules/reports/report-vocabulary";
import { definitionToKeep, saveProblems, shareProblems } from "../../../src/modules/reports/saved-report-rules";

const DEFINITION: ReportDefinitionInput = { dimensions: [ReportDimension.PROVINCE], measures: [ReportMeasure.HOUSEHOLDS] };
const codes = (problems: Array<{ field: string[]; code: string }>) => problems.map((p) => `${p.field.join(".")} ${p.code}`);

describe("saveProblems", () => {
  it("asks a new report for a name and a definition, and ignores a version", () => {
    expect(codes(saveProblems({}, false, null))).toEqual(["name REQUIRED", "definition REQUIRED"]);
    expect(codes(saveProblems({ name: "Per province" }, false, null))).toEqual(["definition REQUIRED"]);
    expect(codes(saveProblems({ definition: DEFINITION }, false, null))).toEqual(["name REQUIRED"]);
    expect(saveProblems({ name: "Per province", definition: DEFINITION, expectedVersion: null }, false, null)).toEqual([]);
  });

  it("asks a change for the version read and for something to change", () => {
    expect(codes(saveProblems({}, true, null))).toEqual(["expectedVersion REQUIRED", "name REQUIRED"]);
    expect(codes(saveProblems({ name: "Renamed" }, true, null))).toEqual(["expectedVersion REQUIRED"]);
    expect(saveProblems({ expectedVersion: 3, name: "Renamed" }, true, null)).toEqual([]);
    expect(saveProblems({ expectedVersion: 3, definition: DEFINITION }, true, null)).toEqual([]);
  });

  it("refuses a blank name, new or renamed", () => {
    expect(codes(saveProblems({ name: "  ", definition: DEFINITION }, false, null))).toEqual(["name REQUIRED"]);
    expect(codes(saveProblems({ expectedVersion: 3, name: "\t" }, true, null))).toEqual(["name REQUIRED"]);
  });

  it("passes on why the definition cannot be run, next to what is missing", () => {
    const problems = saveProblems({ definition: DEFINITION }, false, "The dimension TASK_STATUS goes with task measures only.");
    expect(codes(problems)).toEqual(["name REQUIRED", "definition INVALID"]);
    expect(problems[1].message).toBe("The dimension TASK_STATUS goes with task measures only.");
  });
});

describe("shareProblems", () => {
  const [owner, colleague, fedasil, partner] = ["0b3f5c1e-0000-4000-8000-000000000001", "0b3f5c1e-0000-4000-8000-000000000002", "0b3f5c1e-0000-4000-8000-000000000003", "0b3f5c1e-0000-4000-8000-000000000004"];
  const found = [owner, colleague, fedasil];
  const user = (key: string) => toGlobalId("User", key);

  it("accepts evaluators and Fedasil users, and nobody at all", () => {
    expect(shareProblems([user(colleague), user(fedasil)], found, owner)).toEqual([]);
    expect(shareProblems([], [], owner)).toEqual([]);
  });

  it("names each recipient that is not one, by its position: unknown, a partner, another type, not an id; the owner is invalid", () => {
    const ids = [user(colleague), user(partner), toGlobalId("Organisation", colleague), "nonsense", user(owner)];
    expect(codes(shareProblems(ids, found, owner))).toEqual(["userIds.1 UNKNOWN_REFERENCE", "userIds.2 UNKNOWN_REFERENCE", "userIds.3 UNKNOWN_REFERENCE", "userIds.4 INVALID"]);
  });
});

describe("definitionToKeep", () => {
  it("keeps dimensions, measures and the conditions given, and drops a filter with none", () => {
    const agreement = toGlobalId("Agreement", "0b3f5c1e-0000-4000-8000-000000000009");
    const definition = { ...DEFINITION, filter: { agreementIds: [agreement], provinces: [], arrivedFrom: "2025-01-01", arrivedTo: null } as ReportFilter };
    expect(definitionToKeep(definition)).toEqual({ ...DEFINITION, filter: { agreementIds: [agreement], arrivedFrom: "2025-01-01" } });
    expect(definitionToKeep({ ...DEFINITION, filter: { provinces: [], arrivedTo: null } as ReportFilter })).toEqual({ ...DEFINITION, filter: null });
    expect(definitionToKeep(DEFINITION)).toEqual({ ...DEFINITION, filter: null });
  });

  const list = <T>(values: T[]) => fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant([] as T[]), fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 }));
  const day = fc.oneof(fc.constant(undefined), fc.constant(null), fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  const ids = fc.uuid().map((key) => toGlobalId("Agreement", key));
  const filter = fc.record({
    agreementIds: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant([] as string[]), fc.array(ids, { minLength: 1, maxLength: 3 })),
    provinces: list(Object.values(Province)),
    householdStatuses: list(Object.values(HouseholdStatus)),
    arrivedFrom: day,
    arrivedTo: day,
  }, { requiredKeys: [] }) as fc.Arbitrary<ReportFilter>;
  const definition = fc.record({
    dimensions: fc.uniqueArray(fc.constantFrom(...Object.values(ReportDimension)), { maxLength: 4 }),
    measures: fc.uniqueArray(fc.constantFrom(...Object.values(ReportMeasure)), { minLength: 1, maxLength: 4 }),
    filter: fc.option(filter, { nil: undefined }),
  }) as fc.Arbitrary<ReportDefinitionInput>;
  const given = (value: unknown) => value != null && !(Array.isArray(value) && value.length === 0);

  it("keeps every condition given as it was, drops only the null and empty ones, and changes nothing kept twice", () => {
    fc.assert(
      fc.property(definition, (asked) => {
        const before = structuredClone(asked);
        const kept = definitionToKeep(asked);
        expect(kept.dimensions).toEqual(asked.dimensions);
        expect(kept.measures).toEqual(asked.measures);
        const conditions = Object.entries(asked.filter ?? {}).filter(([, value]) => given(value));
        expect(kept.filter).toEqual(conditions.length > 0 ? Object.fromEntries(conditions) : null);
        expect(definitionToKeep(kept)).toEqual(kept);
        expect(asked).toEqual(before);
      }),
    );
  });
});
