import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENTITIES } from "../../src/app";
import { Database } from "../../src/database/database";
import { MIGRATIONS } from "../../migrations";

describe("the embedded database in a data folder", () => {
  const root = mkdtempSync(join(tmpdir(), "thuis-data-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const open = () =>
    Database.open({ pgliteDataDir: join(root, "nested", "pglite"), poolSize: 1, entities: ENTITIES, migrations: MIGRATIONS });

  it("creates missing parent folders on a fresh clone and keeps its data across restarts", async () => {
    const first = await open();
    expect((await first.migrate()).length).toBe(MIGRATIONS.length);
    await first.manager.query(`INSERT INTO consortium (name) VALUES ('Kept across restarts')`);
    await first.close();

    const second = await open();
    expect(await second.migrate()).toEqual([]);
    const rows = await second.manager.query(`SELECT name FROM consortium`);
    expect(rows).toEqual([{ name: "Kept across restarts" }]);
    await second.close();
  });
});
