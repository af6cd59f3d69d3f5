import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { FAMILY, footprint, plannedHousehold, recordNotifications, register, tasksOf } from "./support";

describe("registerArrival", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  const planned = (members = FAMILY) => plannedHousehold(t.app.db, world.agreements.gent, `HH-ARRIVAL-${++serial}`, members);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    // Gent's coordinators gave education to the NGO; everything else follows the defaults.
    const res = await t.gql(
      `mutation($input: SetResponsibilityInput!) { setResponsibility(input: $input) { userErrors { code } } }`,
      { input: { agreementId: gid("Agreement", world.agreements.gent), category: "EDUCATION", organisationId: gid("Organisation", world.organisations.gentNgo) } },
      USERS.gentCoordinator,
    );
    expect(res.data.setResponsibility.userErrors).toEqual([]);
  });
  afterAll(() => t.close());

  it("starts a DIRECT family's accompaniment and creates exactly its integration path, assigned by the matrix", async () => {
    const household = await planned();
    const assigned = recordNotifications(t.app.services.taskPubSub, "TASK_ASSIGNED");
    const res = await register(t, household, USERS.gentCoordinator);
    await assigned.stop();
    expect(res.errors).toBeUndefined();
    expect(res.data.registerArrival).toEqual({
      userErrors: [],
      household: {
        id: gid("Household", household),
        status: "IN_ACCOMPANIMENT",
        arrivedOn: "2026-01-31",
        arrivalRoute: "DIRECT",
        accompanimentStartsOn: "2026-01-31",
        accompanimentEndsOn: "2027-01-31",
        extendedOn: null,
        version: 2,
      },
    });
    const tasks = await tasksOf(t.app.db, household);
    expect(tasks.map(({ code, child, due_on, assignee, status }) => [code, child, due_on, assignee, status])).toEqual([
      ["REGISTER_AT_COMMUNE", null, "2026-02-08", "Stad Gent", "OPEN"],
      ["REGISTER_AT_PCSW", null, "2026-02-07", "OCMW Gent", "OPEN"],
      ["APPLY_INTEGRATION_INCOME", null, "2026-02-14", "OCMW Gent", "OPEN"],
      ["HEALTH_INSURANCE", null, "2026-02-28", "Stad Gent", "OPEN"],
      ["OPEN_BANK_ACCOUNT", null, "2026-02-14", "Stad Gent", "OPEN"],
      ["ENROL_AT_SCHOOL", "Lina", "2026-02-28", "Vluchtelingenwerk Gent", "OPEN"],
      ["ENROL_AT_SCHOOL", "Sami", "2026-02-28", "Vluchtelingenwerk Gent", "OPEN"],
      ["LANGUAGE_COURSE", null, "2026-03-31", "Stad Gent", "OPEN"],
      ["FIND_HOUSING", null, "2026-02-28", "Stad Gent", "OPEN"],
      ["SEARCH_NEXT_HOME", null, "2026-10-31", "Stad Gent", "OPEN"],
      ["KEY_MOMENT_REPORT_ARRIVAL", null, "2026-02-14", "Stad Gent", "OPEN"],
      ["KEY_MOMENT_REPORT_3_MONTHS", null, "2026-04-30", "Stad Gent", "OPEN"],
      ["KEY_MOMENT_REPORT_6_MONTHS", null, "2026-07-31", "Stad Gent", "OPEN"],
      ["KEY_MOMENT_REPORT_END", null, "2027-01-31", "Stad Gent", "OPEN"],
    ]);

    const history = await t.app.db.manager.query(
      `SELECT task_id, kind, to_status, to_organisation_id, actor_user_id FROM task_event WHERE task_id = ANY($1)`,
      [tasks.map((task) => task.id)],
    );
    expect(history).toHaveLength(14);
    expect(history.every((e: { kind: string; to_status: string; actor_user_id: string }) => e.kind === "CREATED" && e.to_status === "OPEN" && e.actor_user_id === world.users.gentCoordinator)).toBe(true);
    expect(new Set(history.map((e: { task_id: string }) => e.task_id)).size).toBe(14);

    const audits = await t.app.db.manager.query(
      `SELECT subject_type, count(*)::int AS n FROM audit_event WHERE action = 'registerArrival' AND consortium_id = $1 GROUP BY subject_type ORDER BY subject_type`,
      [world.consortia.gent],
    );
    // The arrival also owes the start-of-accompaniment funding: BASE, DIRECT_ARRIVAL_HEAD and _MEMBER.
    expect(audits).toEqual([{ subject_type: "FundingLine", n: 3 }, { subject_type: "Household", n: 1 }, { subject_type: "Task", n: 14 }]);
    const [householdAudit] = await t.app.db.manager.query(`SELECT before, after FROM audit_event WHERE action = 'registerArrival' AND subject_type = 'Household'`);
    expect(householdAudit).toMatchObject({ before: { status: "PLANNED", version: 1 }, after: { status: "IN_ACCOMPANIMENT", accompanimentEndsOn: "2027-01-31", version: 2 } });

    expect(assigned.received.map((n) => n.taskKey).sort()).toEqual(tasks.map((task) => task.id).sort());
    const ngo = assigned.received.filter((n) => n.assigneeOrganisationKey === world.organisations.gentNgo);
    expect(ngo).toHaveLength(2);
    expect(assigned.received.every((n) => n.consortiumKey === world.consortia.gent)).toBe(true);
  });

  it("creates nothing twice: a second call is INVALID_STATE and writes nothing", async () => {
    const household = await planned();
    expect((await register(t, household, USERS.gentCoordinator)).data.registerArrival.userErrors).toEqual([]);
    const before = await footprint(t.app.db);
    const assigned = recordNotifications(t.app.services.taskPubSub, "TASK_ASSIGNED");
    for (const input of [{}, { expectedVersion: 2 }]) {
      const again = await register(t, household, USERS.gentCoordinator, input);
      expect(again.data.registerArrival).toEqual({
        household: null,
        userErrors: [expect.objectContaining({ field: ["input", "householdId"], code: "INVALID_STATE" })],
      });
    }
    await assigned.stop();
    expect(await footprint(t.app.db)).toEqual(before);
    expect(assigned.received).toEqual([]);
    expect(await tasksOf(t.app.db, household)).toHaveLength(14);
  });

  it("lets one of two concurrent registrations through, the other INVALID_STATE, and plans the path once", async () => {
    const household = await planned();
    const results = await Promise.all([register(t, household, USERS.gentCoordinator), register(t, household, USERS.gentCoordinator)]);
    const outcomes = results.map((r) => r.data.registerArrival.userErrors.map((e: { code: string }) => e.code).join(",")).sort();
    expect(outcomes).toEqual(["", "INVALID_STATE"]);
    expect(await tasksOf(t.app.db, household)).toHaveLength(14);
  });

  it("answers a retry with the same idempotency key with the first result, writing nothing", async () => {
    const household = await planned();
    const first = await register(t, household, USERS.gentCoordinator, { idempotencyKey: "arrival-1" });
    expect(first.data.registerArrival.userErrors).toEqual([]);
    const before = await footprint(t.app.db);
    const retry = await register(t, household, USERS.gentCoordinator, { idempotencyKey: "arrival-1" });
    expect(retry.data.registerArrival).toEqual(first.data.registerArrival);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("starts a VIA_RECEPTION accompaniment on the transfer from reception", async () => {
    const household = await planned([FAMILY[0], FAMILY[4]]);
    const res = await register(t, household, USERS.gentCoordinator, { arrivedOn: "2026-02-10", arrivalRoute: "VIA_RECEPTION", accompanimentStartsOn: "2026-04-15" });
    expect(res.data.registerArrival.household).toMatchObject({
      arrivedOn: "2026-02-10",
      arrivalRoute: "VIA_RECEPTION",
      accompanimentStartsOn: "2026-04-15",
      accompanimentEndsOn: "2027-04-15",
    });
    const due = Object.fromEntries((await tasksOf(t.app.db, household)).map((task) => [task.code, task.due_on]));
    expect(Object.keys(due)).toHaveLength(12); // a toddler: no school enrolment
    expect(due).toMatchObject({ REGISTER_AT_COMMUNE: "2026-04-23", SEARCH_NEXT_HOME: "2027-01-15", KEY_MOMENT_REPORT_6_MONTHS: "2026-10-15", KEY_MOMENT_REPORT_END: "2027-04-15" });
  });

  it.each([
    ["a VIA_RECEPTION arrival without its transfer date", { arrivalRoute: "VIA_RECEPTION" }, "input.accompanimentStartsOn:REQUIRED"],
    ["a transfer before the arrival", { arrivalRoute: "VIA_RECEPTION", accompanimentStartsOn: "2026-01-30" }, "input.accompanimentStartsOn:INVALID_DATE_RANGE"],
    ["an arrival in the future", { arrivedOn: addDays(todayInBrussels(), 1) }, "input.arrivedOn:INVALID_DATE_RANGE"],
    ["a DIRECT arrival starting another day", { accompanimentStartsOn: "2026-02-02" }, "input.accompanimentStartsOn:INVALID"],
    ["an arrival before a resettled member was born", { arrivedOn: "2023-05-01" }, "input.arrivedOn:INVALID"],
    ["a stale version", { expectedVersion: 3 }, "input.expectedVersion:CONFLICT"],
  ])("refuses %s as a user error and writes nothing", async (_what, input, error) => {
    const household = await planned();
    const before = await footprint(t.app.db);
    const res = await register(t, household, USERS.gentCoordinator, input);
    expect(res.data.registerArrival.household).toBeNull();
    expect(res.data.registerArrival.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join(".")}:${e.code}`)).toEqual([error]);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it.each([
    ["Gent staff", USERS.gentStaff, "FORBIDDEN"],
    ["Fedasil staff", USERS.fedasilStaff, "FORBIDDEN"],
    ["a Fedasil admin", USERS.fedasilAdmin, "FORBIDDEN"],
    ["Liège's coordinator", USERS.liegeCoordinator, "NOT_FOUND"],
    ["an evaluator", USERS.evaluator, "NOT_FOUND"],
  ])("refuses %s (%s: %s) and writes nothing", async (_who, subject, code) => {
    const household = await planned();
    const before = await footprint(t.app.db);
    const res = await register(t, household, subject);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.data?.registerArrival ?? null).toBeNull();
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("answers NOT_FOUND for an id that is not a household", async () => {
    const res = await t.gql(
      `mutation($input: RegisterArrivalInput!) { registerArrival(input: $input) { userErrors { code } } }`,
      { input: { householdId: gid("Agreement", world.agreements.gent), arrivedOn: "2026-01-31", arrivalRoute: "DIRECT", expectedVersion: 1 } },
      USERS.gentCoordinator,
    );
    expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("plans from the templates in force: a retired one creates no task, and the tasks made from it stay", async () => {
    const earlier = await planned();
    await register(t, earlier, USERS.gentCoordinator);
    const housingBefore = (await tasksOf(t.app.db, earlier)).find((task) => task.code === "FIND_HOUSING");
    const [template] = await t.app.db.manager.query(`SELECT id, version FROM task_template WHERE code = 'FIND_HOUSING'`);
    const retired = await t.gql(
      `mutation($input: RetireTaskTemplateInput!) { retireTaskTemplate(input: $input) { userErrors { code } } }`,
      { input: { templateId: gid("TaskTemplate", template.id), expectedVersion: template.version } },
      USERS.fedasilAdmin,
    );
    expect(retired.data.retireTaskTemplate.userErrors).toEqual([]);

    const later = await planned();
    expect((await register(t, later, USERS.gentCoordinator)).data.registerArrival.userErrors).toEqual([]);
    const codes = (await tasksOf(t.app.db, later)).map((task) => task.code);
    expect(codes).toHaveLength(13);
    expect(codes).not.toContain("FIND_HOUSING");
    expect((await tasksOf(t.app.db, earlier)).find((task) => task.code === "FIND_HOUSING")).toEqual(housingBefore);
  });
});
