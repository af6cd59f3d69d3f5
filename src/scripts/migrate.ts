import "reflect-metadata";
import { openDatabase } from "../app";
import { loadConfig } from "../config/config";

/** `npm run migrate`: applies the pending migrations to DATABASE_URL, or to the embedded database's folder. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const where = config.databaseUrl ? "PostgreSQL from DATABASE_URL" : `embedded PostgreSQL (PGlite) in ${config.pgliteDataDir}`;
    const applied = await db.migrate();
    if (applied.length === 0) console.log(`${where}: no pending migrations.`);
    else console.log(`${where}: applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exitCode = 1;
});
