import { keyOf, toGlobalId } from "../../../src/graphql/global-id";
import { type GraphQLResponse, type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { membershipKey, newPartner } from "./support";

const LIST = `
  query List($filter: ConsortiumFilter, $orderBy: ConsortiumOrder, $first: Int, $after: String) {
    consortia(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes { id name version lead { name } memberships { role organisation { name } } agreements { reference } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;

const NODE = `
  query($id: ID!) {
    node(id: $id) {
      id
      ... on Consortium { name lead { name } }
      ... on ConsortiumMembership { role organisation { name } consortium { name } }
    }
  }`;

const names = (res: GraphQLResponse): string[] => res.data.consortia.nodes.map((n: { name: string }) => n.name);

describe("consortia (queries)", () => {
  let t: TestApp;
  let world: World;
  const gent = () => toGlobalId("Consortium", world.consortia.gent);
  const liege = () => toGlobalId("Consortium", world.consortia.liege);
  const organisation = (key: keyof World["organisations"]) => toGlobalId("Organisation", world.organisations[key]);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    // A member that left Gent: history, not a current member.
    const former = await newPartner(t, "Oud Lid Gent");
    await t.app.db.manager.query(
      `INSERT INTO consortium_membership (consortium_id, organisation_id, role, joined_on, left_on) VALUES ($1, $2, 'MEMBER', '2025-01-01', '2025-06-01')`,
      [world.consortia.gent, keyOf(former, "Organisation")],
    );
  });
  afterAll(() => t.close());

  it("lists every consortium for a Fedasil admin, with lead, current members and agreements", async () => {
    const res = await t.gql(LIST, {}, USERS.fedasilAdmin);
    expect(res.errors).toBeUndefined();
    const { totalCount, nodes } = res.data.consortia;
    expect(totalCount).toBe(2);
    expect(nodes[0]).toMatchObject({ id: gent(), name: "Consortium Gent", version: 1, lead: { name: "Stad Gent" }, agreements: [{ reference: "RES-2025-GENT" }] });
    // Members who joined the same day: the lead first.
    expect(nodes[0].memberships[0]).toEqual({ role: "LEAD", organisation: { name: "Stad Gent" } });
    expect(nodes[0].memberships.slice(1)).toEqual(
      expect.arrayContaining([
        { role: "MEMBER", organisation: { name: "OCMW Gent" } },
        { role: "MEMBER", organisation: { name: "Vluchtelingenwerk Gent" } },
      ]),
    );
    expect(nodes[0].memberships).toHaveLength(3);
    expect(nodes[1]).toMatchObject({ name: "Consortium Liège", lead: { name: "CPAS de Liège" }, agreements: [{ reference: "RES-2025-LIEGE" }] });
  });

  it("shows ended memberships only with includeEnded", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Consortium {
      current: memberships { organisation { name } }
      all: memberships(includeEnded: true) { organisation { name } joinedOn leftOn }
    } } }`;
    const res = await t.gql(query, { id: gent() }, USERS.gentStaff);
    expect(res.data.node.current.map((m: { organisation: { name: string } }) => m.organisation.name)).not.toContain("Oud Lid Gent");
    expect(res.data.node.all).toHaveLength(4);
    expect(res.data.node.all).toContainEqual({ organisation: { name: "Oud Lid Gent" }, joinedOn: "2025-01-01", leftOn: "2025-06-01" });
  });

  it("lets an evaluator read every consortium", async () => {
    const list = await t.gql(LIST, {}, USERS.evaluator);
    expect(list.data.consortia.totalCount).toBe(2);
    const node = await t.gql(NODE, { id: liege() }, USERS.evaluator);
    expect(node.data.node).toEqual({ id: liege(), name: "Consortium Liège", lead: { name: "CPAS de Liège" } });
  });

  it.each([USERS.gentCoordinator, USERS.gentStaff, USERS.gentNgoStaff])("shows %s only Gent, also when filtering by Liège", async (subject) => {
    const all = await t.gql(LIST, {}, subject);
    expect(all.data.consortia.totalCount).toBe(1);
    expect(names(all)).toEqual(["Consortium Gent"]);
    for (const filter of [{ nameContains: "Liège" }, { organisationId: organisation("liegePcsw") }, { organisationId: organisation("liegeNgo") }]) {
      const filtered = await t.gql(LIST, { filter }, subject);
      expect(filtered.data.consortia).toMatchObject({ totalCount: 0, nodes: [] });
    }
  });

  it("answers node and nodes for Liège's consortium and memberships with null to a partner of Gent", async () => {
    const liegeMembership = toGlobalId("ConsortiumMembership", await membershipKey(t.app.db, world.consortia.liege, world.organisations.liegePcsw));
    for (const id of [liege(), liegeMembership]) {
      const res = await t.gql(NODE, { id }, USERS.gentCoordinator);
      expect(res.errors).toBeUndefined();
      expect(res.data.node).toBeNull();
    }
    const both = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [gent(), liege(), liegeMembership] }, USERS.gentStaff);
    expect(both.data.nodes).toEqual([{ id: gent() }, null, null]);
    const theirs = await t.gql(NODE, { id: liegeMembership }, USERS.liegeStaff);
    expect(theirs.data.node).toEqual({ id: liegeMembership, role: "LEAD", organisation: { name: "CPAS de Liège" }, consortium: { name: "Consortium Liège" } });
  });

  it("filters by an organisation's current memberships and by name, any case", async () => {
    const byOrganisation = async (organisationId: string) => names(await t.gql(LIST, { filter: { organisationId } }, USERS.fedasilAdmin));
    expect(await byOrganisation(organisation("gentPcsw"))).toEqual(["Consortium Gent"]);
    expect(await byOrganisation(organisation("liegeNgo"))).toEqual(["Consortium Liège"]);
    expect(await byOrganisation(organisation("fedasil"))).toEqual([]);
    expect(await byOrganisation("not-an-id")).toEqual([]);
    const former = (await t.gql(`{ organisations(filter: { nameContains: "Oud Lid" }) { nodes { id } } }`, {}, USERS.fedasilAdmin)).data.organisations.nodes[0].id;
    expect(await byOrganisation(former)).toEqual([]);
    expect(names(await t.gql(LIST, { filter: { nameContains: "GENT" } }, USERS.fedasilAdmin))).toEqual(["Consortium Gent"]);
    expect(names(await t.gql(LIST, { filter: { nameContains: "%" } }, USERS.fedasilAdmin))).toEqual([]);
  });

  it("orders and pages", async () => {
    const first = await t.gql(LIST, { first: 1, orderBy: { field: "NAME", direction: "DESC" } }, USERS.evaluator);
    expect(names(first)).toEqual(["Consortium Liège"]);
    expect(first.data.consortia.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await t.gql(LIST, { first: 1, after: first.data.consortia.pageInfo.endCursor, orderBy: { field: "NAME", direction: "DESC" } }, USERS.evaluator);
    expect(names(next)).toEqual(["Consortium Gent"]);
    expect(next.data.consortia.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const byCreation = await t.gql(LIST, { orderBy: { field: "CREATED_AT", direction: "ASC" } }, USERS.evaluator);
    expect(names(byCreation)).toEqual(["Consortium Gent", "Consortium Liège"]);
  });

  it("reads a page of consortia with members and agreements in a fixed number of statements", async () => {
    for (let i = 0; i < 10; i++) {
      const lead = await newPartner(t, `Stad ${i}`, "CITY");
      const member = await newPartner(t, `NGO ${i}`);
      const created = await t.gql(
        `mutation($input: CreateConsortiumInput!) { createConsortium(input: $input) { consortium { id } } }`,
        { input: { name: `Consortium ${i}`, members: [{ organisationId: lead, role: "LEAD", joinedOn: "2025-01-01" }, { organisationId: member, role: "MEMBER", joinedOn: "2025-01-01" }] } },
        USERS.fedasilAdmin,
      );
      await t.gql(
        `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } } }`,
        { input: { consortiumId: created.data.createConsortium.consortium.id, reference: `RES-N-${i}`, startsOn: "2026-01-01", endsOn: "2026-12-31", capacity: 5, fedasilContactId: toGlobalId("User", world.users.fedasilStaff) } },
        USERS.fedasilAdmin,
      );
    }
    const query = `query($first: Int) { consortia(first: $first) { nodes {
      name lead { name } memberships(includeEnded: true) { organisation { name } consortium { name } }
      agreements { reference consortium { name } fedasilContact { displayName } }
    } } }`;
    const statementsFor = async (first: number) => {
      const { statements, data } = await t.measure(query, { first }, USERS.fedasilAdmin);
      expect(data.consortia.nodes).toHaveLength(first);
      return statements;
    };
    expect(await statementsFor(2)).toBe(await statementsFor(12));
  });
});
