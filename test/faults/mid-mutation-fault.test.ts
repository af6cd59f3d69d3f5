import { LogLines } from "../http/log-lines";
import { type Snapshot, changedTables, snapshotOf } from "../fuzz/database-snapshot";
import { plannedHousehold, register } from "../modules/integration-path/support";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";

/**
 * A statement that fails in the middle of registerArrival, injected in the database itself: a
 * trigger that raises an exception when one of the mutation's later inserts reaches its table,
 * after the household's update and its tasks were written in the same transaction.
 */
describe("a fault in the middle of a mutation", () => {
  let t: TestApp;
  let world: World;
  let serial = 0;
  const log = new LogLines();

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: "production", AUTH_JWT_SECRET: "f".repeat(40), LOG_LEVEL: "error" }, log);
    world = await seedWorld(t.app.db);
    // The message counts the tasks the failing transaction has written so far (it sees its own rows).
    await t.app.db.manager.query(
      `CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'fault injected into % with % tasks written', TG_TABLE_NAME, (SELECT count(*) FROM task); END $$`,
    );
  });
  afterAll(() => t.close());

  const failOn = (table: string) => t.app.db.manager.query(`CREATE TRIGGER inject_fault BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION inject_fault()`);
  const healed = (table: string) => t.app.db.manager.query(`DROP TRIGGER inject_fault ON ${table}`);

  // In the order registerArrival writes them: funding lines after the tasks, the audit trail and the idempotency record last.
  it.each(["funding_line", "audit_event", "idempotency_record"])("failing on %s: a plain INTERNAL_SERVER_ERROR and no row changed in any table", async (table) => {
    const household = await plannedHousehold(t.app.db, world.agreements.gent, `HH-FAULT-${++serial}`);
    const before: Snapshot = await snapshotOf(t.app.db);
    await failOn(table);
    const res = await register(t, household, USERS.gentCoordinator, { idempotencyKey: `fault-${serial}` }).finally(() => healed(table));

    expect(res.errors).toEqual([{ message: "Internal server error.", path: ["registerArrival"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    expect(JSON.stringify(res)).not.toMatch(/fault|task|INSERT|trigger/i);
    expect(changedTables(before, await snapshotOf(t.app.db))).toEqual([]);
    // The fault did strike mid-way: the log has the detail, with the tasks the transaction had written.
    const logged = log.entries.filter((entry) => entry.err?.message?.startsWith(`fault injected into ${table}`));
    expect(logged).toHaveLength(1);
    const written = Number(/with (\d+) tasks/.exec(logged[0].err.message)![1]);
    expect(written).toBeGreaterThan(before.task.rows);

    // Nothing was left behind (no lock, no half state): the same request now succeeds.
    const again = await register(t, household, USERS.gentCoordinator, { idempotencyKey: `fault-${serial}` });
    expect(again.errors).toBeUndefined();
    expect(again.data.registerArrival.household.status).toBe("IN_ACCOMPANIMENT");
    expect((await snapshotOf(t.app.db)).task.rows).toBe(written);
  });
});
