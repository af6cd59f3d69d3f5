import { type App, createApp, openDatabase } from "../../src/app";
import { toGlobalId } from "../../src/graphql/global-id";
import { createLogger } from "../../src/http/logging";
import { todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";

const POSTGRES = process.env.TEST_DATABASE_URL;

const END_MEMBERSHIP = `mutation($input: EndConsortiumMembershipInput!) { endConsortiumMembership(input: $input) { userErrors { code } } }`;
const HOUSEHOLD = `query($id: ID!) { node(id: $id) { id } }`;
const VIEWER = `{ viewer { roles } }`;

/**
 * Who a viewer is (role, organisation, consortia) is looked up from the token's subject. On
 * PostgreSQL each server keeps what it looked up while it hears of every change to users and
 * memberships; these tests change them and ask again at once.
 */
describe("a viewer's rights after users and memberships change", () => {
  let t: TestApp;
  let world: World;
  const ngoMembership = async () =>
    (await t.app.db.manager.query(`SELECT m.id, c.version FROM consortium_membership m JOIN consortium c ON c.id = m.consortium_id WHERE m.consortium_id = $1 AND m.organisation_id = $2`, [
      world.consortia.gent,
      world.organisations.gentNgo,
    ]))[0] as { id: string; version: number };
  const seesGentHousehold = async (ask: (query: string, variables: Record<string, unknown>, subject: string) => Promise<{ data?: any }> = t.gql) =>
    (await ask(HOUSEHOLD, { id: toGlobalId("Household", world.households.gent) }, USERS.gentNgoStaff)).data?.node !== null;
  /** The Gent NGO's membership ends today (null: it is a member again), straight in the database. */
  const setNgoLeftOn = (leftOn: string | null) =>
    t.app.db.manager.query(`UPDATE consortium_membership SET left_on = $3 WHERE consortium_id = $1 AND organisation_id = $2`, [world.consortia.gent, world.organisations.gentNgo, leftOn]);
  const rejoin = () => setNgoLeftOn(null);
  /** The Gent NGO's membership ends today, through the API (on the first server). */
  const endNgoMembership = async () => {
    const membership = await ngoMembership();
    const ended = await t.gql(END_MEMBERSHIP, { input: { membershipId: toGlobalId("ConsortiumMembership", membership.id), expectedVersion: membership.version, leftOn: todayInBrussels() } }, USERS.fedasilAdmin);
    expect(ended.data.endConsortiumMembership.userErrors).toEqual([]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await rejoin();
    await t.app.viewerChangesHeard();
  });

  it("an organisation that leaves its consortium through the API sees none of it in its next request", async () => {
    expect(await seesGentHousehold()).toBe(true);
    expect(await seesGentHousehold()).toBe(true);
    await endNgoMembership();
    expect(await seesGentHousehold()).toBe(false);
  });

  it("a change made straight in the database reaches the next request once heard", async () => {
    expect(await seesGentHousehold()).toBe(true);
    await setNgoLeftOn(todayInBrussels());
    await t.app.viewerChangesHeard();
    expect(await seesGentHousehold()).toBe(false);
  });

  it("a user whose role changes is answered with the new role", async () => {
    const roles = async () => (await t.gql(`{ viewer { roles } }`, {}, USERS.gentStaff)).data.viewer.roles;
    expect(await roles()).toEqual(["PARTNER_STAFF"]);
    await t.app.db.manager.query(`UPDATE app_user SET role = 'PARTNER_COORDINATOR' WHERE id = $1`, [world.users.gentStaff]);
    await t.app.viewerChangesHeard();
    try {
      expect(await roles()).toEqual(["PARTNER_COORDINATOR"]);
    } finally {
      await t.app.db.manager.query(`UPDATE app_user SET role = 'PARTNER_STAFF' WHERE id = $1`, [world.users.gentStaff]);
    }
  });

  if (POSTGRES) {
    /** SQL statements of one request as `subject`. */
    const cost = async (query: string, subject: string) => {
      const before = t.app.db.statements.total;
      expect((await t.gql(query, {}, subject)).status).toBe(200);
      return t.app.db.statements.total - before;
    };

    it("keeps a viewer between requests on PostgreSQL: the lookup is one statement, once", async () => {
      await t.forgetViewers();
      const first = await cost(VIEWER, USERS.gentStaff);
      expect([await cost(VIEWER, USERS.gentStaff), await cost(VIEWER, USERS.gentStaff)]).toEqual([first - 1, first - 1]);
    });

    it("keeps nothing while it does not hear changes, and keeps again once it listens anew", async () => {
      expect([await seesGentHousehold(), await seesGentHousehold()]).toEqual([true, true]);
      const listener = `SELECT pid FROM pg_stat_activity WHERE application_name = 'thuis-viewer-changes' AND datname = current_database()`;
      const [{ pid }] = await t.app.db.manager.query(listener);
      await t.app.db.manager.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await until(async () => (await t.app.db.manager.query(listener)).every((row: { pid: number }) => row.pid !== pid));
      // Nobody tells this server of this change: it must not answer from what it kept.
      await setNgoLeftOn(todayInBrussels());
      expect(await seesGentHousehold()).toBe(false);
      await rejoin();
      await until(async () => {
        await t.forgetViewers();
        const looked = await cost(VIEWER, USERS.gentStaff);
        return (await cost(VIEWER, USERS.gentStaff)) === looked - 1;
      });
    });

    describe("two servers on one database", () => {
      let second: App;
      let secondUrl: string;
      beforeAll(async () => {
        second = await createApp(t.config, await openDatabase(t.config), createLogger("silent"));
        secondUrl = await second.listen(0);
      });
      afterAll(async () => {
        await second.close();
        await new Promise((resolve) => second.httpServer.close(resolve));
      });
      const askSecond = async (query: string, variables: Record<string, unknown>, subject: string) => {
        const response = await fetch(`${secondUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${await t.tokenFor(subject)}` },
          body: JSON.stringify({ query, variables }),
        });
        return response.json();
      };

      it("a membership ended on one is gone on the other once it heard", async () => {
        await second.viewerChangesHeard();
        expect(await seesGentHousehold(askSecond)).toBe(true);
        expect(await seesGentHousehold(askSecond)).toBe(true);
        await endNgoMembership();
        await second.viewerChangesHeard();
        expect(await seesGentHousehold(askSecond)).toBe(false);
      });
    });
  }
});

/** Waits until `done` holds, asking every 100 ms for at most 15 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("still not so after 15 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
