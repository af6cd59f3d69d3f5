import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertRow, insertTask, insertTemplate, personKey } from "./fixtures";

const TASKS = `
  query Tasks($filter: TaskFilter, $orderBy: TaskOrder, $first: Int, $after: String, $last: Int, $before: String) {
    tasks(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id title }
    }
  }`;

const DETAIL = `
  query Detail($id: ID!) {
    node(id: $id) {
      ... on Task {
        id title category dueOn status statusReason isOverdue version doneAt
        household { reference } agreement { reference } person { givenName }
        assigneeOrganisation { name } assigneeUser { displayName } doneBy { displayName }
        history { kind fromStatus toStatus note actorUser { displayName } actorOrganisation { name } fromOrganisation { name } toOrganisation { name } task { id } }
        comments { body author { displayName } authorOrganisation { name } task { id } }
        handovers { status message fromOrganisation { name } toOrganisation { name } proposedBy { displayName } task { id } }
        openHandover { status }
      }
    }
  }`;

describe("tasks: my work, filters, order, fields and who sees what", () => {
  let t: TestApp;
  let world: World;
  const ids: Record<string, string> = {};
  const titles = (res: { data?: { tasks: { nodes: Array<{ title: string }> } } }) => res.data!.tasks.nodes.map((n) => n.title);
  const list = (variables: Record<string, unknown>, subject: string = USERS.gentCoordinator, headers?: Record<string, string>) =>
    t.gql(TASKS, variables, subject, headers);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db;
    const { agreements, households, organisations: o } = world;
    const template = await insertTemplate(db, "TEST_ENROL_CHILD", { nl: "Kind inschrijven op school", fr: "Inscrire l'enfant à l'école", en: "Enrol the child at school" });
    const omar = await personKey(db, households.gent, "Omar");
    const gent = { agreement_id: agreements.gent };
    const keys = {
      enrol: await insertTask(db, { ...gent, household_id: households.gent, template_id: template, person_id: omar, category: "EDUCATION", due_on: "2098-03-10", assignee_organisation_id: o.gentPcsw }),
      bank: await insertTask(db, { ...gent, household_id: households.gent, title: "Open a bank account", category: "INCOME", due_on: "2020-01-01", assignee_organisation_id: o.gentNgo }),
      commune: await insertTask(db, { ...gent, household_id: households.gent, title: "Register at the commune", status: "DONE", due_on: "2020-01-02", assignee_organisation_id: o.gentCity }),
      meeting: await insertTask(db, { ...gent, title: "Consortium meeting", category: "COOPERATION", due_on: "2099-01-01", assignee_organisation_id: o.gentPcsw }),
      liege: await insertTask(db, { agreement_id: agreements.liege, household_id: households.liege, title: "Ouvrir un compte", due_on: "2020-01-01", assignee_organisation_id: o.liegeNgo }),
    };
    // A member that left Gent: its open task waits for reassignment, its closed one does not.
    const gone = await insertRow(db, "organisation", { kind: "NGO", name: "Gone vzw", enterprise_number: "0999999999", postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    await insertRow(db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: gone, role: "MEMBER", joined_on: "2025-01-01", left_on: "2025-06-01" });
    Object.assign(keys, {
      orphan: await insertTask(db, { ...gent, household_id: households.gent, title: "Left behind", due_on: "2097-05-01", assignee_organisation_id: gone }),
      orphanDone: await insertTask(db, { ...gent, household_id: households.gent, title: "Finished before leaving", status: "DONE", due_on: "2097-05-02", assignee_organisation_id: gone }),
    });
    for (const [name, key] of Object.entries(keys)) ids[name] = gid("Task", key);
    ids.gone = gid("Organisation", gone);
    await insertRow(db, "task_event", { task_id: keys.enrol, kind: "CREATED" });
    await insertRow(db, "task_event", { task_id: keys.enrol, kind: "ASSIGNED", actor_user_id: world.users.gentCoordinator, actor_organisation_id: o.gentCity, from_organisation_id: o.gentCity, to_organisation_id: o.gentPcsw });
    ids.comment = gid("TaskComment", await insertRow(db, "task_comment", { task_id: keys.enrol, author_user_id: world.users.gentStaff, author_organisation_id: o.gentPcsw, body: "School visit on Monday" }));
    ids.handover = gid("Handover", await insertRow(db, "handover", { task_id: keys.enrol, from_organisation_id: o.gentPcsw, to_organisation_id: o.gentNgo, proposed_by_user_id: world.users.gentStaff, message: "You know the school" }));
    ids.event = gid("TaskEvent", (await db.manager.query(`SELECT id FROM task_event WHERE kind = 'CREATED'`))[0].id);
  });
  afterAll(() => t.close());

  it("lists my organisation's work by due date with its total", async () => {
    const res = await list({ filter: { assignedToMyOrganisation: true } }, USERS.gentStaff);
    expect(res.errors).toBeUndefined();
    expect(res.data.tasks.totalCount).toBe(2);
    expect(titles(res)).toEqual(["Enrol the child at school: Omar", "Consortium meeting"]);
    const others = await list({ filter: { assignedToMyOrganisation: false } }, USERS.gentStaff);
    expect(titles(others)).toEqual(["Open a bank account", "Register at the commune", "Left behind", "Finished before leaving"]);
  });

  it("titles template tasks in the reader's language, with the child's name", async () => {
    const filter = { categories: ["EDUCATION"] };
    expect(titles(await list({ filter }, USERS.gentStaff, { "accept-language": "nl-BE,nl;q=0.9" }))).toEqual(["Kind inschrijven op school: Omar"]);
    expect(titles(await list({ filter }, USERS.gentStaff, { "accept-language": "fr" }))).toEqual(["Inscrire l'enfant à l'école: Omar"]);
  });

  it.each([
    ["statuses", { statuses: ["DONE"] }, ["Register at the commune", "Finished before leaving"]],
    ["categories", { categories: ["INCOME", "COOPERATION"] }, ["Open a bank account", "Consortium meeting"]],
    ["overdue", { overdue: true }, ["Open a bank account"]],
    ["not overdue", { overdue: false }, ["Register at the commune", "Left behind", "Finished before leaving", "Enrol the child at school: Omar", "Consortium meeting"]],
    ["due before", { dueBefore: "2097-05-02" }, ["Open a bank account", "Register at the commune", "Left behind"]],
    ["due after", { dueAfter: "2097-05-02" }, ["Enrol the child at school: Omar", "Consortium meeting"]],
    ["assignees", { assigneeOrganisationIds: ["ORG:NGO", "ORG:CITY"] }, ["Open a bank account", "Register at the commune"]],
    ["awaiting reassignment", { awaitingReassignment: true }, ["Left behind"]],
    ["combined", { statuses: ["OPEN"], dueBefore: "2098-01-01", awaitingReassignment: false }, ["Open a bank account"]],
    ["an id that names nothing", { householdId: "bm9wZQ" }, []],
    ["assignee ids that name nothing", { assigneeOrganisationIds: ["bm9wZQ"] }, []],
  ])("filters by %s", async (_name, filter, expected) => {
    const resolved = JSON.parse(JSON.stringify(filter).replace("ORG:NGO", gid("Organisation", world.organisations.gentNgo)).replace("ORG:CITY", gid("Organisation", world.organisations.gentCity)));
    const res = await list({ filter: resolved });
    expect(res.errors).toBeUndefined();
    expect(titles(res)).toEqual(expected);
    expect(res.data.tasks.totalCount).toBe(expected.length);
  });

  it("filters by household and agreement", async () => {
    const household = await list({ filter: { householdId: gid("Household", world.households.gent) } });
    expect(titles(household)).toEqual(["Open a bank account", "Register at the commune", "Left behind", "Finished before leaving", "Enrol the child at school: Omar"]);
    const agreement = await list({ filter: { agreementId: gid("Agreement", world.agreements.gent) } });
    expect(agreement.data.tasks.totalCount).toBe(6);
  });

  it("orders by due date (default), status or creation, and pages both ways", async () => {
    const desc = await list({ orderBy: { field: "DUE_ON", direction: "DESC" }, first: 2 });
    expect(titles(desc)).toEqual(["Consortium meeting", "Enrol the child at school: Omar"]);
    const byStatus = await list({ orderBy: { field: "STATUS" } });
    expect(titles(byStatus)).toEqual(["Open a bank account", "Left behind", "Enrol the child at school: Omar", "Consortium meeting", "Register at the commune", "Finished before leaving"]);
    const byCreation = await list({ orderBy: { field: "CREATED_AT" } });
    expect(byCreation.data.tasks.nodes).toHaveLength(6);
    const first = await list({ first: 2 });
    expect(first.data.tasks.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await list({ first: 2, after: first.data.tasks.pageInfo.endCursor });
    expect(titles(next)).toEqual(["Left behind", "Finished before leaving"]);
    const last = await list({ last: 2 });
    expect(titles(last)).toEqual(["Enrol the child at school: Omar", "Consortium meeting"]);
  });

  it("shows a task with its household, child, assignee, history, comments and hand-overs", async () => {
    const res = await t.gql(DETAIL, { id: ids.enrol }, USERS.gentStaff);
    expect(res.errors).toBeUndefined();
    const task = res.data.node;
    expect(task).toMatchObject({
      title: "Enrol the child at school: Omar",
      category: "EDUCATION",
      dueOn: "2098-03-10",
      status: "OPEN",
      isOverdue: false,
      version: 1,
      household: { reference: "HH-GENT-1" },
      agreement: { reference: "RES-2025-GENT" },
      person: { givenName: "Omar" },
      assigneeOrganisation: { name: "OCMW Gent" },
      assigneeUser: null,
      doneBy: null,
      openHandover: { status: "PROPOSED" },
    });
    expect(task.history).toEqual([
      { kind: "CREATED", fromStatus: null, toStatus: null, note: null, actorUser: null, actorOrganisation: null, fromOrganisation: null, toOrganisation: null, task: { id: ids.enrol } },
      expect.objectContaining({ kind: "ASSIGNED", actorUser: { displayName: USERS.gentCoordinator }, actorOrganisation: { name: "Stad Gent" }, fromOrganisation: { name: "Stad Gent" }, toOrganisation: { name: "OCMW Gent" } }),
    ]);
    expect(task.comments).toEqual([{ body: "School visit on Monday", author: { displayName: USERS.gentStaff }, authorOrganisation: { name: "OCMW Gent" }, task: { id: ids.enrol } }]);
    expect(task.handovers).toEqual([
      { status: "PROPOSED", message: "You know the school", fromOrganisation: { name: "OCMW Gent" }, toOrganisation: { name: "Vluchtelingenwerk Gent" }, proposedBy: { displayName: USERS.gentStaff }, task: { id: ids.enrol } },
    ]);
    const overdue = await t.gql(DETAIL, { id: ids.bank }, USERS.gentStaff);
    expect(overdue.data.node).toMatchObject({ isOverdue: true, household: { reference: "HH-GENT-1" }, person: null });
    const meeting = await t.gql(DETAIL, { id: ids.meeting }, USERS.gentStaff);
    expect(meeting.data.node).toMatchObject({ title: "Consortium meeting", household: null, openHandover: null, history: [], handovers: [] });
  });

  it("gives Household.tasks per household, batched, with filters and totals", async () => {
    const res = await t.gql(
      `{ households { nodes { reference
          all: tasks { totalCount nodes { title } }
          open: tasks(filter: { statuses: [OPEN] }, orderBy: { field: DUE_ON, direction: DESC }, first: 1) { totalCount nodes { title } pageInfo { hasNextPage } } } } }`,
      {},
      USERS.fedasilStaff,
    );
    expect(res.errors).toBeUndefined();
    const byReference = Object.fromEntries(res.data.households.nodes.map((h: { reference: string }) => [h.reference, h]));
    expect(byReference["HH-GENT-1"].all.totalCount).toBe(5);
    expect(byReference["HH-GENT-1"].open).toEqual({ totalCount: 3, nodes: [{ title: "Enrol the child at school: Omar" }], pageInfo: { hasNextPage: true } });
    expect(byReference["HH-LIEGE-1"].all).toEqual({ totalCount: 1, nodes: [{ title: "Ouvrir un compte" }] });
  });

  it("lets Fedasil see every task and evaluators none", async () => {
    expect((await list({}, USERS.fedasilAdmin)).data.tasks.totalCount).toBe(7);
    const evaluator = await list({ filter: { overdue: true } }, USERS.evaluator);
    expect(evaluator.data.tasks).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await t.gql(DETAIL, { id: ids.liege }, USERS.evaluator)).data.node).toBeNull();
  });

  it("shows another consortium nothing: not by list, node, nodes, filters, counts or Household.tasks", async () => {
    const all = await list({}, USERS.liegeCoordinator);
    expect(all.data.tasks.totalCount).toBe(1);
    expect(titles(all)).toEqual(["Ouvrir un compte"]);
    for (const filter of [
      { householdId: gid("Household", world.households.gent) },
      { agreementId: gid("Agreement", world.agreements.gent) },
      { assigneeOrganisationIds: [gid("Organisation", world.organisations.gentPcsw)] },
      { awaitingReassignment: true },
      { categories: ["EDUCATION"] },
    ]) {
      expect((await list({ filter }, USERS.liegeCoordinator)).data.tasks).toMatchObject({ totalCount: 0, nodes: [] });
    }
    for (const id of [ids.enrol, ids.comment, ids.handover, ids.event]) {
      expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, USERS.liegeCoordinator)).data.node).toBeNull();
    }
    const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [ids.enrol, ids.liege, ids.handover] }, USERS.liegeStaff);
    expect(nodes.data.nodes).toEqual([null, { id: ids.liege }, null]);
    const households = await t.gql(`{ households { nodes { reference tasks { totalCount nodes { title } } } } }`, {}, USERS.liegeStaff);
    expect(households.data.households.nodes).toEqual([{ reference: "HH-LIEGE-1", tasks: { totalCount: 1, nodes: [{ title: "Ouvrir un compte" }] } }]);
  });

  it("finds its own objects by node(id)", async () => {
    for (const id of [ids.enrol, ids.comment, ids.handover, ids.event]) {
      expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, USERS.gentNgoStaff)).data.node).toEqual({ id });
    }
  });

  it("refuses a page size above 100 and bad filter input", async () => {
    expect((await list({ first: 101 })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await list({ filter: { householdId: "x".repeat(201) } })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
