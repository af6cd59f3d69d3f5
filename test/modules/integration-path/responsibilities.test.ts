import { withCheckDigits } from "../../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { count, gid, insertRow } from "../households/fixtures";

const MATRIX = `query($id: ID!) {
  node(id: $id) { ... on Agreement { reference responsibilities { category organisation { name } isDefault version } } }
}`;

const SET = `mutation Set($input: SetResponsibilityInput!) {
  setResponsibility(input: $input) {
    agreement { reference responsibilities { category organisation { name } isDefault version } }
    userErrors { field code message }
  }
}`;

type Assignment = { category: string; organisation: { name: string }; isDefault: boolean; version: number | null };
const names = (assignments: Assignment[]) => Object.fromEntries(assignments.map((a) => [a.category, a.organisation.name]));

describe("the responsibility matrix", () => {
  let t: TestApp;
  let world: World;
  const matrix = async (agreementKey: string, subject: string = USERS.gentStaff): Promise<Assignment[]> => {
    const res = await t.gql(MATRIX, { id: gid("Agreement", agreementKey) }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.node.responsibilities;
  };
  const set = (input: Record<string, unknown>, subject: string = USERS.gentCoordinator) =>
    t.gql(SET, { input: { agreementId: gid("Agreement", world.agreements.gent), ...input } }, subject);
  const footprint = async () => ({ choices: await count(t.app.db, "agreement_responsibility"), audit: await count(t.app.db, "audit_event") });

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("defaults Gent (city lead, PCSW, NGO): administration to the city, income to the PCSW, the rest to the lead", async () => {
    const assignments = await matrix(world.agreements.gent);
    expect(names(assignments)).toEqual({
      HOUSING: "Stad Gent",
      ADMINISTRATION: "Stad Gent",
      INCOME: "OCMW Gent",
      EDUCATION: "Stad Gent",
      HEALTH: "Stad Gent",
      INTEGRATION: "Stad Gent",
      COOPERATION: "Stad Gent",
    });
    expect(assignments.every((a) => a.isDefault && a.version === null)).toBe(true);
  });

  it("defaults Liège (PCSW lead, NGO): everything to the PCSW, which leads and has no city beside it", async () => {
    const assignments = await matrix(world.agreements.liege, USERS.liegeStaff);
    expect(assignments).toHaveLength(7);
    expect(new Set(assignments.map((a) => a.organisation.name))).toEqual(new Set(["CPAS de Liège"]));
  });

  it("shows the matrix to whoever sees the agreement: Fedasil and evaluators too, not another consortium", async () => {
    expect(names(await matrix(world.agreements.gent, USERS.evaluator)).INCOME).toBe("OCMW Gent");
    expect(names(await matrix(world.agreements.liege, USERS.fedasilAdmin)).INCOME).toBe("CPAS de Liège");
    const other = await t.gql(MATRIX, { id: gid("Agreement", world.agreements.gent) }, USERS.liegeCoordinator);
    expect(other.data.node).toBeNull();
  });

  it("lets Gent's coordinator choose another member for a category, then change the choice with its version", async () => {
    const first = await set({ category: "EDUCATION", organisationId: gid("Organisation", world.organisations.gentNgo) });
    expect(first.data.setResponsibility.userErrors).toEqual([]);
    const education = (assignments: Assignment[]) => assignments.find((a) => a.category === "EDUCATION");
    expect(education(first.data.setResponsibility.agreement.responsibilities)).toEqual({
      category: "EDUCATION", organisation: { name: "Vluchtelingenwerk Gent" }, isDefault: false, version: 1,
    });
    expect(names(await matrix(world.agreements.gent)).HOUSING).toBe("Stad Gent");

    const before = await footprint();
    const missing = await set({ category: "EDUCATION", organisationId: gid("Organisation", world.organisations.gentPcsw) });
    expect(missing.data.setResponsibility.userErrors).toEqual([expect.objectContaining({ field: ["input", "expectedVersion"], code: "CONFLICT" })]);
    const stale = await set({ category: "EDUCATION", organisationId: gid("Organisation", world.organisations.gentPcsw), expectedVersion: 2 });
    expect(stale.data.setResponsibility.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await footprint()).toEqual(before);

    const second = await set({ category: "EDUCATION", organisationId: gid("Organisation", world.organisations.gentPcsw), expectedVersion: 1 });
    expect(education(second.data.setResponsibility.agreement.responsibilities)).toMatchObject({ organisation: { name: "OCMW Gent" }, isDefault: false, version: 2 });
    const audit = await t.app.db.manager.query(`SELECT subject_type, consortium_id, before, after FROM audit_event WHERE action = 'setResponsibility' ORDER BY occurred_at`);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ subject_type: "Responsibility", consortium_id: world.consortia.gent, before: null, after: { category: "EDUCATION", organisationKey: world.organisations.gentNgo } });
    expect(audit[1]).toMatchObject({ before: { organisationKey: world.organisations.gentNgo, version: 1 }, after: { organisationKey: world.organisations.gentPcsw, version: 2 } });
  });

  it("refuses an organisation that is not a current member with NOT_A_MEMBER, writing nothing", async () => {
    const gone = await insertRow(t.app.db, "organisation", { kind: "NGO", name: "Former partner", enterprise_number: withCheckDigits("09999999"), postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    await insertRow(t.app.db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: gone, role: "MEMBER", joined_on: "2025-01-01", left_on: "2025-06-01" });
    const before = await footprint();
    for (const organisation of [world.organisations.liegeNgo, gone, world.organisations.fedasil]) {
      const res = await set({ category: "HEALTH", organisationId: gid("Organisation", organisation) });
      expect(res.data.setResponsibility.userErrors).toEqual([expect.objectContaining({ field: ["input", "organisationId"], code: "NOT_A_MEMBER" })]);
    }
    const notAnId = await set({ category: "HEALTH", organisationId: gid("Household", world.households.gent) });
    expect(notAnId.data.setResponsibility.userErrors).toEqual([expect.objectContaining({ code: "NOT_A_MEMBER" })]);
    expect(await footprint()).toEqual(before);
  });

  it("falls back to the default when the chosen member leaves the consortium", async () => {
    const leaving = await insertRow(t.app.db, "organisation", { kind: "OTHER", name: "Leaving partner", enterprise_number: withCheckDigits("08888888"), postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    const membership = await insertRow(t.app.db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: leaving, role: "MEMBER", joined_on: "2025-01-01" });
    const res = await set({ category: "HOUSING", organisationId: gid("Organisation", leaving) });
    expect(res.data.setResponsibility.userErrors).toEqual([]);
    expect(names(await matrix(world.agreements.gent)).HOUSING).toBe("Leaving partner");
    await t.app.db.manager.query(`UPDATE consortium_membership SET left_on = '2026-01-01' WHERE id = $1`, [membership]);
    const housing = (await matrix(world.agreements.gent)).find((a) => a.category === "HOUSING");
    expect(housing).toEqual({ category: "HOUSING", organisation: { name: "Stad Gent" }, isDefault: true, version: 1 });
  });

  it.each([
    ["Gent staff", USERS.gentStaff, "FORBIDDEN"],
    ["Fedasil staff", USERS.fedasilStaff, "FORBIDDEN"],
    ["a Fedasil admin", USERS.fedasilAdmin, "FORBIDDEN"],
    ["an evaluator", USERS.evaluator, "FORBIDDEN"],
    ["Liège's coordinator", USERS.liegeCoordinator, "NOT_FOUND"],
  ])("refuses %s (%s: %s) and writes nothing", async (_who, subject, code) => {
    const before = await footprint();
    const res = await set({ category: "HEALTH", organisationId: gid("Organisation", world.organisations.gentNgo) }, subject);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });

  it("keeps the matrix of an ended agreement as it was", async () => {
    const ended = await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-2023-GENT", status: "ENDED", signed_on: "2023-01-01", starts_on: "2023-01-01", ends_on: "2024-12-31", capacity: 10 });
    const res = await t.gql(SET, { input: { agreementId: gid("Agreement", ended), category: "HEALTH", organisationId: gid("Organisation", world.organisations.gentNgo) } }, USERS.gentCoordinator);
    expect(res.data.setResponsibility.userErrors).toEqual([expect.objectContaining({ field: ["input", "agreementId"], code: "INVALID_STATE" })]);
  });

  it("reads the matrices of a list of agreements in a constant number of statements", async () => {
    const statements = async () => {
      const { statements, data } = await t.measure(`{ agreements(first: 50) { nodes { reference responsibilities { category isDefault organisation { name } } } } }`, {}, USERS.fedasilStaff);
      return { statements, agreements: data.agreements.nodes.length };
    };
    const few = await statements();
    for (let i = 0; i < 5; i++) {
      await insertRow(t.app.db, "agreement", { consortium_id: world.consortia.liege, reference: `RES-EXTRA-${i}`, status: "DRAFT", starts_on: "2026-01-01", ends_on: "2026-12-31", capacity: 10 });
    }
    const more = await statements();
    expect(more.agreements).toBe(few.agreements + 5);
    expect(more.statements).toBe(few.statements);
  });
});
