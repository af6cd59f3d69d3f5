import { escapeLike } from "../../src/database/sql";
import { type TestApp, startTestApp } from "../support/test-app";

describe("the database", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const db = () => t.app.db;

  it("answers raw queries alike on PGlite and PostgreSQL: dates as text, counts as numbers", async () => {
    const [row] = await db().manager.query(`SELECT '2026-03-01'::date AS day, count(*) AS n, now() AS at, 12.50::numeric AS amount FROM generate_series(1, 3)`);
    expect(row).toEqual({ day: "2026-03-01", n: 3, at: expect.any(Date), amount: "12.50" });
  });

  it("refuses a bigint a JavaScript number cannot hold, rather than rounding it", async () => {
    await expect(db().manager.query(`SELECT 9007199254740993::bigint AS n`)).rejects.toThrow(/too large/);
    expect(await db().manager.query(`SELECT 9007199254740991::bigint AS n`)).toEqual([{ n: Number.MAX_SAFE_INTEGER }]);
  });

  it("applies each migration once", async () => {
    expect(await db().migrate()).toEqual([]);
    const [{ n }] = await db().manager.query(`SELECT count(*) AS n FROM migrations`);
    expect(n).toBeGreaterThan(0);
  });

  it("counts every statement sent", async () => {
    const before = db().statements.total;
    await db().ping();
    await db().manager.query(`SELECT 2`);
    expect(db().statements.total - before).toBe(2);
  });

  it("runs exclusive work one at a time on PGlite, concurrently on PostgreSQL", async () => {
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db().exclusive(async () => {
      events.push("first starts");
      await held;
      events.push("first ends");
    });
    const second = db().exclusive(async () => {
      events.push("second starts");
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(db().embedded ? ["first starts", "first ends", "second starts"] : ["first starts", "second starts", "first ends"]);
  });

  it("frees the gate when exclusive work fails", async () => {
    await expect(db().exclusive(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(db().exclusive(async () => "next")).resolves.toBe("next");
  });

  it("matches user text literally in LIKE patterns", async () => {
    const names = ["100% Solidair", "100 procent", "a_b", "axb", "back\\slash"];
    const match = async (text: string) =>
      (await db().manager.query(`SELECT name FROM unnest($1::text[]) AS name WHERE name ILIKE $2 ORDER BY name`, [names, `%${escapeLike(text)}%`])).map(
        (row: { name: string }) => row.name,
      );
    expect(await match("100%")).toEqual(["100% Solidair"]);
    expect(await match("a_b")).toEqual(["a_b"]);
    expect(await match("k\\s")).toEqual(["back\\slash"]);
    expect(await match("SOLIDAIR")).toEqual(["100% Solidair"]);
  });
});

describe("a closed database", () => {
  it("fails its ping, so /readyz can say so", async () => {
    const t = await startTestApp();
    try {
      await t.app.db.close();
      await expect(t.app.db.ping()).rejects.toThrow();
      expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
