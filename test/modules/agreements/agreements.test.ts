import { toGlobalId } from "../../../src/graphql/global-id";
import { type GraphQLResponse, type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";

const LIST = `
  query List($filter: AgreementFilter, $orderBy: AgreementOrder, $first: Int, $last: Int) {
    agreements(first: $first, last: $last, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes { id reference status consortium { name } fedasilContact { displayName } }
      pageInfo { hasNextPage hasPreviousPage }
    }
  }`;

const references = (res: GraphQLResponse): string[] => res.data.agreements.nodes.map((n: { reference: string }) => n.reference);

describe("agreements (queries)", () => {
  let t: TestApp;
  let world: World;
  const id = (type: string, key: string) => toGlobalId(type, key);
  const organisation = (key: keyof World["organisations"]) => id("Organisation", world.organisations[key]);
  const list = async (variables: Record<string, unknown>, subject: string = USERS.fedasilAdmin) => references(await t.gql(LIST, variables, subject));

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const create = (consortiumKey: string, reference: string, startsOn: string, endsOn: string) =>
      t.gql(
        `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { userErrors { code } } }`,
        { input: { consortiumId: id("Consortium", consortiumKey), reference, startsOn, endsOn, capacity: 10 } },
        USERS.fedasilAdmin,
      );
    await create(world.consortia.gent, "RES-2024-GENT-OLD", "2024-01-01", "2024-12-31");
    await create(world.consortia.liege, "RES-2026-LIEGE-B", "2026-03-01", "2027-02-28");
  });
  afterAll(() => t.close());

  it("lists every agreement for a Fedasil admin, with consortium and contact", async () => {
    const res = await t.gql(LIST, {}, USERS.fedasilAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data.agreements.totalCount).toBe(4);
    expect(res.data.agreements.nodes).toEqual([
      { id: expect.any(String), reference: "RES-2024-GENT-OLD", status: "DRAFT", consortium: { name: "Consortium Gent" }, fedasilContact: null },
      { id: id("Agreement", world.agreements.gent), reference: "RES-2025-GENT", status: "ACTIVE", consortium: { name: "Consortium Gent" }, fedasilContact: { displayName: "fedasil-staff" } },
      { id: id("Agreement", world.agreements.liege), reference: "RES-2025-LIEGE", status: "ACTIVE", consortium: { name: "Consortium Liège" }, fedasilContact: { displayName: "fedasil-staff" } },
      { id: expect.any(String), reference: "RES-2026-LIEGE-B", status: "DRAFT", consortium: { name: "Consortium Liège" }, fedasilContact: null },
    ]);
  });

  it("lets an evaluator read every agreement and its Fedasil contact (whom it may share reports with)", async () => {
    const res = await t.gql(LIST, {}, USERS.evaluator);
    expect(res.data.agreements.totalCount).toBe(4);
    expect(res.data.agreements.nodes.map((n: { fedasilContact: unknown }) => n.fedasilContact)).toEqual([null, { displayName: "fedasil-staff" }, { displayName: "fedasil-staff" }, null]);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on Agreement { reference consortium { name } } } }`, { id: id("Agreement", world.agreements.liege) }, USERS.evaluator);
    expect(node.data.node).toEqual({ reference: "RES-2025-LIEGE", consortium: { name: "Consortium Liège" } });
  });

  it.each([USERS.gentCoordinator, USERS.gentStaff])("shows %s only Gent's agreements, also when filtering by Liège", async (subject) => {
    const all = await t.gql(LIST, {}, subject);
    expect(all.data.agreements.totalCount).toBe(2);
    expect(references(all)).toEqual(["RES-2024-GENT-OLD", "RES-2025-GENT"]);
    expect(all.data.agreements.nodes[1].fedasilContact).toEqual({ displayName: "fedasil-staff" });
    for (const filter of [
      { consortiumId: id("Consortium", world.consortia.liege) },
      { organisationId: organisation("liegePcsw") },
      { statuses: ["DRAFT"], activeOn: "2026-06-01" },
    ]) {
      const filtered = await t.gql(LIST, { filter }, subject);
      expect(filtered.data.agreements).toMatchObject({ totalCount: 0, nodes: [] });
    }
    expect(await list({ filter: { statuses: ["ACTIVE"] } }, subject)).toEqual(["RES-2025-GENT"]);
  });

  it("answers node and nodes for Liège's agreement with null to a partner of Gent", async () => {
    const liege = id("Agreement", world.agreements.liege);
    const gent = id("Agreement", world.agreements.gent);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: liege }, USERS.gentCoordinator);
    expect(node.errors).toBeUndefined();
    expect(node.data.node).toBeNull();
    const nodes = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [liege, gent] }, USERS.gentStaff);
    expect(nodes.data.nodes).toEqual([null, { id: gent }]);
    const viaConsortium = await t.gql(`query($id: ID!) { node(id: $id) { ... on Consortium { agreements { reference } } } }`, { id: id("Consortium", world.consortia.gent) }, USERS.gentStaff);
    expect(viaConsortium.data.node.agreements).toEqual([{ reference: "RES-2024-GENT-OLD" }, { reference: "RES-2025-GENT" }]);
  });

  it("filters by status, consortium and member organisation; unknown ids match nothing", async () => {
    expect(await list({ filter: { statuses: ["DRAFT"] } })).toEqual(["RES-2024-GENT-OLD", "RES-2026-LIEGE-B"]);
    expect(await list({ filter: { statuses: ["ENDED", "TERMINATED"] } })).toEqual([]);
    expect(await list({ filter: { consortiumId: id("Consortium", world.consortia.liege) } })).toEqual(["RES-2025-LIEGE", "RES-2026-LIEGE-B"]);
    expect(await list({ filter: { organisationId: organisation("gentNgo") } })).toEqual(["RES-2024-GENT-OLD", "RES-2025-GENT"]);
    expect(await list({ filter: { organisationId: organisation("fedasil") } })).toEqual([]);
    expect(await list({ filter: { consortiumId: id("Agreement", world.agreements.gent) } })).toEqual([]);
    expect(await list({ filter: { organisationId: "junk" } })).toEqual([]);
  });

  it.each([
    ["2025-01-31", []],
    ["2025-02-01", ["RES-2025-GENT", "RES-2025-LIEGE"]],
    ["2027-01-31", ["RES-2025-GENT", "RES-2025-LIEGE", "RES-2026-LIEGE-B"]],
    ["2027-02-01", ["RES-2026-LIEGE-B"]],
  ])("filters by activeOn %s, both ends of the period included", async (activeOn, expected) => {
    expect(await list({ filter: { activeOn } })).toEqual(expected);
  });

  it("orders by start, creation and reference, and pages from the end", async () => {
    const byStart = await list({ orderBy: { field: "STARTS_ON", direction: "ASC" } });
    expect(byStart[0]).toBe("RES-2024-GENT-OLD");
    expect(byStart[3]).toBe("RES-2026-LIEGE-B");
    expect(await list({ orderBy: { field: "CREATED_AT", direction: "DESC" } })).toEqual(["RES-2026-LIEGE-B", "RES-2024-GENT-OLD", "RES-2025-LIEGE", "RES-2025-GENT"]);
    const last = await t.gql(LIST, { last: 1, orderBy: { field: "REFERENCE", direction: "DESC" } }, USERS.evaluator);
    expect(references(last)).toEqual(["RES-2024-GENT-OLD"]);
    expect(last.data.agreements).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it("reads agreements with consortium, members and contact in a fixed number of statements", async () => {
    const query = `query($first: Int) { agreements(first: $first) { nodes {
      reference fedasilContact { displayName organisation { name } }
      consortium { name lead { name } memberships { organisation { name } } agreements { reference } }
    } } }`;
    const statementsFor = async (first: number) => {
      const { statements, data } = await t.measure(query, { first }, USERS.fedasilAdmin);
      expect(data.agreements.nodes).toHaveLength(first);
      return statements;
    };
    // Two already need every loader (one agreement with a contact, one without).
    expect(await statementsFor(2)).toBe(await statementsFor(4));
  });
});
