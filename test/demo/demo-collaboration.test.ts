import { tasksCompletedBy } from "../../src/modules/cooperation/key-moment-tasks";
import { seedDemoData } from "../../src/demo/demo-data";
import { todayInBrussels } from "../../src/shared/calendar";
import { type GraphQLResponse, type TestApp, startTestApp } from "../support/test-app";

type Rows = Array<Record<string, any>>;

const TASKS = `query Tasks($after: String, $filter: TaskFilter) {
  tasks(first: 100, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id household { reference } assigneeOrganisation { name } }
  }
}`;

describe("demo collaboration", () => {
  let t: TestApp;
  const today = todayInBrussels();
  const query = (sql: string, params: unknown[] = []): Promise<Rows> => t.app.db.manager.query(sql, params);

  /** Every page of the tasks the user sees through the API. */
  async function tasksSeenBy(login: string, filter: Record<string, unknown> | null) {
    const nodes: Rows = [];
    for (let after: string | null = null, more = true; more; ) {
      const res: GraphQLResponse = await t.gql(TASKS, { after, filter }, login);
      expect(res.errors).toBeUndefined();
      nodes.push(...res.data.tasks.nodes);
      ({ hasNextPage: more, endCursor: after } = res.data.tasks.pageInfo);
    }
    return nodes;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.db, today);
  });
  afterAll(() => t.close());

  it("records each comment with a COMMENTED entry by its author, a user of the consortium", async () => {
    const comments = await query(
      `SELECT EXISTS (SELECT 1 FROM task_event e WHERE e.task_id = c.task_id AND e.kind = 'COMMENTED' AND e.actor_user_id = c.author_user_id AND e.occurred_at = c.created_at) AS logged,
              EXISTS (SELECT 1 FROM consortium_membership m JOIN agreement a ON a.consortium_id = m.consortium_id
                       WHERE a.id = t.agreement_id AND m.organisation_id = c.author_organisation_id) AS member
         FROM task_comment c JOIN task t ON t.id = c.task_id`,
    );
    expect(comments.length).toBeGreaterThanOrEqual(1);
    expect(comments.length).toBeLessThanOrEqual(2);
    expect(comments.every((c) => c.logged && c.member)).toBe(true);
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM task_event WHERE kind = 'COMMENTED'`);
    expect(n).toBe(comments.length);
  });

  it("has one open hand-over to a current member other than the assignee, and one accepted earlier", async () => {
    const handovers = await query(
      `SELECT h.status, h.from_organisation_id AS from, h.to_organisation_id AS to, t.assignee_organisation_id AS assignee, t.status AS task_status,
              EXISTS (SELECT 1 FROM consortium_membership m JOIN agreement a ON a.consortium_id = m.consortium_id
                       WHERE a.id = t.agreement_id AND m.organisation_id = h.to_organisation_id
                         AND m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on > $1)) AS to_member,
              (SELECT array_agg(e.kind ORDER BY e.position) FROM task_event e WHERE e.task_id = t.id AND e.kind LIKE 'HANDOVER%') AS steps
         FROM handover h JOIN task t ON t.id = h.task_id ORDER BY h.status`,
      [today],
    );
    expect(handovers.map((h) => h.status)).toEqual(["ACCEPTED", "PROPOSED"]);
    const [accepted, open] = handovers;
    expect(accepted).toMatchObject({ assignee: accepted.to, steps: ["HANDOVER_PROPOSED", "HANDOVER_ACCEPTED"] });
    expect(open).toMatchObject({ assignee: open.from, to_member: true, steps: ["HANDOVER_PROPOSED"] });
    expect(open.to).not.toBe(open.assignee);
    expect(["OPEN", "IN_PROGRESS", "BLOCKED"]).toContain(open.task_status);
  });

  it("records a meeting, an arrival report that completed two households' tasks, feedback and Fedasil's evaluation", async () => {
    const events = await query(
      `SELECT e.id, e.kind, e.key_moment, cardinality(e.decisions) AS decisions, u.role AS recorder_role,
              (SELECT bool_and(o.kind = 'FEDASIL' OR EXISTS (SELECT 1 FROM consortium_membership m JOIN agreement a ON a.consortium_id = m.consortium_id
                                                             WHERE a.id = e.agreement_id AND m.organisation_id = o.id))
                 FROM organisation o WHERE o.id = ANY(e.participant_organisation_ids)) AS participants_belong,
              cardinality(e.participant_organisation_ids) AS participants,
              array_agg(h.id ORDER BY h.id) AS households, bool_and(h.agreement_id = e.agreement_id) AS own_households
         FROM cooperation_event e JOIN app_user u ON u.id = e.recorded_by_user_id
         JOIN cooperation_event_household l ON l.cooperation_event_id = e.id JOIN household h ON h.id = l.household_id
        GROUP BY e.id, u.role`,
    );
    expect(events.map((e) => e.kind).sort()).toEqual(["EVALUATION", "FEEDBACK", "KEY_MOMENT_REPORT", "MEETING"]);
    expect(events.every((e) => e.own_households)).toBe(true);
    const kind = (k: string) => events.find((e) => e.kind === k)!;
    expect(kind("MEETING")).toMatchObject({ participants_belong: true });
    expect(kind("MEETING").participants).toBeGreaterThan(1);
    expect(kind("MEETING").decisions).toBeGreaterThan(0);
    expect(kind("EVALUATION").recorder_role).toBe("FEDASIL_STAFF");
    const report = kind("KEY_MOMENT_REPORT");
    expect(report).toMatchObject({ key_moment: "ARRIVAL" });
    const completed = await tasksCompletedBy(t.app.db.manager, report.id);
    expect(completed.map((task) => task.householdKey).sort()).toEqual(report.households);
    expect(completed.every((task) => task.status === "DONE")).toBe(true);
  });

  it("shows Stad Gent's coordinator its consortium's tasks as its work, and CPAS de Liège none of them", async () => {
    const [{ gent }] = await query(
      `SELECT count(*)::int AS gent FROM task t JOIN organisation o ON o.id = t.assignee_organisation_id WHERE o.name = 'Stad Gent'`,
    );
    const gentWork = await tasksSeenBy("coordinator@stad-gent", { assignedToMyOrganisation: true });
    expect(gentWork.length).toBe(gent);
    expect(gent).toBeGreaterThan(50);
    expect(gentWork.every((task) => task.assigneeOrganisation.name === "Stad Gent" && task.household.reference.startsWith("GENT-"))).toBe(true);
    const liegeWork = await tasksSeenBy("coordinator@cpas-liege", { assignedToMyOrganisation: true });
    const liegeSees = await tasksSeenBy("staff@cpas-liege", null);
    expect(liegeWork.length).toBeGreaterThan(0);
    expect(liegeSees.every((task) => task.household.reference.startsWith("LIEGE-"))).toBe(true);
    const gentIds = new Set(gentWork.map((task) => task.id));
    expect([...liegeWork, ...liegeSees].filter((task) => gentIds.has(task.id))).toEqual([]);
  });
});
