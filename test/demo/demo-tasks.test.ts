import { accompanimentOf } from "../../src/modules/integration-path/accompaniment-rules";
import { planIntegrationPath } from "../../src/modules/integration-path/integration-path-plan";
import { seedDemoData } from "../../src/demo/demo-data";
import { planDemoWork } from "../../src/demo/demo-daily-work";
import { planDemoData } from "../../src/demo/demo-plan";
import { addDays, todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";

type Rows = Array<Record<string, any>>;

describe("demo tasks", () => {
  let t: TestApp;
  const today = todayInBrussels();
  const query = (sql: string, params: unknown[] = []): Promise<Rows> => t.app.db.manager.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.db, today);
  });
  afterAll(() => t.close());

  it("gives every arrived household exactly the tasks its integration path plans, and a PLANNED one none", async () => {
    const manager = t.app.db.manager;
    const templates = await t.app.services.taskTemplates.active(manager);
    const households = await query(`SELECT id, agreement_id, status, arrived_on::text, arrival_route, accompaniment_starts_on::text FROM household`);
    const tasks = await query(
      `SELECT task.household_id, task.template_id, task.person_id, task.assignee_organisation_id,
              (SELECT e.to_due_on::text FROM task_event e WHERE e.task_id = task.id AND e.kind = 'CREATED') AS created_due_on,
              EXISTS (SELECT 1 FROM task_event e WHERE e.task_id = task.id AND e.kind = 'HANDOVER_ACCEPTED') AS handed_over
         FROM task`,
    );
    expect(households.filter((h) => h.status !== "PLANNED").length).toBeGreaterThanOrEqual(18);
    for (const h of households) {
      const own = tasks.filter((task) => task.household_id === h.id);
      if (h.status === "PLANNED") {
        expect(own).toEqual([]);
        continue;
      }
      const persons = (await query(`SELECT id AS key, birth_date::text AS "birthDate" FROM person WHERE household_id = $1 ORDER BY birth_date, id`, [h.id])) as Array<{ key: string; birthDate: string }>;
      const period = accompanimentOf({ arrivedOn: h.arrived_on, arrivalRoute: h.arrival_route, accompanimentStartsOn: h.accompaniment_starts_on });
      const responsible = await t.app.services.responsibilities.responsibleIn(manager, h.agreement_id);
      const planned = planIntegrationPath({ ...period, persons }, templates, responsible!);
      expect(own).toHaveLength(planned.length);
      for (const step of planned) {
        const task = own.find((o) => o.template_id === step.templateKey && o.person_id === step.personKey);
        expect(task).toMatchObject({ created_due_on: step.dueOn });
        if (!task!.handed_over) expect(task!.assignee_organisation_id).toBe(step.assigneeOrganisationKey);
      }
    }
  });

  it("opens every task's history with one CREATED entry and keeps the entries in time order", async () => {
    const histories = await query(
      `SELECT count(*) FILTER (WHERE e.kind = 'CREATED')::int AS created,
              array_agg(e.kind ORDER BY e.position) AS by_position, array_agg(e.kind ORDER BY e.occurred_at, e.position) AS by_time
         FROM task t JOIN task_event e ON e.task_id = t.id GROUP BY t.id`,
    );
    const [{ tasks }] = await query(`SELECT count(*)::int AS tasks FROM task`);
    expect(histories).toHaveLength(tasks);
    for (const h of histories) {
      expect(h.created).toBe(1);
      expect(h.by_position[0]).toBe("CREATED");
      expect(h.by_time).toEqual(h.by_position);
    }
  });

  it("keeps each task's status, reason, who and when, and version consistent with its history", async () => {
    const tasks = await query(
      `SELECT t.status, t.status_reason, t.done_at, t.due_on::text, t.version, t.assignee_organisation_id, u.organisation_id AS done_by_organisation,
              (SELECT e.to_status FROM task_event e WHERE e.task_id = t.id AND e.kind IN ('CREATED', 'STATUS_CHANGED') ORDER BY e.position DESC LIMIT 1) AS last_status,
              (SELECT count(*)::int FROM task_event e WHERE e.task_id = t.id AND e.kind NOT IN ('CREATED', 'COMMENTED')) AS changes
         FROM task t LEFT JOIN app_user u ON u.id = t.done_by_user_id`,
    );
    for (const task of tasks) {
      expect(task.last_status).toBe(task.status);
      expect(task.version).toBe(1 + task.changes);
      if (task.status === "DONE") {
        expect(task.done_by_organisation).toBe(task.assignee_organisation_id);
        expect(task.done_at < new Date()).toBe(true);
      } else {
        expect([task.done_at, task.done_by_organisation]).toEqual([null, null]);
      }
      expect(Boolean(task.status_reason?.trim())).toBe(task.status === "BLOCKED" || task.status === "NOT_APPLICABLE");
    }
    const count = (status: string) => tasks.filter((task) => task.status === status).length;
    expect([count("BLOCKED"), count("NOT_APPLICABLE")]).toEqual([1, 1]);
    expect(count("IN_PROGRESS")).toBeGreaterThanOrEqual(3);
    const settled = tasks.filter((task) => task.due_on < addDays(today, -21));
    expect(settled.filter((task) => task.status === "DONE").length / settled.length).toBeGreaterThan(0.8);
    expect(settled.filter((task) => task.status === "OPEN").length).toBeGreaterThanOrEqual(2);
  });

  it("plans the same work for the same programme, templates and day", async () => {
    const templates = await t.app.services.taskTemplates.active(t.app.db.manager);
    expect(planDemoWork(planDemoData("2026-03-15"), templates, "2026-03-15")).toEqual(planDemoWork(planDemoData("2026-03-15"), templates, "2026-03-15"));
  });
});
