import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { insertTemplate } from "./fixtures";

const MY_WORK = `
  query MyWork($first: Int!) {
    tasks(filter: { assignedToMyOrganisation: true }, first: $first) {
      totalCount
      nodes { title isOverdue household { reference } assigneeOrganisation { name } openHandover { status toOrganisation { name } } }
    }
  }`;

const HOUSEHOLD_TASKS = `
  query HouseholdTasks($first: Int!) {
    households(first: $first, filter: { referenceContains: "HH-WORK-" }) { nodes { tasks(first: 5) { totalCount nodes { title openHandover { status } } } } }
  }`;

describe("my work without N+1", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db.manager;
    const template = await insertTemplate(t.app.db, "TEST_WORK_ENROL", { nl: "Inschrijven op school", fr: "Inscription scolaire", en: "School enrolment" });
    // 50 households of Gent with a child each.
    await db.query(
      `INSERT INTO household (agreement_id, reference) SELECT $1, 'HH-WORK-' || lpad(i::text, 2, '0') FROM generate_series(1, 50) AS i`,
      [world.agreements.gent],
    );
    await db.query(
      `INSERT INTO person (household_id, given_name, family_name, birth_date, sex, relationship)
       SELECT id, 'Child ' || substr(reference, 9), 'Work', DATE '2016-01-01', 'X', 'CHILD' FROM household WHERE reference LIKE 'HH-WORK-%'`,
    );
    // 500 tasks of the PCSW, ten per household: one from the template about the child, nine of their own.
    await db.query(
      `INSERT INTO task (agreement_id, household_id, template_id, person_id, category, title, due_on, assignee_organisation_id)
       SELECT $1, h.id, CASE WHEN i % 10 = 0 THEN $2::uuid END, CASE WHEN i % 10 = 0 THEN p.id END, 'EDUCATION',
              CASE WHEN i % 10 <> 0 THEN 'Own task ' || i END, DATE '2020-01-01' + i * 3, $3
         FROM generate_series(1, 500) AS i
         JOIN household h ON h.reference = 'HH-WORK-' || lpad((1 + (i - 1) / 10)::text, 2, '0')
         JOIN person p ON p.household_id = h.id`,
      [world.agreements.gent, template, world.organisations.gentPcsw],
    );
    // Every third task has an open proposal to the NGO.
    await db.query(
      `INSERT INTO handover (task_id, from_organisation_id, to_organisation_id, proposed_by_user_id)
       SELECT id, assignee_organisation_id, $1, $2 FROM (SELECT id, assignee_organisation_id, row_number() OVER (ORDER BY due_on) AS n FROM task) ranked WHERE n % 3 = 0`,
      [world.organisations.gentNgo, world.users.gentStaff],
    );
  });
  afterAll(() => t.close());

  it("costs the same number of statements for 10 and for 100 of 500 tasks with title, household, assignee and open hand-over", async () => {
    const ten = await t.measure(MY_WORK, { first: 10 }, USERS.gentStaff);
    const hundred = await t.measure(MY_WORK, { first: 100 }, USERS.gentStaff);
    expect(ten.data.tasks.totalCount).toBe(500);
    expect(hundred.data.tasks.nodes).toHaveLength(100);
    const nodes = hundred.data.tasks.nodes as Array<{ title: string; household: { reference: string }; openHandover: { toOrganisation: { name: string } } | null }>;
    expect(nodes.filter((n) => /^School enrolment: Child \d\d$/.test(n.title))).toHaveLength(10);
    expect(nodes.filter((n) => n.openHandover?.toOrganisation.name === "Vluchtelingenwerk Gent").length).toBeGreaterThanOrEqual(33);
    expect(new Set(nodes.map((n) => n.household.reference)).size).toBe(10);
    console.log(`my work over 500 tasks: first 10 costs ${ten.statements} SQL statements, first 100 costs ${hundred.statements}`);
    expect(hundred.statements).toBe(ten.statements);
  });

  it("costs the same number of statements for the tasks of 5 and of 50 households", async () => {
    const five = await t.measure(HOUSEHOLD_TASKS, { first: 5 }, USERS.gentCoordinator);
    const fifty = await t.measure(HOUSEHOLD_TASKS, { first: 50 }, USERS.gentCoordinator);
    expect(fifty.data.households.nodes).toHaveLength(50);
    expect(fifty.data.households.nodes.every((h: { tasks: { totalCount: number; nodes: unknown[] } }) => h.tasks.totalCount === 10 && h.tasks.nodes.length === 5)).toBe(true);
    console.log(`Household.tasks: 5 households cost ${five.statements} SQL statements, 50 households ${fifty.statements}`);
    expect(fifty.statements).toBe(five.statements);
  });
});
