import type { Database } from "../../src/database/database";
import { fromGlobalId } from "../../src/graphql/global-id";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";

const CREATE = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id name } userErrors { code } }
}`;

interface Attempt {
  name: string;
  enterpriseNumber: string;
  idempotencyKey?: string;
}

/**
 * Many creates at once where some must fail inside their transaction: three racers per
 * enterprise number (two hit the unique index), and pairs sharing an idempotency key with
 * different input (the loser fails on the idempotency record, after writing its organisation and
 * audit event). On PGlite, without the per-request gate, these transactions share one session and
 * roll back or commit each other's rows.
 */
function attempts(): Attempt[] {
  const racing = Array.from({ length: 10 }, (_, group) =>
    Array.from({ length: 3 }, (_, racer) => ({ name: `Racer ${group}-${racer}`, enterpriseNumber: withCheckDigits(`0${5100000 + group}`) })),
  ).flat();
  const keyed = Array.from({ length: 5 }, (_, pair) =>
    Array.from({ length: 2 }, (_, twin) => ({
      name: `Keyed ${pair}-${twin}`,
      enterpriseNumber: withCheckDigits(`0${5200000 + pair * 2 + twin}`),
      idempotencyKey: `pair-${pair}`,
    })),
  ).flat();
  // Interleave so that racers of one group are not next to each other.
  return [...racing, ...keyed].sort((a, b) => a.enterpriseNumber.slice(-3).localeCompare(b.enterpriseNumber.slice(-3)));
}

/**
 * PGlite answers a statement without leaving the current macrotask, so two requests only overlap
 * when work inside a transaction waits on something (I/O, a timer, a remote call). Give every
 * statement such a wait, as a database on a busy disk would. (On PostgreSQL, statements are network
 * round trips already and run concurrently on separate connections.)
 */
function withLatency(db: Database): void {
  if (!db.embedded) return;
  const pool = (db.dataSource.driver as unknown as { master: { query: (...args: unknown[]) => Promise<unknown> } }).master;
  const query = pool.query.bind(pool);
  pool.query = (...args) => new Promise((resolve) => setImmediate(resolve)).then(() => query(...args));
}

describe("concurrent mutations", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t.app.db);
    withLatency(t.app.db);
  });
  afterAll(() => t.close());

  const rows = (sql: string) => t.app.db.manager.query(sql);

  it("persist every success, leave nothing of a failure, and audit each success once", async () => {
    const organisationsBefore = (await rows(`SELECT count(*)::int AS n FROM organisation`))[0].n;
    const auditBefore = (await rows(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    const sent = attempts();
    const answers = await Promise.all(
      sent.map((input) =>
        t.gql(CREATE, { input: { ...input, kind: "NGO", postalCode: "1000", municipality: "Brussel", province: "BRUSSELS_CAPITAL" } }, USERS.fedasilAdmin),
      ),
    );

    const created = new Map<string, string>();
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      const { organisation, userErrors } = answer.data.createOrganisation;
      if (organisation) {
        expect(userErrors).toEqual([]);
        created.set(sent[i].name, fromGlobalId(organisation.id)!.key);
      } else {
        expect(userErrors).toEqual([{ code: sent[i].idempotencyKey ? "IDEMPOTENCY_KEY_REUSED" : "TAKEN" }]);
      }
    });
    // One winner per enterprise number and one per idempotency key.
    expect(created.size).toBe(15);

    const stored: Array<{ id: string; name: string }> = await rows(`SELECT id, name FROM organisation WHERE name LIKE 'Racer %' OR name LIKE 'Keyed %'`);
    expect(new Map(stored.map((row) => [row.name, row.id]))).toEqual(created);
    expect((await rows(`SELECT count(*)::int AS n FROM organisation`))[0].n).toBe(organisationsBefore + created.size);

    const audited: Array<{ subject_id: string }> = await rows(
      `SELECT subject_id::text FROM audit_event WHERE action = 'createOrganisation' ORDER BY subject_id`,
    );
    expect(audited.map((row) => row.subject_id)).toEqual([...created.values()].sort());
    expect((await rows(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(auditBefore + created.size);
    expect((await rows(`SELECT count(*)::int AS n FROM idempotency_record`))[0].n).toBe(5);
  });
});
