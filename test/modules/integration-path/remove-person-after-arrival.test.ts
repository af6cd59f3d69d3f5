import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { plannedHousehold, register, tasksOf } from "./support";

const REMOVE = `mutation($input: RemovePersonInput!) { removePerson(input: $input) { userErrors { code } household { persons { givenName } } } }`;

describe("removing a person after arrival", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("cancels the child's open school enrolment with the reason, keeps it as history, and keeps the once-per-child rule", async () => {
    const household = await plannedHousehold(t.app.db, world.agreements.gent, "HH-REMOVED-CHILD");
    expect((await register(t, household, USERS.gentCoordinator)).data.registerArrival.userErrors).toEqual([]);
    const [lina] = await t.app.db.manager.query(`SELECT id, version FROM person WHERE household_id = $1 AND given_name = 'Lina'`, [household]);

    const res = await t.gql(REMOVE, { input: { personId: gid("Person", lina.id), expectedVersion: lina.version } }, USERS.gentCoordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data.removePerson.userErrors).toEqual([]);
    expect(res.data.removePerson.household.persons.map((p: { givenName: string }) => p.givenName)).not.toContain("Lina");

    const enrolments = (await tasksOf(t.app.db, household)).filter((task) => task.code === "ENROL_AT_SCHOOL");
    expect(enrolments.map((task) => task.status).sort()).toEqual(["CANCELLED", "OPEN"]);
    const [cancelled] = await t.app.db.manager.query(
      `SELECT task.status, task.status_reason, history.note FROM task JOIN task_event history ON history.task_id = task.id AND history.to_status = 'CANCELLED'
        WHERE task.household_id = $1 AND task.person_id = $2`,
      [household, lina.id],
    );
    expect(cancelled).toEqual({ status: "CANCELLED", status_reason: null, note: "Lina was removed from the household." });
    const [{ funding }] = await t.app.db.manager.query(
      `SELECT sum(amount_cents)::int AS funding FROM funding_line WHERE household_id = $1 AND kind = 'BASE'`,
      [household],
    );
    expect(funding).toBe(4 * 300000);
  });
});
