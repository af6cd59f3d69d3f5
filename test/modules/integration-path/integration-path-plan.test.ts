import fc from "fast-check";
import {
  type PathTemplate,
  type ResponsibleByCategory,
  ageOn,
  dueOn,
  isOfSchoolAge,
  planIntegrationPath,
  replanFromEnd,
} from "../../../src/modules/integration-path/integration-path-plan";
import { addDays, addMonths } from "../../../src/shared/calendar";
import { DueAnchor, TaskCategory, TaskStatus } from "../../../src/modules/tasks/task-vocabulary";

const { ACCOMPANIMENT_START: START, ACCOMPANIMENT_END: END } = DueAnchor;
const template = (key: string, category: TaskCategory, dueAnchor: DueAnchor, dueOffsetMonths: number, dueOffsetDays = 0, perSchoolAgeChild = false): PathTemplate => ({
  key, category, dueAnchor, dueOffsetMonths, dueOffsetDays, perSchoolAgeChild,
});

/** The standard path as the migration writes it. */
const STANDARD: PathTemplate[] = [
  template("commune", TaskCategory.ADMINISTRATION, START, 0, 8),
  template("pcsw", TaskCategory.INCOME, START, 0, 7),
  template("income", TaskCategory.INCOME, START, 0, 14),
  template("health", TaskCategory.HEALTH, START, 1),
  template("bank", TaskCategory.ADMINISTRATION, START, 0, 14),
  template("school", TaskCategory.EDUCATION, START, 1, 0, true),
  template("language", TaskCategory.INTEGRATION, START, 2),
  template("housing", TaskCategory.HOUSING, START, 1),
  template("nextHome", TaskCategory.HOUSING, END, -3),
  template("arrival", TaskCategory.COOPERATION, START, 0, 14),
  template("month3", TaskCategory.COOPERATION, START, 3),
  template("month6", TaskCategory.COOPERATION, START, 6),
  template("end", TaskCategory.COOPERATION, END, 0),
];

const RESPONSIBLE: ResponsibleByCategory = {
  [TaskCategory.ADMINISTRATION]: "city",
  [TaskCategory.INCOME]: "pcsw",
  [TaskCategory.HOUSING]: "city",
  [TaskCategory.EDUCATION]: "ngo",
  [TaskCategory.HEALTH]: "city",
  [TaskCategory.INTEGRATION]: "ngo",
  [TaskCategory.COOPERATION]: "city",
};

const period = { startsOn: "2026-01-31", endsOn: "2027-01-31" };

describe("planIntegrationPath", () => {
  const family = [
    { key: "head", birthDate: "1985-05-01" },
    { key: "teen", birthDate: "2008-02-01" }, // 17 on the start day: still of school age
    { key: "adult", birthDate: "2008-01-31" }, // 18 that very day: no longer
    { key: "pupil", birthDate: "2021-01-31" }, // 5 that very day
    { key: "toddler", birthDate: "2021-02-01" }, // 4, turns 5 the next day
  ];

  it("plans one task per template and one school enrolment per child of school age, due from the start or the end, assigned by category", () => {
    const tasks = planIntegrationPath({ ...period, persons: family }, STANDARD, RESPONSIBLE);
    const due = Object.fromEntries(tasks.map((t) => [t.personKey ? `${t.templateKey}:${t.personKey}` : t.templateKey, t.dueOn]));
    expect(due).toEqual({
      commune: "2026-02-08",
      pcsw: "2026-02-07",
      income: "2026-02-14",
      health: "2026-02-28", // 31 January + 1 month: the last day of February
      bank: "2026-02-14",
      "school:teen": "2026-02-28",
      "school:pupil": "2026-02-28",
      language: "2026-03-31",
      housing: "2026-02-28",
      nextHome: "2026-10-31",
      arrival: "2026-02-14",
      month3: "2026-04-30",
      month6: "2026-07-31",
      end: "2027-01-31",
    });
    expect(tasks).toHaveLength(14);
    for (const task of tasks) expect(task.assigneeOrganisationKey).toBe(RESPONSIBLE[task.category]);
    expect(tasks.filter((t) => t.personKey === null)).toHaveLength(12);
  });

  it("plans no school enrolment for a household without school-age children, and nothing from no templates", () => {
    const tasks = planIntegrationPath({ ...period, persons: [family[0], family[4]] }, STANDARD, RESPONSIBLE);
    expect(tasks.map((t) => t.templateKey)).not.toContain("school");
    expect(tasks).toHaveLength(12);
    expect(planIntegrationPath({ ...period, persons: family }, [], RESPONSIBLE)).toEqual([]);
  });

  it("counts full years of age, a leap-day birthday coming of age on 1 March", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(isOfSchoolAge("2021-06-15", "2026-06-14")).toBe(false);
    expect(isOfSchoolAge("2021-06-15", "2026-06-15")).toBe(true);
  });

  const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const person = fc.record({ key: fc.uuid(), birthDate: day });
  const someTemplate = fc.record({
    key: fc.uuid(),
    category: fc.constantFrom(...Object.values(TaskCategory)),
    dueAnchor: fc.constantFrom(START, END),
    dueOffsetMonths: fc.integer({ min: -24, max: 24 }),
    dueOffsetDays: fc.integer({ min: -366, max: 366 }),
    perSchoolAgeChild: fc.boolean(),
  });

  it("always plans one task per household template plus one per school-age child, each due by its rule and assigned by the matrix", () => {
    fc.assert(
      fc.property(day, fc.array(person, { maxLength: 8 }), fc.array(someTemplate, { maxLength: 15 }), (startsOn, persons, templates) => {
        const facts = { startsOn, endsOn: addMonths(startsOn, 12), persons };
        const tasks = planIntegrationPath(facts, templates, RESPONSIBLE);
        const children = persons.filter((p) => isOfSchoolAge(p.birthDate, startsOn)).length;
        expect(tasks).toHaveLength(templates.reduce((n, t) => n + (t.perSchoolAgeChild ? children : 1), 0));
        for (const task of tasks) {
          const rule = templates.find((t) => t.key === task.templateKey)!;
          const anchor = rule.dueAnchor === END ? facts.endsOn : startsOn;
          expect(task.dueOn).toBe(addDays(addMonths(anchor, rule.dueOffsetMonths), rule.dueOffsetDays));
          expect(task.assigneeOrganisationKey).toBe(RESPONSIBLE[rule.category]);
          expect(task.personKey !== null).toBe(rule.perSchoolAgeChild);
        }
        const keys = tasks.map((t) => `${t.templateKey}:${t.personKey}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it("keeps the next-home search 3 months before the end and the key moments at their months, whatever the start", () => {
    fc.assert(
      fc.property(day, (startsOn) => {
        const facts = { startsOn, endsOn: addMonths(startsOn, 12), persons: [] };
        const due = new Map(planIntegrationPath(facts, STANDARD, RESPONSIBLE).map((t) => [t.templateKey, t.dueOn]));
        expect(due.get("nextHome")).toBe(addMonths(facts.endsOn, -3));
        expect(due.get("nextHome")! < facts.endsOn).toBe(true);
        expect(due.get("month3")).toBe(addMonths(startsOn, 3));
        expect(due.get("month6")).toBe(addMonths(startsOn, 6));
        expect(due.get("end")).toBe(facts.endsOn);
      }),
    );
  });
});

describe("replanFromEnd", () => {
  const longer = { startsOn: period.startsOn, endsOn: "2028-01-31" };
  const task = (key: string, status: TaskStatus, rule: PathTemplate, due: string) => ({ key, status, dueOn: due, template: rule });

  it("moves open tasks counted from the end, not closed ones nor those counted from the start", () => {
    const changes = replanFromEnd(
      [
        task("nextHome", TaskStatus.IN_PROGRESS, STANDARD[8], "2026-10-31"),
        task("end", TaskStatus.OPEN, STANDARD[12], "2027-01-31"),
        task("endBlocked", TaskStatus.BLOCKED, STANDARD[12], "2027-01-31"),
        task("endDone", TaskStatus.DONE, STANDARD[12], "2027-01-31"),
        task("endCancelled", TaskStatus.CANCELLED, STANDARD[12], "2027-01-31"),
        task("endNotApplicable", TaskStatus.NOT_APPLICABLE, STANDARD[12], "2027-01-31"),
        task("month3", TaskStatus.OPEN, STANDARD[10], "2026-04-30"),
      ],
      longer,
    );
    expect(changes).toEqual([
      { key: "nextHome", fromDueOn: "2026-10-31", toDueOn: "2027-10-31" },
      { key: "end", fromDueOn: "2027-01-31", toDueOn: "2028-01-31" },
      { key: "endBlocked", fromDueOn: "2027-01-31", toDueOn: "2028-01-31" },
    ]);
  });

  it("leaves a task already on its new date alone", () => {
    expect(replanFromEnd([task("end", TaskStatus.OPEN, STANDARD[12], "2028-01-31")], longer)).toEqual([]);
  });

  it("computes the new date from the template, like the first plan", () => {
    fc.assert(
      fc.property(fc.integer({ min: -24, max: 24 }), fc.integer({ min: -366, max: 366 }), (months, days) => {
        const rule = template("x", TaskCategory.HOUSING, END, months, days);
        const [change] = replanFromEnd([task("x", TaskStatus.OPEN, rule, "1999-01-01")], longer);
        expect(change.toDueOn).toBe(dueOn(rule, longer));
      }),
    );
  });
});
