import { toGlobalId } from "../../../src/graphql/global-id";
import { withCheckDigits } from "../../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";

const CREATE = `
  mutation Create($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation { id name kind enterpriseNumber postalCode municipality province version }
      userErrors { field message code }
    }
  }`;

const validInput = (overrides: Record<string, unknown> = {}) => ({
  kind: "NGO",
  name: "Convivial",
  enterpriseNumber: withCheckDigits("04123456"),
  postalCode: "1080",
  municipality: "Molenbeek",
  province: "BRUSSELS_CAPITAL",
  ...overrides,
});

describe("organisations", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  const count = async () => (await t.app.db.manager.query(`SELECT count(*)::int AS n FROM organisation`))[0].n as number;

  it("lets a Fedasil admin create an organisation, with its audit event", async () => {
    const digits = withCheckDigits("04123456");
    const formatted = `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
    const res = await t.gql(CREATE, { input: validInput({ enterpriseNumber: `BE ${formatted}` }) }, USERS.fedasilAdmin);
    expect(res.errors).toBeUndefined();
    const { organisation, userErrors } = res.data.createOrganisation;
    expect(userErrors).toEqual([]);
    expect(organisation).toMatchObject({ name: "Convivial", kind: "NGO", province: "BRUSSELS_CAPITAL", version: 1 });
    expect(organisation.enterpriseNumber).toBe(formatted);
    const audit = await t.app.db.manager.query(`SELECT action, subject_type, after FROM audit_event WHERE action = 'createOrganisation'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after.name).toBe("Convivial");
  });

  it("rejects a wrong check digit as a user error and writes nothing", async () => {
    const before = await count();
    const digits = withCheckDigits("04999999");
    const wrong = digits.slice(0, 8) + String((Number(digits.slice(8)) + 1) % 100).padStart(2, "0");
    const res = await t.gql(CREATE, { input: validInput({ enterpriseNumber: wrong }) }, USERS.fedasilAdmin);
    expect(res.data.createOrganisation.organisation).toBeNull();
    expect(res.data.createOrganisation.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "enterpriseNumber"], code: "INVALID_ENTERPRISE_NUMBER" }),
    ]);
    expect(await count()).toBe(before);
  });

  it("answers a duplicate enterprise number with TAKEN", async () => {
    const input = validInput({ enterpriseNumber: withCheckDigits("05555555") });
    await t.gql(CREATE, { input }, USERS.fedasilAdmin);
    const res = await t.gql(CREATE, { input }, USERS.fedasilAdmin);
    expect(res.data.createOrganisation.userErrors).toEqual([expect.objectContaining({ code: "TAKEN" })]);
  });

  it("answers class-validator failures as user errors with field paths", async () => {
    const res = await t.gql(CREATE, { input: validInput({ name: "", postalCode: "12" }) }, USERS.fedasilAdmin);
    const codes = res.data.createOrganisation.userErrors.map((e: { field: string[] }) => e.field.join("."));
    expect(codes).toEqual(expect.arrayContaining(["input.name", "input.postalCode"]));
  });

  it("refuses a blank name and municipality (both are stored trimmed) and half an emoji, writing nothing", async () => {
    const before = await count();
    const res = await t.gql(CREATE, { input: validInput({ enterpriseNumber: withCheckDigits("06123456"), name: " \t ", municipality: "\u00a0" }) }, USERS.fedasilAdmin);
    expect(res.data.createOrganisation.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "name"], code: "REQUIRED" }),
      expect.objectContaining({ field: ["input", "municipality"], code: "REQUIRED" }),
    ]);
    const halfEmoji = await t.gql(CREATE, { input: validInput({ enterpriseNumber: withCheckDigits("06123457"), municipality: "Gent \ud83d" }) }, USERS.fedasilAdmin);
    expect(halfEmoji.data.createOrganisation.userErrors).toEqual([expect.objectContaining({ field: ["input", "municipality"], code: "INVALID" })]);
    expect(await count()).toBe(before);
  });

  it("returns the first result for a retried idempotency key and writes nothing new", async () => {
    const input = validInput({ enterpriseNumber: withCheckDigits("06666666"), idempotencyKey: "retry-1" });
    const first = await t.gql(CREATE, { input }, USERS.fedasilAdmin);
    const before = await count();
    const second = await t.gql(CREATE, { input }, USERS.fedasilAdmin);
    expect(second.data.createOrganisation.organisation.id).toBe(first.data.createOrganisation.organisation.id);
    expect(await count()).toBe(before);
    const reused = await t.gql(CREATE, { input: { ...input, name: "Other" } }, USERS.fedasilAdmin);
    expect(reused.data.createOrganisation.userErrors).toEqual([expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED" })]);
  });

  it.each([USERS.fedasilStaff, USERS.gentCoordinator, USERS.gentStaff, USERS.evaluator])("refuses %s with FORBIDDEN", async (subject) => {
    const before = await count();
    const res = await t.gql(CREATE, { input: validInput({ enterpriseNumber: withCheckDigits("07777777") }) }, subject);
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
  });

  it("refuses anonymous requests with UNAUTHENTICATED", async () => {
    const res = await t.gql(`{ organisations { totalCount } }`);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists organisations with filters, ordering, pagination and totalCount", async () => {
    const query = `query List($filter: OrganisationFilter, $after: String) {
      organisations(first: 2, after: $after, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        edges { cursor node { name } }
        nodes { name }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    const page1 = await t.gql(query, { filter: { kinds: ["PCSW", "NGO"], provinces: ["LIEGE", "EAST_FLANDERS"] } }, USERS.gentStaff);
    expect(page1.errors).toBeUndefined();
    const list = page1.data.organisations;
    expect(list.totalCount).toBe(4);
    expect(list.nodes.map((n: { name: string }) => n.name)).toEqual(["Caritas Liège", "CPAS de Liège"]);
    expect(list.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await t.gql(query, { filter: { kinds: ["PCSW", "NGO"], provinces: ["LIEGE", "EAST_FLANDERS"] }, after: list.pageInfo.endCursor }, USERS.gentStaff);
    expect(page2.data.organisations.nodes.map((n: { name: string }) => n.name)).toEqual(["OCMW Gent", "Vluchtelingenwerk Gent"]);
    expect(page2.data.organisations.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("finds an organisation by node(id) and rejects pages over 100", async () => {
    const id = toGlobalId("Organisation", world.organisations.gentCity);
    const res = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Organisation { name } } }`, { id }, USERS.evaluator);
    expect(res.data.node).toEqual({ id, name: "Stad Gent" });
    const tooMany = await t.gql(`{ organisations(first: 101) { totalCount } }`, {}, USERS.evaluator);
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
