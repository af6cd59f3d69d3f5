import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertHousehold, insertRow } from "../households/fixtures";
import { record } from "./support";

const AGREEMENT_EVENTS = `
  query Events($id: ID!, $filter: CooperationEventFilter, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      ... on Agreement {
        cooperationEvents(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
          totalCount
          nodes { title }
          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
        }
      }
    }
  }`;

const HOUSEHOLD_EVENTS = `
  query Events($id: ID!, $filter: CooperationEventFilter) {
    node(id: $id) { ... on Household { cooperationEvents(filter: $filter) { totalCount nodes { title } } } }
  }`;

const AGREEMENTS = `
  query Agreements($first: Int!) {
    agreements(first: $first, orderBy: { field: REFERENCE, direction: ASC }) {
      nodes {
        reference
        cooperationEvents(first: 10) {
          totalCount
          nodes { title kind participants { name } households { reference } recordedBy { displayName } recordedByOrganisation { name } agreement { reference } }
        }
      }
    }
  }`;

const HOUSEHOLDS = `
  query Households($first: Int!) {
    households(first: $first) { nodes { reference cooperationEvents(first: 5) { totalCount nodes { title participants { name } recordedBy { displayName } } } } }
  }`;

const EVENT = `query Event($id: ID!) { node(id: $id) { id ... on CooperationEvent { title } } }`;
const EVENTS = `query Events($ids: [ID!]!) { nodes(ids: $ids) { ... on CooperationEvent { title } } }`;

const titles = (connection: { nodes: Array<{ title: string }> }) => connection.nodes.map((n) => n.title);

describe("lists of cooperation events and who sees them", () => {
  let t: TestApp;
  let world: World;
  const events: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const agreementEvents = async (agreementKey: string, variables: Record<string, unknown>, subject: string) => {
    const res = await t.gql(AGREEMENT_EVENTS, { id: gid("Agreement", agreementKey), ...variables }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.node.cooperationEvents;
  };
  const householdEvents = async (householdKey: string, filter: Record<string, unknown> | null, subject: string) => {
    const res = await t.gql(HOUSEHOLD_EVENTS, { id: gid("Household", householdKey), filter }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.node?.cooperationEvents ?? null;
  };
  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db;
    ids.gent2 = await insertHousehold(db, world.agreements.gent, "HH-GENT-2", {}, [{ given_name: "Sami", birth_date: "1982-01-01", relationship: "HEAD" }]);
    ids.gentB = await insertRow(db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-2026-GENT", status: "ACTIVE", signed_on: "2026-01-10", starts_on: "2026-02-01", ends_on: "2028-01-31", capacity: 10 });
    const add = async (name: string, agreement: string, kind: string, occurredOn: string, subject: string, extra: Record<string, unknown> = {}) => {
      const res = await record(t, { agreementId: gid("Agreement", agreement), kind, occurredOn, title: name, ...extra }, subject);
      expect(res.data.recordCooperationEvent.userErrors).toEqual([]);
      events[name] = res.data.recordCooperationEvent.cooperationEvent.id;
    };
    const gentHouseholds = (...keys: string[]) => ({ householdIds: keys.map((key) => gid("Household", key)) });
    await add("Gent feedback January", world.agreements.gent, "FEEDBACK", "2025-01-10", USERS.gentStaff, gentHouseholds(world.households.gent));
    await add("Gent meeting February", world.agreements.gent, "MEETING", "2025-02-05", USERS.gentCoordinator, { participantOrganisationIds: [gid("Organisation", world.organisations.gentCity)] });
    await add("Gent evaluation March", world.agreements.gent, "EVALUATION", "2025-03-01", USERS.fedasilStaff);
    await add("Gent feedback March", world.agreements.gent, "FEEDBACK", "2025-03-15", USERS.gentNgoStaff, gentHouseholds(world.households.gent, ids.gent2));
    await add("Gent arrival report", world.agreements.gent, "KEY_MOMENT_REPORT", "2025-04-01", USERS.gentNgoStaff, { keyMoment: "ARRIVAL", ...gentHouseholds(ids.gent2) });
    await add("Liège feedback", world.agreements.liege, "FEEDBACK", "2025-05-01", USERS.liegeStaff, { householdIds: [gid("Household", world.households.liege)] });
    await add("Liège meeting", world.agreements.liege, "MEETING", "2025-05-02", USERS.liegeCoordinator, { participantOrganisationIds: [gid("Organisation", world.organisations.liegeNgo)] });
    await add("Gent B evaluation", ids.gentB, "EVALUATION", "2025-06-01", USERS.fedasilAdmin);
  });
  afterAll(() => t.close());

  it("lists an agreement's events newest first, with their details", async () => {
    expect(titles(await agreementEvents(world.agreements.gent, {}, USERS.gentStaff))).toEqual([
      "Gent arrival report",
      "Gent feedback March",
      "Gent evaluation March",
      "Gent meeting February",
      "Gent feedback January",
    ]);
    const res = await t.gql(AGREEMENTS, { first: 10 }, USERS.gentNgoStaff);
    expect(res.errors).toBeUndefined();
    const [gent] = res.data.agreements.nodes;
    expect(gent.cooperationEvents.totalCount).toBe(5);
    expect(gent.cooperationEvents.nodes[1]).toEqual({
      title: "Gent feedback March",
      kind: "FEEDBACK",
      participants: [],
      households: [{ reference: "HH-GENT-1" }, { reference: "HH-GENT-2" }],
      recordedBy: { displayName: USERS.gentNgoStaff },
      recordedByOrganisation: { name: "Vluchtelingenwerk Gent" },
      agreement: { reference: "RES-2025-GENT" },
    });
    expect(gent.cooperationEvents.nodes[3].participants).toEqual([{ name: "Stad Gent" }]);
  });

  it("filters by kind and by day, and counts what the filter keeps", async () => {
    const feedback = await agreementEvents(world.agreements.gent, { filter: { kinds: ["FEEDBACK"] } }, USERS.fedasilStaff);
    expect({ total: feedback.totalCount, titles: titles(feedback) }).toEqual({ total: 2, titles: ["Gent feedback March", "Gent feedback January"] });
    const march = await agreementEvents(world.agreements.gent, { filter: { occurredFrom: "2025-03-01", occurredTo: "2025-03-31" } }, USERS.gentStaff);
    expect({ total: march.totalCount, titles: titles(march) }).toEqual({ total: 2, titles: ["Gent feedback March", "Gent evaluation March"] });
    const both = await agreementEvents(world.agreements.gent, { filter: { kinds: ["MEETING", "EVALUATION"], occurredTo: "2025-02-28" } }, USERS.gentStaff);
    expect({ total: both.totalCount, titles: titles(both) }).toEqual({ total: 1, titles: ["Gent meeting February"] });
  });

  it("pages forwards and backwards with cursors", async () => {
    const first = await agreementEvents(world.agreements.gent, { first: 2 }, USERS.gentCoordinator);
    expect(titles(first)).toEqual(["Gent arrival report", "Gent feedback March"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await agreementEvents(world.agreements.gent, { first: 2, after: first.pageInfo.endCursor }, USERS.gentCoordinator);
    expect(titles(second)).toEqual(["Gent evaluation March", "Gent meeting February"]);
    const third = await agreementEvents(world.agreements.gent, { first: 2, after: second.pageInfo.endCursor }, USERS.gentCoordinator);
    expect(titles(third)).toEqual(["Gent feedback January"]);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const last = await agreementEvents(world.agreements.gent, { last: 2, before: third.pageInfo.startCursor }, USERS.gentCoordinator);
    expect(titles(last)).toEqual(["Gent evaluation March", "Gent meeting February"]);
  });

  it("lists a household's events, filtered", async () => {
    expect(titles(await householdEvents(world.households.gent, null, USERS.gentStaff))).toEqual(["Gent feedback March", "Gent feedback January"]);
    const gent2 = await householdEvents(ids.gent2, { kinds: ["KEY_MOMENT_REPORT"] }, USERS.fedasilAdmin);
    expect({ total: gent2.totalCount, titles: titles(gent2) }).toEqual({ total: 1, titles: ["Gent arrival report"] });
    expect((await householdEvents(world.households.liege, null, USERS.liegeCoordinator)).totalCount).toBe(1);
  });

  it("shows another consortium nothing: not by node, nodes, lists nor counts", async () => {
    const gentEvent = events["Gent feedback January"];
    expect((await t.gql(EVENT, { id: gentEvent }, USERS.liegeStaff)).data.node).toBeNull();
    expect((await t.gql(EVENTS, { ids: [gentEvent, events["Liège feedback"]] }, USERS.liegeStaff)).data.nodes).toEqual([null, { title: "Liège feedback" }]);
    expect((await t.gql(EVENT, { id: events["Liège meeting"] }, USERS.gentStaff)).data.node).toBeNull();
    const res = await t.gql(AGREEMENTS, { first: 10 }, USERS.liegeStaff);
    expect(res.data.agreements.nodes.map((a: { reference: string; cooperationEvents: { totalCount: number } }) => [a.reference, a.cooperationEvents.totalCount])).toEqual([["RES-2025-LIEGE", 2]]);
    expect(await householdEvents(world.households.gent, null, USERS.liegeStaff)).toBeNull();
  });

  it("shows an evaluator agreements but none of their events", async () => {
    const res = await t.gql(AGREEMENTS, { first: 10 }, USERS.evaluator);
    expect(res.errors).toBeUndefined();
    expect(res.data.agreements.nodes).toHaveLength(3);
    for (const agreement of res.data.agreements.nodes) expect(agreement.cooperationEvents).toEqual({ totalCount: 0, nodes: [] });
    expect((await agreementEvents(world.agreements.gent, { filter: { kinds: ["EVALUATION"] } }, USERS.evaluator)).totalCount).toBe(0);
    expect((await t.gql(EVENTS, { ids: Object.values(events) }, USERS.evaluator)).data.nodes.every((n: unknown) => n === null)).toBe(true);
  });

  it("shows Fedasil every agreement's events", async () => {
    const res = await t.gql(AGREEMENTS, { first: 10 }, USERS.fedasilStaff);
    const counts = res.data.agreements.nodes.map((a: { reference: string; cooperationEvents: { totalCount: number } }) => [a.reference, a.cooperationEvents.totalCount]);
    expect(counts).toEqual([["RES-2025-GENT", 5], ["RES-2025-LIEGE", 2], ["RES-2026-GENT", 1]]);
    expect((await t.gql(EVENT, { id: events["Liège meeting"] }, USERS.fedasilAdmin)).data.node).toEqual({ id: events["Liège meeting"], title: "Liège meeting" });
  });

  it("reads the events of a list of agreements or households in a fixed number of statements", async () => {
    const one = await t.measure(AGREEMENTS, { first: 1 }, USERS.fedasilAdmin);
    const all = await t.measure(AGREEMENTS, { first: 10 }, USERS.fedasilAdmin);
    expect(all.data.agreements.nodes).toHaveLength(3);
    expect(all.statements).toBe(one.statements);
    const oneHousehold = await t.measure(HOUSEHOLDS, { first: 1 }, USERS.fedasilAdmin);
    const households = await t.measure(HOUSEHOLDS, { first: 10 }, USERS.fedasilAdmin);
    expect(households.data.households.nodes).toHaveLength(3);
    expect(households.statements).toBe(oneHousehold.statements);
  });
});
