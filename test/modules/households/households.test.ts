import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertHousehold, insertRow } from "./fixtures";

const LIST = `
  query List($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {
    households(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      nodes { reference }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const DETAIL = `
  query Detail($id: ID!) {
    node(id: $id) {
      ... on Household {
        reference status arrivalRoute expectedArrivalOn personCount resettledPersonCount
        agreement { reference }
        head { givenName relationship }
        persons { givenName relationship birthDate resettled household { reference } }
        accommodation { streetAddress availableFrom monthlyRent { amount currencyCode } household { reference } }
        accommodations { streetAddress }
      }
    }
  }`;

describe("households (queries and visibility)", () => {
  let t: TestApp;
  let world: World;
  const today = todayInBrussels();
  const ids: Record<string, string> = {};
  const references = async (variables: Record<string, unknown>, subject: string) => {
    const res = await t.gql(LIST, variables, subject);
    expect(res.errors).toBeUndefined();
    return { total: res.data.households.totalCount, references: res.data.households.nodes.map((n: { reference: string }) => n.reference) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db;
    ids.gent2 = await insertHousehold(db, world.agreements.gent, "HH-GENT-2", { arrival_route: "VIA_RECEPTION", expected_arrival_on: "2026-05-01", status: "IN_ACCOMPANIMENT", arrived_on: "2026-05-01" }, [
      { given_name: "Youssef", birth_date: "1985-01-01", relationship: "HEAD" },
      { given_name: "Lina", birth_date: "2026-05-20", relationship: "CHILD", resettled: false },
      { given_name: "Sara", birth_date: "1987-02-02", relationship: "PARTNER" },
    ]);
    ids.gent3 = await insertHousehold(db, world.agreements.gent, "HH-GENT-100%", { status: "EXITED", exited_on: "2026-04-01", exit_reason: "Moved" }, [
      { given_name: "Karim", birth_date: "1970-01-01", relationship: "HEAD" },
    ]);
    const home = (household: string, street: string, from: string, until: string | null) =>
      insertRow(db, "accommodation", { household_id: household, street_address: street, postal_code: "9000", municipality: "Gent", available_from: from, available_until: until, monthly_rent_cents: 65050, landlord_kind: "PRIVATE" });
    ids.oldHome = await home(world.households.gent, "Oude Weg 1", addDays(today, -800), addDays(today, -40));
    ids.currentHome = await home(world.households.gent, "Nieuwstraat 2", addDays(today, -30), null);
    ids.nextHome = await home(world.households.gent, "Toekomstlaan 3", addDays(today, 60), null);
    ids.upcomingOnly = await home(ids.gent2, "Later 4", addDays(today, 10), null);
    ids.liegeHome = await home(world.households.liege, "Rue Haute 5", addDays(today, -10), null);
    [ids.gentHead] = (await db.manager.query(`SELECT id FROM person WHERE household_id = $1 AND relationship = 'HEAD'`, [world.households.gent])).map((r: { id: string }) => r.id);
    [ids.liegeHead] = (await db.manager.query(`SELECT id FROM person WHERE household_id = $1 AND relationship = 'HEAD'`, [world.households.liege])).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  it.each([USERS.gentCoordinator, USERS.gentStaff, USERS.gentNgoStaff])("shows %s only Gent's households", async (subject) => {
    expect(await references({}, subject)).toEqual({ total: 3, references: ["HH-GENT-1", "HH-GENT-100%", "HH-GENT-2"] });
  });

  it("shows Liège only its own, Fedasil everything, an evaluator nothing", async () => {
    expect(await references({}, USERS.liegeStaff)).toEqual({ total: 1, references: ["HH-LIEGE-1"] });
    expect((await references({}, USERS.fedasilStaff)).total).toBe(4);
    expect(await references({}, USERS.evaluator)).toEqual({ total: 0, references: [] });
  });

  it("filters by agreement, status, route, reference and expected arrival, never past the scope", async () => {
    const gentAgreement = gid("Agreement", world.agreements.gent);
    const liegeAgreement = gid("Agreement", world.agreements.liege);
    expect(await references({ filter: { agreementId: gentAgreement } }, USERS.fedasilAdmin)).toEqual({ total: 3, references: ["HH-GENT-1", "HH-GENT-100%", "HH-GENT-2"] });
    expect(await references({ filter: { agreementId: liegeAgreement } }, USERS.gentCoordinator)).toEqual({ total: 0, references: [] });
    expect(await references({ filter: { agreementId: gentAgreement } }, USERS.evaluator)).toEqual({ total: 0, references: [] });
    expect(await references({ filter: { agreementId: "not-an-id" } }, USERS.fedasilAdmin)).toEqual({ total: 0, references: [] });
    expect(await references({ filter: { statuses: ["IN_ACCOMPANIMENT", "EXITED"] } }, USERS.fedasilAdmin)).toEqual({ total: 2, references: ["HH-GENT-100%", "HH-GENT-2"] });
    expect(await references({ filter: { arrivalRoute: "DIRECT" } }, USERS.gentStaff)).toEqual({ total: 1, references: ["HH-GENT-1"] });
    expect(await references({ filter: { referenceContains: "0%" } }, USERS.fedasilAdmin)).toEqual({ total: 1, references: ["HH-GENT-100%"] });
    expect(await references({ filter: { referenceContains: "hh-" } }, USERS.liegeCoordinator)).toEqual({ total: 1, references: ["HH-LIEGE-1"] });
    expect(await references({ filter: { expectedArrivalFrom: "2026-03-02", expectedArrivalTo: "2026-05-01" } }, USERS.fedasilAdmin)).toEqual({ total: 1, references: ["HH-GENT-2"] });
    expect(await references({ filter: { expectedArrivalTo: "2026-03-01" } }, USERS.fedasilAdmin)).toEqual({ total: 2, references: ["HH-GENT-1", "HH-LIEGE-1"] });
  });

  it("orders by expected arrival (no date last going up) and pages with cursors", async () => {
    const orderBy = { field: "EXPECTED_ARRIVAL_ON", direction: "DESC" };
    const down = await references({ orderBy }, USERS.fedasilAdmin);
    expect(down.references).toEqual(["HH-GENT-100%", "HH-GENT-2", "HH-GENT-1", "HH-LIEGE-1"]);
    const first = await t.gql(LIST, { orderBy: { field: "EXPECTED_ARRIVAL_ON", direction: "ASC" }, first: 2 }, USERS.fedasilAdmin);
    expect(first.data.households.nodes.map((n: { reference: string }) => n.reference)).toEqual(["HH-GENT-1", "HH-LIEGE-1"]);
    expect(first.data.households.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(LIST, { orderBy: { field: "EXPECTED_ARRIVAL_ON", direction: "ASC" }, first: 2, after: first.data.households.pageInfo.endCursor }, USERS.fedasilAdmin);
    expect(next.data.households.nodes.map((n: { reference: string }) => n.reference)).toEqual(["HH-GENT-2", "HH-GENT-100%"]);
    expect((await references({ orderBy: { field: "CREATED_AT", direction: "DESC" } }, USERS.fedasilAdmin)).references).toHaveLength(4);
  });

  it("shows a household with its members (head first, then by birth date), counts, agreement and homes", async () => {
    const res = await t.gql(DETAIL, { id: gid("Household", ids.gent2) }, USERS.gentStaff);
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toMatchObject({
      reference: "HH-GENT-2",
      status: "IN_ACCOMPANIMENT",
      arrivalRoute: "VIA_RECEPTION",
      personCount: 3,
      resettledPersonCount: 2,
      agreement: { reference: "RES-2025-GENT" },
      head: { givenName: "Youssef", relationship: "HEAD" },
      accommodation: { streetAddress: "Later 4", household: { reference: "HH-GENT-2" } },
      accommodations: [{ streetAddress: "Later 4" }],
    });
    expect(res.data.node.persons.map((p: { givenName: string }) => p.givenName)).toEqual(["Youssef", "Sara", "Lina"]);
    expect(res.data.node.persons[2]).toMatchObject({ resettled: false, household: { reference: "HH-GENT-2" } });
  });

  it("picks today's home: the latest begun, not the old nor the next one", async () => {
    const res = await t.gql(DETAIL, { id: gid("Household", world.households.gent) }, USERS.gentCoordinator);
    expect(res.data.node.accommodation).toMatchObject({ streetAddress: "Nieuwstraat 2", availableFrom: addDays(today, -30), monthlyRent: { amount: "650.50", currencyCode: "EUR" } });
    expect(res.data.node.accommodations.map((a: { streetAddress: string }) => a.streetAddress)).toEqual(["Oude Weg 1", "Nieuwstraat 2", "Toekomstlaan 3"]);
    const exited = await t.gql(DETAIL, { id: gid("Household", ids.gent3) }, USERS.gentCoordinator);
    expect(exited.data.node).toMatchObject({ accommodation: null, accommodations: [] });
  });

  it("finds households, persons and homes by node(s) only within the scope", async () => {
    const gentIds = [gid("Household", world.households.gent), gid("Person", ids.gentHead), gid("Accommodation", ids.currentHome)];
    const liegeIds = [gid("Household", world.households.liege), gid("Person", ids.liegeHead), gid("Accommodation", ids.liegeHome)];
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const visible = (subject: string) => t.gql(query, { ids: [...gentIds, ...liegeIds] }, subject).then((r) => r.data.nodes.map((n: { id: string } | null) => n?.id ?? null));
    expect(await visible(USERS.gentStaff)).toEqual([...gentIds, null, null, null]);
    expect(await visible(USERS.liegeCoordinator)).toEqual([null, null, null, ...liegeIds]);
    expect(await visible(USERS.fedasilStaff)).toEqual([...gentIds, ...liegeIds]);
    expect(await visible(USERS.evaluator)).toEqual([null, null, null, null, null, null]);
    for (const [id, subject] of [...liegeIds.map((id) => [id, USERS.gentCoordinator]), ...gentIds.map((id) => [id, USERS.evaluator])]) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, subject);
      expect(res).toMatchObject({ data: { node: null } });
      expect(res.errors).toBeUndefined();
    }
  });

  it("shows an agreement's households and placed persons to whoever may see them, batched over agreements", async () => {
    const query = `{ agreements(first: 10) { nodes { reference placedPersons households(first: 2) { totalCount nodes { reference } pageInfo { hasNextPage } } } } }`;
    const fedasil = await t.gql(query, {}, USERS.fedasilAdmin);
    expect(fedasil.errors).toBeUndefined();
    expect(fedasil.data.agreements.nodes).toEqual([
      // Gent: HH-GENT-1 (2 resettled) + HH-GENT-2 (2 of 3 resettled); the EXITED household does not count.
      { reference: "RES-2025-GENT", placedPersons: 4, households: { totalCount: 3, nodes: [{ reference: "HH-GENT-1" }, { reference: "HH-GENT-100%" }], pageInfo: { hasNextPage: true } } },
      { reference: "RES-2025-LIEGE", placedPersons: 2, households: { totalCount: 1, nodes: [{ reference: "HH-LIEGE-1" }], pageInfo: { hasNextPage: false } } },
    ]);
    const evaluator = await t.gql(query, {}, USERS.evaluator);
    expect(evaluator.data.agreements.nodes).toEqual([
      { reference: "RES-2025-GENT", placedPersons: null, households: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } } },
      { reference: "RES-2025-LIEGE", placedPersons: null, households: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } } },
    ]);
  });

  it("pages an agreement's households in any order, also twice on the same agreement", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Agreement {
      a: households(first: 1, orderBy: { field: REFERENCE, direction: DESC }) { nodes { reference } pageInfo { endCursor } }
      b: households(first: 5, after: "cG9zaXRpb246MA") { nodes { reference } }
      c: households(last: 1) { nodes { reference } pageInfo { hasPreviousPage } }
    } } }`;
    const res = await t.gql(query, { id: gid("Agreement", world.agreements.gent) }, USERS.gentStaff);
    expect(res.errors).toBeUndefined();
    expect(res.data.node.a.nodes).toEqual([{ reference: "HH-GENT-2" }]);
    expect(res.data.node.b.nodes).toEqual([{ reference: "HH-GENT-100%" }, { reference: "HH-GENT-2" }]);
    expect(res.data.node.c).toEqual({ nodes: [{ reference: "HH-GENT-2" }], pageInfo: { hasPreviousPage: true } });
  });
});
