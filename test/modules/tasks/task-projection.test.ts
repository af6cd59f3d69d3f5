import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertRow, insertTask, insertTemplate } from "./fixtures";

/** Every field of a task that comes from its own row. */
const WHOLE_TASK = "id title category dueOn status statusReason isOverdue version createdAt updatedAt doneAt";

/**
 * A task list reads only the columns its selected fields need (issue 6). Such partial tasks must
 * answer their own fields exactly, and never answer for a task asked for by key elsewhere in the
 * same request, whose fields the list did not read.
 */
describe("task lists read only what their fields need", () => {
  let t: TestApp;
  let world: World;
  let blocked: string;
  let templated: string;
  let whole: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const key = await insertTask(t.app.db, {
      agreement_id: world.agreements.gent,
      household_id: world.households.gent,
      title: "Find a school",
      category: "EDUCATION",
      status: "BLOCKED",
      status_reason: "Waiting for the residence permit",
      due_on: "2020-02-01",
      assignee_organisation_id: world.organisations.gentNgo,
    });
    await insertRow(t.app.db, "task_event", { task_id: key, kind: "CREATED" });
    blocked = gid("Task", key);
    const template = await insertTemplate(t.app.db, "PROJECTION_TITLES", { nl: "Huisarts kiezen", fr: "Choisir un médecin", en: "Choose a doctor" });
    const templatedKey = await insertTask(t.app.db, {
      agreement_id: world.agreements.gent,
      household_id: world.households.gent,
      template_id: template,
      assignee_organisation_id: world.organisations.gentNgo,
    });
    templated = gid("Task", templatedKey);
    const answer = await t.gql(`query($id: ID!) { node(id: $id) { ... on Task { ${WHOLE_TASK} } } }`, { id: blocked }, USERS.gentCoordinator);
    whole = answer.data!.node;
    expect(whole.statusReason).toBe("Waiting for the residence permit");
  });
  afterAll(() => t.close());

  const findBlocked = <T extends { id: string }>(nodes: T[]) => nodes.find((node) => node.id === blocked)!;

  it("answer a household's tasks with the few fields asked for, and a task asked for by key with all of its own", async () => {
    const answer = await t.gql(
      `query($household: ID!) {
        node(id: $household) { ... on Household { tasks(first: 50) { nodes { id status history { task { ${WHOLE_TASK} } } } } } }
      }`,
      { household: gid("Household", world.households.gent) },
      USERS.gentCoordinator,
    );
    expect(answer.errors).toBeUndefined();
    const listed = findBlocked(answer.data!.node.tasks.nodes as Array<{ id: string; status: string; history: Array<{ task: unknown }> }>);
    expect(listed.status).toBe("BLOCKED");
    expect(listed.history[0].task).toEqual(whole);
  });

  it("do the same for the root list of tasks (my work), with relations read along", async () => {
    const answer = await t.gql(
      `{ tasks(first: 100) { nodes { id dueOn assigneeOrganisation { name } history { task { ${WHOLE_TASK} } } } } }`,
      {},
      USERS.gentCoordinator,
    );
    expect(answer.errors).toBeUndefined();
    const listed = findBlocked(answer.data!.tasks.nodes as Array<{ id: string; dueOn: string; assigneeOrganisation: { name: string }; history: Array<{ task: unknown }> }>);
    expect(listed.dueOn).toBe("2020-02-01");
    expect(listed.history[0].task).toEqual(whole);
  });

  it("lend a whole task to others only with whole relations: a list that reads its assignee's name alone keeps it to itself", async () => {
    const answer = await t.gql(
      `{ tasks(first: 100) { nodes { id openHandover { status } assigneeOrganisation { name } history { task { id assigneeOrganisation { name municipality enterpriseNumber } } } } } }`,
      {},
      USERS.gentCoordinator,
    );
    expect(answer.errors).toBeUndefined();
    const listed = findBlocked(answer.data!.tasks.nodes as Array<{ id: string; history: Array<{ task: { assigneeOrganisation: Record<string, string> } }> }>);
    expect(listed.history[0].task.assigneeOrganisation).toEqual({ name: expect.any(String), municipality: expect.any(String), enterpriseNumber: expect.stringMatching(/^\d{4}\.\d{3}\.\d{3}$/) });
  });

  it("answer every field of their own alike, whether the list asks for a few of them or all", async () => {
    const page = (fields: string) =>
      t.gql(`query($household: ID!) { node(id: $household) { ... on Household { tasks(first: 50) { nodes { ${fields} } } } } }`, { household: gid("Household", world.households.gent) }, USERS.gentCoordinator);
    const all = (await page(`${WHOLE_TASK} assigneeOrganisation { id name enterpriseNumber }`)).data!.node.tasks.nodes;
    const few = (await page("id isOverdue ... on Task { title } assigneeOrganisation { enterpriseNumber }")).data!.node.tasks.nodes;
    expect(all.length).toBeGreaterThan(0);
    expect(few).toEqual(all.map((task: any) => ({ id: task.id, isOverdue: task.isOverdue, title: task.title, assigneeOrganisation: { enterpriseNumber: task.assigneeOrganisation.enterpriseNumber } })));
    expect(findBlocked(all as Array<{ id: string }>)).toMatchObject(whole);
  });

  it("read a template's title in the request's language only, and the assignee's key once, titling alike in lists and by key", async () => {
    const select = jest.spyOn(t.app.db, "select");
    const fields = "id title assigneeOrganisation { name }";
    const household = { household: gid("Household", world.households.gent) };
    try {
      const pageSql = async (query: string, variables: Record<string, unknown>, language: string) => {
        select.mockClear();
        const answer = await t.gql(query, variables, USERS.gentCoordinator, { "accept-language": language });
        expect(answer.errors).toBeUndefined();
        const sql = select.mock.calls.map(([statement]) => statement).find((statement) => statement.includes("task_template"))!;
        return { answer: answer.data!, sql };
      };
      const householdPage = await pageSql(`query($household: ID!) { node(id: $household) { ... on Household { tasks(first: 50) { nodes { ${fields} } } } } }`, household, "fr");
      const rootList = await pageSql(`{ tasks(first: 100) { nodes { ${fields} } } }`, {}, "fr");
      for (const { sql } of [householdPage, rootList]) {
        expect(sql).toContain("title_fr");
        expect(sql).not.toMatch(/title_nl|title_en/);
        expect(sql.match(/assignee_organisation_id/g)).toHaveLength(1);
      }
      expect(findBlocked(householdPage.answer.node.tasks.nodes as Array<{ id: string; title: string }>).title).toBe("Find a school");
      expect(householdPage.answer.node.tasks.nodes.find((node: { id: string }) => node.id === templated).title).toBe("Choisir un médecin");
      expect(rootList.answer.tasks.nodes.find((node: { id: string }) => node.id === templated).title).toBe("Choisir un médecin");
      const byKey = await pageSql(`query($id: ID!) { node(id: $id) { ... on Task { title } } }`, { id: templated }, "nl");
      expect(byKey.answer.node.title).toBe("Huisarts kiezen");
      expect(byKey.sql).not.toMatch(/title_fr|title_en/);
    } finally {
      select.mockRestore();
    }
  });
});
