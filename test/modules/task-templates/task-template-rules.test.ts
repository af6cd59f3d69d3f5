import { type TemplateRequest, newTemplate } from "../../../src/modules/task-templates/task-template-rules";
import { DueAnchor, KeyMoment, TaskCategory } from "../../../src/modules/tasks/task-vocabulary";

const request = (overrides: Partial<TemplateRequest> = {}): TemplateRequest => ({
  code: "GP_REGISTRATION",
  category: TaskCategory.HEALTH,
  titles: { nl: "Huisarts kiezen", fr: "Choisir un médecin", en: "Choose a GP" },
  dueAnchor: DueAnchor.ACCOMPANIMENT_START,
  dueOffsetMonths: 1,
  dueOffsetDays: 0,
  perSchoolAgeChild: false,
  keyMoment: null,
  ...overrides,
});
const codes = (r: TemplateRequest) => newTemplate(r).problems.map((p) => `${p.field.join(".")}:${p.code}`);

describe("task template rules", () => {
  it("trims the code and titles into the stored columns", () => {
    const { values, problems } = newTemplate(request({ code: " GP_2 ", titles: { nl: " a ", fr: "b ", en: " c" } }));
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ code: "GP_2", titleNl: "a", titleFr: "b", titleEn: "c", category: TaskCategory.HEALTH, dueOffsetMonths: 1 });
    expect(values).not.toHaveProperty("titles");
  });

  it.each(["gp", "GP__X", "_GP", "GP_", "1GP", "GP-X", "A".repeat(65)])("refuses the code %p", (code) => {
    expect(codes(request({ code }))).toEqual(["code:INVALID"]);
  });

  it("accepts upper-case words joined by underscores", () => {
    for (const code of ["A", "KEY_MOMENT_REPORT_3_MONTHS", "A".repeat(64)]) expect(codes(request({ code }))).toEqual([]);
  });

  it("wants every title", () => {
    expect(codes(request({ titles: { nl: " ", fr: "", en: "x" } }))).toEqual(["titles.nl:REQUIRED", "titles.fr:REQUIRED"]);
  });

  it("keeps key moments to COOPERATION, one per household", () => {
    expect(codes(request({ keyMoment: KeyMoment.MONTH_3 }))).toEqual(["keyMoment:INVALID"]);
    expect(codes(request({ category: TaskCategory.COOPERATION, keyMoment: KeyMoment.MONTH_3 }))).toEqual([]);
    expect(codes(request({ category: TaskCategory.COOPERATION, keyMoment: KeyMoment.END, perSchoolAgeChild: true }))).toEqual(["perSchoolAgeChild:INVALID"]);
  });
});
