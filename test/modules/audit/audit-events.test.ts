import { toGlobalId } from "../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertRow } from "../households/fixtures";

const EVENTS = `query Trail($filter: AuditEventFilter, $orderBy: AuditEventOrder, $first: Int, $after: String, $last: Int, $before: String) {
  auditEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor }
    nodes { id action subjectType subjectId occurredAt requestId before after actor { user { id displayName } organisation { name } } }
  }
}`;
const UPDATE_HOUSEHOLD = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { version } userErrors { code } } }`;
const CREATE_HOUSEHOLD = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } userErrors { code } } }`;

let t: TestApp;
let world: World;
let ids: { gentHousehold: string; liegeHousehold: string; madeUp: string };

const trail = (subject: string, variables: Record<string, unknown> = {}) => t.gql(EVENTS, variables, subject);
const events = async (subject: string, variables: Record<string, unknown> = {}) => {
  const res = await trail(subject, variables);
  expect(res.errors).toBeUndefined();
  return res.data.auditEvents;
};

/** Renames a household three times, as its consortium's coordinator. */
async function renameThrice(householdKey: string, coordinator: string, prefix: string): Promise<void> {
  for (let version = 1; version <= 3; version++) {
    const input = { householdId: gid("Household", householdKey), expectedVersion: version, reference: `${prefix}-${version}` };
    const res = await t.gql(UPDATE_HOUSEHOLD, { input }, coordinator);
    expect(res.data.updateHousehold.userErrors).toEqual([]);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  world = await seedWorld(t.app.db);
  ids = {
    gentHousehold: gid("Household", world.households.gent),
    liegeHousehold: gid("Household", world.households.liege),
    madeUp: toGlobalId("Household", "00000000-0000-4000-8000-00000000abcd"),
  };
  await renameThrice(world.households.gent, USERS.gentCoordinator, "HH-GENT-RENAMED");
  await renameThrice(world.households.liege, USERS.liegeCoordinator, "HH-LIEGE-RENAMED");
  const head = { givenName: "Farida", familyName: "Trail", birthDate: "1980-01-02", sex: "FEMALE" };
  const member = { givenName: "Idris", familyName: "Trail", birthDate: "2012-03-04", sex: "MALE", relationship: "CHILD" };
  const created = await t.gql(CREATE_HOUSEHOLD, { input: { agreementId: gid("Agreement", world.agreements.gent), reference: "HH-GENT-TRAIL", head, members: [member] } }, USERS.gentCoordinator);
  expect(created.data.createHousehold.userErrors).toEqual([]);
  // An old event of Gent's agreement by a user of Liège's, whom Gent's staff may not see.
  await insertRow(t.app.db, "audit_event", {
    action: "activateAgreement",
    subject_type: "Agreement",
    subject_id: world.agreements.gent,
    consortium_id: world.consortia.gent,
    actor_user_id: world.users.liegeStaff,
    actor_organisation_id: world.organisations.liegeNgo,
    occurred_at: "2020-01-01T00:00:00Z",
  });
}, 120_000);

afterAll(() => t?.close());

describe("a Fedasil admin", () => {
  it("reads any object's trail, newest first, with the actor, the request and the object before and after", async () => {
    const gent = await events(USERS.fedasilAdmin, { filter: { subjectId: ids.gentHousehold } });
    expect(gent.totalCount).toBe(3);
    expect(gent.nodes.map((e: any) => [e.action, e.subjectType, e.subjectId, e.before.reference, e.after.reference])).toEqual([
      ["updateHousehold", "Household", ids.gentHousehold, "HH-GENT-RENAMED-2", "HH-GENT-RENAMED-3"],
      ["updateHousehold", "Household", ids.gentHousehold, "HH-GENT-RENAMED-1", "HH-GENT-RENAMED-2"],
      ["updateHousehold", "Household", ids.gentHousehold, "HH-GENT-1", "HH-GENT-RENAMED-1"],
    ]);
    const [newest] = gent.nodes;
    expect(newest.actor).toEqual({ user: { id: gid("User", world.users.gentCoordinator), displayName: USERS.gentCoordinator }, organisation: { name: "Stad Gent" } });
    expect(newest.requestId).toEqual(expect.any(String));
    expect(newest.after).toMatchObject({ id: ids.gentHousehold, agreementId: gid("Agreement", world.agreements.gent), version: 4 });
    expect((await events(USERS.fedasilAdmin, { filter: { subjectId: ids.liegeHousehold } })).totalCount).toBe(3);
  });

  it("never reads a database key in the before and after", async () => {
    const all = await events(USERS.fedasilAdmin, { first: 100 });
    const text = JSON.stringify(all.nodes.map((e: any) => [e.before, e.after]));
    const keys = [world.households.gent, world.agreements.gent, world.users.gentCoordinator, ...Object.values(world.organisations)];
    expect(keys.filter((key) => text.includes(key))).toEqual([]);
    expect(text).toContain(ids.gentHousehold);
  });

  it("fetches an event by node(id)", async () => {
    const [event] = (await events(USERS.fedasilAdmin, { first: 1 })).nodes;
    const res = await t.gql(`query($id: ID!) { node(id: $id) { id ... on AuditEvent { action } } }`, { id: event.id }, USERS.fedasilAdmin);
    expect(res.data.node).toEqual({ id: event.id, action: event.action });
  });
});

describe("partners", () => {
  it("read their own consortium's trails, and only those", async () => {
    const own = await events(USERS.gentStaff, { filter: { subjectId: ids.gentHousehold } });
    expect(own.nodes.map((e: any) => e.after.reference)).toEqual(["HH-GENT-RENAMED-3", "HH-GENT-RENAMED-2", "HH-GENT-RENAMED-1"]);
    const all = await events(USERS.gentStaff, { first: 100 });
    const [{ gent }] = await t.app.db.manager.query(`SELECT count(*)::int AS gent FROM audit_event WHERE consortium_id = $1`, [world.consortia.gent]);
    expect(all.totalCount).toBe(gent);
    expect(all.nodes.filter((e: any) => JSON.stringify(e).includes("LIEGE"))).toEqual([]);
  });

  it("get another consortium's trail exactly as the trail of an object that does not exist, or of no object at all", async () => {
    // The answer without its extensions (the request's cost and the caller's remaining budget).
    const answer = async (subjectId: string) => {
      const { data, errors } = await trail(USERS.liegeStaff, { filter: { subjectId } });
      return JSON.stringify({ data, errors });
    };
    const nothing = await answer(ids.madeUp);
    expect(JSON.parse(nothing).data.auditEvents.totalCount).toBe(0);
    expect(await answer(ids.gentHousehold)).toBe(nothing);
    expect(await answer("not-an-id")).toBe(nothing);
    const event = (await events(USERS.gentStaff, { first: 1 })).nodes[0];
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: event.id }, USERS.liegeStaff)).data.node).toBeNull();
  });

  it("see the actor only when they may see that user", async () => {
    const agreementTrail = async (subject: string) => (await events(subject, { filter: { subjectId: gid("Agreement", world.agreements.gent) } })).nodes;
    expect((await agreementTrail(USERS.gentStaff)).map((e: any) => e.actor)).toEqual([null]);
    expect((await agreementTrail(USERS.fedasilAdmin)).map((e: any) => e.actor)).toEqual([{ user: expect.objectContaining({ displayName: USERS.liegeStaff }), organisation: { name: "Caritas Liège" } }]);
  });
});

describe("Fedasil staff and evaluators", () => {
  it.each([USERS.fedasilStaff, USERS.evaluator])("%s gets FORBIDDEN, and node(id) of an event answers null", async (subject) => {
    const res = await trail(subject, { filter: { subjectId: ids.gentHousehold } });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(res.data).toBeNull();
    const event = (await events(USERS.fedasilAdmin, { first: 1 })).nodes[0];
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: event.id }, subject)).data.node).toBeNull();
  });
});

describe("the list", () => {
  it("pages forwards and backwards through a trail", async () => {
    const filter = { subjectId: ids.liegeHousehold };
    const whole = (await events(USERS.liegeCoordinator, { filter })).nodes.map((e: any) => e.id);
    expect(whole).toHaveLength(3);
    const first = await events(USERS.liegeCoordinator, { filter, first: 2 });
    expect(first.nodes.map((e: any) => e.id)).toEqual(whole.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await events(USERS.liegeCoordinator, { filter, first: 2, after: first.pageInfo.endCursor });
    expect(next.nodes.map((e: any) => e.id)).toEqual(whole.slice(2));
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last = await events(USERS.liegeCoordinator, { filter, last: 1 });
    expect(last.nodes.map((e: any) => e.id)).toEqual(whole.slice(2));
    const before = await events(USERS.liegeCoordinator, { filter, last: 1, before: last.pageInfo.startCursor });
    expect(before.nodes.map((e: any) => e.id)).toEqual(whole.slice(1, 2));
    const oldestFirst = await events(USERS.liegeCoordinator, { filter, orderBy: { direction: "ASC" } });
    expect(oldestFirst.nodes.map((e: any) => e.id)).toEqual([...whole].reverse());
  });

  it("keeps the events of one change in the order they were written", async () => {
    const created = await events(USERS.gentCoordinator, { filter: { actions: ["createHousehold"] }, orderBy: { direction: "ASC" } });
    expect(created.nodes.map((e: any) => [e.subjectType, e.after.reference ?? e.after.givenName])).toEqual([
      ["Household", "HH-GENT-TRAIL"],
      ["Person", "Farida"],
      ["Person", "Idris"],
    ]);
    expect(new Set(created.nodes.map((e: any) => e.occurredAt)).size).toBe(1);
  });

  it("filters by action and by when", async () => {
    const renames = await events(USERS.fedasilAdmin, { filter: { actions: ["updateHousehold", "activateAgreement"] }, first: 100 });
    expect(renames.totalCount).toBe(7);
    expect(new Set(renames.nodes.map((e: any) => e.action))).toEqual(new Set(["updateHousehold", "activateAgreement"]));
    const upTo2020 = await events(USERS.fedasilAdmin, { filter: { occurredTo: "2020-01-01T00:00:00Z" } });
    expect(upTo2020.nodes.map((e: any) => [e.action, e.occurredAt])).toEqual([["activateAgreement", "2020-01-01T00:00:00.000Z"]]);
    const newest = renames.nodes[0].occurredAt;
    const sinceNewest = await events(USERS.fedasilAdmin, { filter: { actions: ["updateHousehold"], occurredFrom: newest } });
    expect(sinceNewest.nodes.map((e: any) => e.occurredAt)).toEqual([newest]);
  });
});
