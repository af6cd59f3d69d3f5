import "reflect-metadata";
import { parseArgs } from "node:util";
import { openDatabase } from "../../src/app";
import { loadConfig } from "../../src/config/config";
import { todayInBrussels } from "../../src/shared/calendar";
import { checkInvariants } from "./invariants";
import { type SeedReport, SeedRefused, seedScale } from "./seed-scale";

/**
 * `npm run seed:scale -- --households N [--reset] [--check]`: migrates the PostgreSQL database of
 * DATABASE_URL, fills it with N households of a ten-year national programme and, with --check,
 * counts what breaks the seed's invariants.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { households: { type: "string", default: "20000" }, reset: { type: "boolean", default: false }, check: { type: "boolean", default: false } } });
  const households = Number(values.households);
  if (!Number.isSafeInteger(households) || households < 1) throw new SeedRefused(`--households takes a whole number of at least 1, not "${values.households}".`);
  if (!process.env.DATABASE_URL) {
    throw new SeedRefused("seed:scale fills a PostgreSQL database: set DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/thuis_bench npm run seed:scale -- --households 20000");
  }
  const db = await openDatabase(loadConfig());
  try {
    const applied = await db.migrate();
    console.log(`Migrations: ${applied.length === 0 ? "none pending" : `applied ${applied.join(", ")}`}.`);
    console.log(`Seeding ${households.toLocaleString("en")} households${values.reset ? " (programme tables emptied first)" : ""}…`);
    const today = todayInBrussels();
    print(await seedScale(db, { households, reset: values.reset, today }));
    if (values.check) {
      for (const { invariant, violations } of await checkInvariants(db.manager, today)) console.log(`${violations === 0 ? "ok  " : "FAIL"} ${invariant}${violations === 0 ? "" : `: ${violations}`}`);
    }
  } finally {
    await db.close();
  }
}

function print(report: SeedReport): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
  console.log(`\n${"table".padEnd(28)}${"rows".padStart(10)}${"inserts".padStart(9)}${"db s".padStart(8)}${"rows/s".padStart(10)}`);
  for (const t of report.tables.filter((t) => t.rows > 0)) {
    console.log(`${t.table.padEnd(28)}${String(t.rows).padStart(10)}${String(t.statements).padStart(9)}${seconds(t.ms).padStart(8)}${String(Math.round(t.rows / (t.ms / 1000))).padStart(10)}`);
  }
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  const dbMs = report.tables.reduce((sum, t) => sum + t.ms, 0);
  console.log(`${"total".padEnd(28)}${String(rows).padStart(10)}${String(report.tables.reduce((s, t) => s + t.statements, 0)).padStart(9)}${seconds(dbMs).padStart(8)}`);
  console.log(`\nLoaded in ${seconds(report.loadMs).trim()} s (planning overlaps the inserts), ANALYZE ${seconds(report.analyzeMs).trim()} s, total ${seconds(report.loadMs + report.analyzeMs).trim()} s.`);
  const { programme } = report;
  const busiest = programme.agreements.filter((a) => a.status === "ACTIVE").sort((a, b) => b.arrived - a.arrived)[0];
  const subjects = [...programme.fedasil.users.slice(0, 1), ...programme.fedasil.users.filter((u) => u.role === "FEDASIL_ADMIN").slice(0, 1)];
  const evaluator = programme.organisations.all.find((o) => o.kind === "EVALUATOR")!.users[0];
  console.log(`Token subjects: ${[...subjects, evaluator].map((u) => u.subject).join(", ")}`);
  if (busiest) console.log(`Busiest active agreement ${busiest.reference}: ${busiest.consortium.members.map((m) => m.organisation.users.map((u) => u.subject).join(", ")).join("; ")}`);
}

main().catch((error: Error) => {
  const usage = error instanceof SeedRefused || String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
  console.error(usage ? `${error.message}\nUsage: npm run seed:scale -- --households N [--reset] [--check]` : `seed:scale failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
