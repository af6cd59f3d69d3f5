import "reflect-metadata";
import { createApp, openDatabase } from "./app";
import { loadConfig } from "./config/config";
import { seedDemoData } from "./demo/demo-data";
import { createLogger } from "./http/logging";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  if (db.embedded) {
    const applied = await db.migrate();
    if (applied.length > 0) logger.info({ migrations: applied }, "migrations applied");
  } else if (await db.dataSource.showMigrations()) {
    logger.fatal("The database has pending migrations: run `npm run migrate` first.");
    process.exit(2);
  }
  if (config.seedDemoData && (await seedDemoData(db))) logger.info("demo data loaded");

  const app = await createApp(config, db, logger);
  const url = await app.listen();
  const where = db.embedded ? `embedded PostgreSQL (PGlite) in ${config.pgliteDataDir}` : "PostgreSQL from DATABASE_URL";
  console.log(`\nthuis is listening on ${url}/graphql (${where})`);
  console.log(`Subscriptions: ${url.replace(/^http/, "ws")}/graphql over graphql-ws, events ${config.redisUrl ? "shared through Redis (REDIS_URL)" : "in-process"}.`);
  console.log(`IDE: open ${url}/graphql in a browser. Tokens: \`npm run token -- --list\`, then \`npm run token -- <login>\`.\n`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    await app.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

void main();
