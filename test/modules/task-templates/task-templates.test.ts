import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { count, gid, insertRow } from "../households/fixtures";

const LIST = `query List($includeRetired: Boolean) {
  taskTemplates(first: 100, includeRetired: $includeRetired) {
    totalCount
    nodes { id code category title titles { nl fr en } dueAnchor dueOffsetMonths dueOffsetDays perSchoolAgeChild keyMoment sortOrder retiredOn version }
  }
}`;

const CREATE = `mutation Create($input: CreateTaskTemplateInput!) {
  createTaskTemplate(input: $input) {
    taskTemplate { id code category title titles { nl fr en } dueAnchor dueOffsetMonths dueOffsetDays perSchoolAgeChild keyMoment sortOrder retiredOn version }
    userErrors { field code message }
  }
}`;

const RETIRE = `mutation Retire($input: RetireTaskTemplateInput!) {
  retireTaskTemplate(input: $input) {
    taskTemplate { id code retiredOn version }
    userErrors { field code message }
  }
}`;

const STANDARD_CODES = [
  "REGISTER_AT_COMMUNE",
  "REGISTER_AT_PCSW",
  "APPLY_INTEGRATION_INCOME",
  "HEALTH_INSURANCE",
  "OPEN_BANK_ACCOUNT",
  "ENROL_AT_SCHOOL",
  "LANGUAGE_COURSE",
  "FIND_HOUSING",
  "SEARCH_NEXT_HOME",
  "KEY_MOMENT_REPORT_ARRIVAL",
  "KEY_MOMENT_REPORT_3_MONTHS",
  "KEY_MOMENT_REPORT_6_MONTHS",
  "KEY_MOMENT_REPORT_END",
];

type Template = { id: string; code: string; title: string; titles: { nl: string; fr: string; en: string }; version: number; [field: string]: unknown };

describe("task templates", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  const input = (overrides: Record<string, unknown> = {}) => ({
    code: `CUSTOM_STEP_${++serial}`,
    category: "HEALTH",
    titles: { nl: "Huisarts kiezen", fr: "Choisir un médecin généraliste", en: "Choose a general practitioner" },
    dueOffsetMonths: 2,
    ...overrides,
  });
  const list = async (subject: string, language?: string, includeRetired?: boolean): Promise<Template[]> => {
    const res = await t.gql(LIST, { includeRetired }, subject, language ? { "accept-language": language } : {});
    expect(res.errors).toBeUndefined();
    return res.data.taskTemplates.nodes;
  };
  const byCode = (templates: Template[], code: string) => templates.find((template) => template.code === code)!;
  const footprint = async () => ({ templates: await count(t.app.db, "task_template"), audit: await count(t.app.db, "audit_event") });

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("holds the standard integration path after the migrations, in path order", async () => {
    const templates = await list(USERS.gentStaff);
    expect(templates.map((template) => template.code)).toEqual(STANDARD_CODES);
    expect(byCode(templates, "ENROL_AT_SCHOOL")).toMatchObject({ category: "EDUCATION", perSchoolAgeChild: true, dueAnchor: "ACCOMPANIMENT_START" });
    expect(byCode(templates, "SEARCH_NEXT_HOME")).toMatchObject({ category: "HOUSING", dueAnchor: "ACCOMPANIMENT_END", dueOffsetMonths: -3, dueOffsetDays: 0 });
    expect(byCode(templates, "KEY_MOMENT_REPORT_END")).toMatchObject({ category: "COOPERATION", keyMoment: "END", dueAnchor: "ACCOMPANIMENT_END", dueOffsetMonths: 0 });
    expect(byCode(templates, "KEY_MOMENT_REPORT_3_MONTHS")).toMatchObject({ keyMoment: "MONTH_3", dueOffsetMonths: 3 });
    expect(byCode(templates, "APPLY_INTEGRATION_INCOME")).toMatchObject({ category: "INCOME" });
    expect(byCode(templates, "REGISTER_AT_COMMUNE")).toMatchObject({ category: "ADMINISTRATION", retiredOn: null });
  });

  it("answers titles in the language of Accept-Language, English by default, with all three in titles", async () => {
    const commune = { nl: "Inschrijving bij de gemeente", fr: "Inscription à la commune", en: "Register at the commune" };
    expect(byCode(await list(USERS.gentStaff, "nl-BE,nl;q=0.9"), "REGISTER_AT_COMMUNE")).toMatchObject({ title: commune.nl, titles: commune });
    expect(byCode(await list(USERS.liegeStaff, "fr-BE"), "REGISTER_AT_COMMUNE").title).toBe(commune.fr);
    expect(byCode(await list(USERS.evaluator), "REGISTER_AT_COMMUNE").title).toBe(commune.en);
    expect(byCode(await list(USERS.fedasilStaff, "de-DE"), "REGISTER_AT_COMMUNE").title).toBe(commune.en);
    expect(byCode(await list(USERS.gentStaff, "fr"), "APPLY_INTEGRATION_INCOME").title).toBe("Demande de revenu d'intégration");
    expect(byCode(await list(USERS.gentStaff, "nl"), "APPLY_INTEGRATION_INCOME").title).toBe("Aanvraag leefloon");
  });

  it("finds a template by node(id) for every role", async () => {
    const [first] = await list(USERS.gentStaff);
    for (const subject of Object.values(USERS)) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on TaskTemplate { code } } }`, { id: first.id }, subject);
      expect(res.data.node).toEqual({ code: "REGISTER_AT_COMMUNE" });
    }
  });

  it("lets a Fedasil admin add a template at the end of the path, with trimmed code and titles and an audit event", async () => {
    const res = await t.gql(CREATE, { input: input({ code: " GP_REGISTRATION ", titles: { nl: " Huisarts kiezen ", fr: "Choisir un médecin", en: "Choose a GP" } }) }, USERS.fedasilAdmin, { "accept-language": "nl" });
    expect(res.data.createTaskTemplate.userErrors).toEqual([]);
    expect(res.data.createTaskTemplate.taskTemplate).toMatchObject({
      code: "GP_REGISTRATION",
      category: "HEALTH",
      title: "Huisarts kiezen",
      titles: { nl: "Huisarts kiezen", fr: "Choisir un médecin", en: "Choose a GP" },
      dueAnchor: "ACCOMPANIMENT_START",
      dueOffsetMonths: 2,
      dueOffsetDays: 0,
      perSchoolAgeChild: false,
      keyMoment: null,
      sortOrder: 140,
      version: 1,
    });
    const [audit] = await t.app.db.manager.query(`SELECT subject_type, before, after, actor_user_id FROM audit_event WHERE action = 'createTaskTemplate'`);
    expect(audit).toMatchObject({ subject_type: "TaskTemplate", before: null, after: { code: "GP_REGISTRATION" }, actor_user_id: world.users.fedasilAdmin });
    expect((await list(USERS.gentStaff)).map((template) => template.code).at(-1)).toBe("GP_REGISTRATION");
  });

  it("answers a taken code with TAKEN and writes nothing", async () => {
    const before = await footprint();
    const res = await t.gql(CREATE, { input: input({ code: "REGISTER_AT_COMMUNE" }) }, USERS.fedasilAdmin);
    expect(res.data.createTaskTemplate).toMatchObject({ taskTemplate: null, userErrors: [{ field: ["input", "code"], code: "TAKEN" }] });
    expect(await footprint()).toEqual(before);
  });

  it("refuses a malformed code, blank titles, out-of-range offsets and a key moment outside COOPERATION, writing nothing", async () => {
    const before = await footprint();
    const malformed = await t.gql(CREATE, { input: input({ code: "lower case", titles: { nl: " ", fr: "x", en: "y" }, keyMoment: "MONTH_3" }) }, USERS.fedasilAdmin);
    const codes = malformed.data.createTaskTemplate.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join(".")}:${e.code}`);
    expect(codes.sort()).toEqual(["input.code:INVALID", "input.keyMoment:INVALID", "input.titles.nl:REQUIRED"]);
    const range = await t.gql(CREATE, { input: input({ dueOffsetMonths: 25, dueOffsetDays: -400 }) }, USERS.fedasilAdmin);
    expect(range.data.createTaskTemplate.userErrors.map((e: { field: string[] }) => e.field.join("."))).toEqual(["input.dueOffsetMonths", "input.dueOffsetDays"]);
    expect(await footprint()).toEqual(before);
  });

  it("returns the first result for a retried idempotency key", async () => {
    const retried = input({ idempotencyKey: "template-retry" });
    const first = await t.gql(CREATE, { input: retried }, USERS.fedasilAdmin);
    const before = await footprint();
    const second = await t.gql(CREATE, { input: retried }, USERS.fedasilAdmin);
    expect(second.data.createTaskTemplate.taskTemplate.id).toBe(first.data.createTaskTemplate.taskTemplate.id);
    expect(await footprint()).toEqual(before);
  });

  it.each([USERS.fedasilStaff, USERS.gentCoordinator, USERS.gentStaff, USERS.evaluator])("refuses template changes by %s with FORBIDDEN", async (subject) => {
    const [template] = await list(USERS.gentStaff);
    const before = await footprint();
    const created = await t.gql(CREATE, { input: input() }, subject);
    expect(created.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const retired = await t.gql(RETIRE, { input: { templateId: template.id, expectedVersion: template.version } }, subject);
    expect(retired.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint()).toEqual(before);
    expect((await list(USERS.gentStaff))[0].retiredOn).toBeNull();
  });

  it("retires a template: no longer listed unless asked, a second retirement INVALID_STATE, existing tasks untouched", async () => {
    const created = (await t.gql(CREATE, { input: input({ code: "TO_RETIRE" }) }, USERS.fedasilAdmin)).data.createTaskTemplate.taskTemplate as Template;
    const templateKey = (await t.app.db.manager.query(`SELECT id FROM task_template WHERE code = 'TO_RETIRE'`))[0].id;
    const taskKey = await insertRow(t.app.db, "task", {
      agreement_id: world.agreements.gent, household_id: world.households.gent, template_id: templateKey, category: "HEALTH", due_on: "2026-05-01", assignee_organisation_id: world.organisations.gentNgo,
    });
    const taskBefore = (await t.app.db.manager.query(`SELECT * FROM task WHERE id = $1`, [taskKey]))[0];

    const stale = await t.gql(RETIRE, { input: { templateId: created.id, expectedVersion: 2 } }, USERS.fedasilAdmin);
    expect(stale.data.retireTaskTemplate.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const res = await t.gql(RETIRE, { input: { templateId: created.id, expectedVersion: 1 } }, USERS.fedasilAdmin);
    expect(res.data.retireTaskTemplate.userErrors).toEqual([]);
    expect(res.data.retireTaskTemplate.taskTemplate).toMatchObject({ code: "TO_RETIRE", version: 2, retiredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    expect((await list(USERS.gentStaff)).map((template) => template.code)).not.toContain("TO_RETIRE");
    expect(byCode(await list(USERS.gentStaff, undefined, true), "TO_RETIRE").retiredOn).toBe(res.data.retireTaskTemplate.taskTemplate.retiredOn);
    expect((await t.app.db.manager.query(`SELECT * FROM task WHERE id = $1`, [taskKey]))[0]).toEqual(taskBefore);

    const again = await t.gql(RETIRE, { input: { templateId: created.id, expectedVersion: 2 } }, USERS.fedasilAdmin);
    expect(again.data.retireTaskTemplate.userErrors).toEqual([expect.objectContaining({ field: ["input", "templateId"], code: "INVALID_STATE" })]);
    const [audit] = await t.app.db.manager.query(`SELECT before, after FROM audit_event WHERE action = 'retireTaskTemplate'`);
    expect(audit).toMatchObject({ before: { code: "TO_RETIRE", retiredOn: null }, after: { code: "TO_RETIRE", version: 2 } });
  });

  it("answers NOT_FOUND for retiring something that is not a template", async () => {
    const res = await t.gql(RETIRE, { input: { templateId: gid("Household", world.households.gent), expectedVersion: 1 } }, USERS.fedasilAdmin);
    expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});
