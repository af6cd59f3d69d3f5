import "reflect-metadata";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPGliteInstance } from "typeorm-pglite";
import { openDatabase } from "../../src/app";
import { loadConfig } from "../../src/config/config";

/** Where the migrated PGlite cluster of this run lies, for every test file's database to start from. */
const TEMPLATE_VARIABLE = "THUIS_TEST_PGLITE_TEMPLATE";

/**
 * Jest's globalSetup: creating a PGlite cluster costs seconds, so on PGlite the run creates and
 * migrates one, and each test file's in-memory database starts from a copy of it.
 */
export default async function createPgliteTemplate(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const db = await openDatabase({ ...loadConfig({ NODE_ENV: "test" }), pgliteDataDir: undefined });
  await db.migrate();
  const dump = await (await getPGliteInstance()).dumpDataDir("none");
  await db.close();
  const file = join(tmpdir(), `thuis-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_VARIABLE] = file;
  // globalSetup runs in Jest's own process, which outlives every test file.
  process.on("exit", () => rmSync(file, { force: true }));
}

/** The migrated cluster to start a test file's PGlite from, when the run made one. */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[TEMPLATE_VARIABLE];
  return file ? new Blob([readFileSync(file)]) : undefined;
}
