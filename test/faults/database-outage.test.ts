import { setTimeout as pause } from "node:timers/promises";
import { Client } from "pg";
import { freePort } from "../../bench/servers";
import { isDatabaseUnavailable } from "../../src/database/unavailable";
import { plannedHousehold, register } from "../modules/integration-path/support";
import { DatabaseProxy } from "../support/database-proxy";
import { type GraphQLResponse, type TestApp, startTestApp } from "../support/test-app";
import { USERS, type World, seedWorld } from "../support/world";

jest.setTimeout(300_000);

const POSTGRES = process.env.TEST_DATABASE_URL;
const UNAVAILABLE = { message: "The database cannot be reached: try again shortly.", extensions: { code: "SERVICE_UNAVAILABLE", retryable: true } };

const failureOf = (connect: () => Promise<unknown>) => connect().then(() => null, (error: unknown) => error);

/**
 * Runs on both backends: the errors node-postgres itself raises when the server is not there or
 * the connection is cut (no PostgreSQL needed), against errors of a wrong statement.
 */
describe("what the driver says when the database is down", () => {
  it("a refused or cut connection means unavailable; a wrong statement does not", async () => {
    const closedPort = await freePort();
    const refused = await failureOf(() => new Client({ host: "127.0.0.1", port: closedPort, user: "x", database: "x" }).connect());
    const proxy = await DatabaseProxy.open(`postgres://x@127.0.0.1:${closedPort}/x`);
    proxy.stop();
    const cut = await failureOf(() => new Client({ connectionString: proxy.route(`postgres://x@127.0.0.1:${closedPort}/x`) }).connect());
    await proxy.close();
    expect([refused, cut].map((error) => [(error as Error).message.slice(0, 40), isDatabaseUnavailable(error)])).toEqual([
      [expect.stringContaining("ECONNREFUSED"), true],
      ["Connection terminated unexpectedly", true],
    ]);

    const t = await startTestApp();
    try {
      const wrong = await failureOf(() => t.app.db.manager.query("SELECT * FROM no_such_table"));
      const divisionByZero = await failureOf(() => t.app.db.manager.query("SELECT 1 / 0"));
      expect([wrong, divisionByZero].map((error) => [error instanceof Error, isDatabaseUnavailable(error)])).toEqual([[true, false], [true, false]]);
    } finally {
      await t.close();
    }
  });
});

interface Footprint {
  id: string;
  status: string;
  tasks: number;
  taskEvents: number;
  fundingLines: number;
  allocations: number;
  audits: number;
  idempotencyRecords: number;
}

/** Everything registerArrival writes about a household, counted straight in PostgreSQL. */
const FOOTPRINT = `
  SELECT h.id, h.status,
         (SELECT count(*)::int FROM task t WHERE t.household_id = h.id) AS tasks,
         (SELECT count(*)::int FROM task_event e JOIN task t ON t.id = e.task_id WHERE t.household_id = h.id) AS "taskEvents",
         (SELECT count(*)::int FROM funding_line l WHERE l.household_id = h.id) AS "fundingLines",
         (SELECT count(*)::int FROM funding_allocation a JOIN funding_line l ON l.id = a.funding_line_id WHERE l.household_id = h.id) AS allocations,
         (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = h.id
             OR a.subject_id IN (SELECT id FROM task WHERE household_id = h.id)
             OR a.subject_id IN (SELECT id FROM funding_line WHERE household_id = h.id)) AS audits,
         (SELECT count(*)::int FROM idempotency_record r WHERE r.result_id = h.id) AS "idempotencyRecords"
    FROM household h WHERE h.id = ANY($1::uuid[]) ORDER BY h.id`;

const untouched = (f: Footprint) => f.status === "PLANNED" && f.tasks + f.taskEvents + f.fundingLines + f.allocations + f.audits + f.idempotencyRecords === 0;
const shape = ({ id: _id, ...rest }: Footprint) => rest;

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await pause(50);
  }
}

type Phase = "up" | "down" | "restored";

interface Answer {
  kind: "read" | "write";
  /** The database's state when the request was sent, and when it was answered. */
  sentWhile: Phase;
  answeredWhile: Phase;
  status: number;
  ok: boolean;
  errors?: GraphQLResponse["errors"];
}

/** A clean outage answer: HTTP 503 and only SERVICE_UNAVAILABLE errors, without detail. */
const cleanOutage = (answer: Answer) =>
  answer.status === 503 && (answer.errors?.length ?? 0) > 0 && answer.errors!.every(({ path: _path, ...error }) => JSON.stringify(error) === JSON.stringify(UNAVAILABLE));

// Stopping PostgreSQL needs a PostgreSQL: the embedded PGlite lives in the process and cannot go down.
if (POSTGRES) {
  describe("PostgreSQL stopped and started again (through a proxy that drops and refuses its connections)", () => {
    let proxy: DatabaseProxy;
    let t: TestApp;
    let world: World;
    let direct: Client;
    let serial = 0;
    let phase: Phase = "up";

    beforeAll(async () => {
      proxy = await DatabaseProxy.open(POSTGRES);
      t = await startTestApp({ NODE_ENV: "production", AUTH_JWT_SECRET: "o".repeat(40), LOG_LEVEL: "error" }, undefined, (url) => proxy.route(url));
      world = await seedWorld(t.app.db);
      // The test's own connection goes straight to PostgreSQL, around the proxy.
      const url = new URL(t.config.databaseUrl!);
      url.host = new URL(POSTGRES).host;
      direct = new Client({ connectionString: url.toString() });
      await direct.connect();
    });
    afterAll(async () => {
      proxy.start();
      await direct?.end();
      await t?.close();
      await proxy?.close();
    });

    const planned = () => plannedHousehold(t.app.db, world.agreements.gent, `HH-OUTAGE-${++serial}`);
    const footprints = async (households: string[]): Promise<Footprint[]> => (await direct.query(FOOTPRINT, [households])).rows;
    const health = async (path: string) => (await fetch(`${t.url}${path}`)).status;
    /** PostgreSQL is done with every session of thuis (one cut mid-transaction has rolled back). */
    const sessionsOver = async () =>
      (await direct.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n === 0;
    const stop = () => ((phase = "down"), proxy.stop());
    const start = () => ((phase = "restored"), proxy.start());

    it("a mutation waiting inside its transaction when the connection drops: 503, retryable, nothing written; sent again, it succeeds", async () => {
      const household = await planned();
      const before = await footprints([household]);
      // A lock held around the proxy keeps registerArrival waiting after its first statements.
      await direct.query("BEGIN");
      await direct.query("SELECT 1 FROM household WHERE id = $1 FOR UPDATE", [household]);
      const answer = register(t, household, USERS.gentCoordinator, { idempotencyKey: "waiting" });
      const waiting = async () => (await direct.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n > 0;
      await until(waiting, "registerArrival to wait for the lock");
      stop();
      const res = await answer;
      await direct.query("ROLLBACK");

      expect(res.status).toBe(503);
      expect(res.errors).toEqual([{ ...UNAVAILABLE, path: ["registerArrival"] }]);
      expect(await health("/readyz")).toBe(503);
      expect(await health("/healthz")).toBe(200);
      await until(sessionsOver, "PostgreSQL to end the cut session");
      expect(await footprints([household])).toEqual(before);

      start();
      const again = await register(t, household, USERS.gentCoordinator, { idempotencyKey: "waiting" });
      expect([again.status, again.errors, again.data.registerArrival.household.status]).toEqual([200, undefined, "IN_ACCOMPANIMENT"]);
      expect(await health("/readyz")).toBe(200);
    });

    it("under load: every request fails cleanly while it is down, none is lost or half done, and all work again without a restart", async () => {
      phase = "up";
      const households: string[] = [];
      for (let i = 0; i < 40; i++) households.push(await planned());
      const queue = [...households];
      const answers: Answer[] = [];
      const acknowledged = new Set<string>();
      let stopping = false;

      const send = async (kind: Answer["kind"], request: () => Promise<GraphQLResponse>): Promise<Answer> => {
        const sentWhile = phase;
        const res = await request();
        const ok = res.status === 200 && !res.errors && (kind === "read" || res.data.registerArrival.userErrors.length === 0);
        const answer = { kind, sentWhile, answeredWhile: phase, status: res.status, ok, errors: res.errors };
        answers.push(answer);
        return answer;
      };
      const reader = async (subject: string, query: string) => {
        while (!stopping) if (!(await send("read", () => t.gql(query, {}, subject))).ok) await pause(20);
      };
      // A client that was told "retryable" sends the same arrival again, with the same idempotency key, until it is answered.
      const writer = async () => {
        for (let household = queue.shift(); household && !stopping; household = queue.shift()) {
          while (!(await send("write", () => register(t, household!, USERS.gentCoordinator, { idempotencyKey: `arrival-${household}` }))).ok) await pause(50);
          acknowledged.add(household);
        }
      };
      const count = (kind: Answer["kind"], sentWhile: Phase, ok: boolean) => answers.filter((a) => a.kind === kind && a.sentWhile === sentWhile && a.ok === ok).length;
      const load = Promise.all([
        reader(USERS.fedasilStaff, `{ households(first: 5) { totalCount nodes { id status } } }`),
        reader(USERS.gentStaff, `{ tasks(first: 10) { nodes { id status dueOn } } }`),
        reader(USERS.gentCoordinator, `{ households(first: 3) { nodes { id persons { givenName } } } }`),
        writer(),
        writer(),
      ]);

      await until(() => acknowledged.size >= 3 && count("read", "up", true) >= 10, "load before the outage");
      stop();
      await until(() => count("write", "down", false) >= 4 && count("read", "down", false) >= 10, "failures during the outage");
      expect(await health("/readyz")).toBe(503);
      expect(await health("/healthz")).toBe(200);

      // While thuis cannot reach it, the database holds still: look at what the answers left.
      await until(sessionsOver, "PostgreSQL to end the cut sessions");
      const during = await footprints(households);
      const complete = shape(during.find((f) => acknowledged.has(f.id))!);
      expect(complete.tasks).toBeGreaterThan(0);
      expect(during.filter((f) => acknowledged.has(f.id)).map(shape)).toEqual([...acknowledged].map(() => complete));
      const notAcknowledged = during.filter((f) => !acknowledged.has(f.id));
      expect(notAcknowledged.filter((f) => !untouched(f)).map(shape)).toEqual(notAcknowledged.filter((f) => !untouched(f)).map(() => complete));
      // Only a cut between a COMMIT and its answer may leave a write the client was not told about (its retry will hear of it).
      expect(notAcknowledged.filter((f) => !untouched(f)).length).toBeLessThanOrEqual(proxy.commitsInDoubt);

      start();
      await until(() => count("write", "restored", true) >= 3 && count("read", "restored", true) >= 10, "load after the restore");
      stopping = true;
      await load;

      const unclean = answers.filter((a) => !a.ok && !cleanOutage(a));
      expect(unclean).toEqual([]);
      // (One sent during the outage but served after the restore may go either way.)
      expect(answers.filter((a) => a.sentWhile === "down" && a.answeredWhile === "down" && a.ok)).toEqual([]);
      expect(answers.filter((a) => a.sentWhile === "restored" && !a.ok)).toEqual([]);
      expect(await health("/readyz")).toBe(200);

      // Every arrival a client was told about is there once, whole; the others are untouched.
      const after = await footprints(households);
      expect(after.filter((f) => acknowledged.has(f.id)).map(shape)).toEqual([...acknowledged].map(() => complete));
      expect(after.filter((f) => !acknowledged.has(f.id)).every(untouched)).toBe(true);
    });
  });
}
