import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { todayInBrussels } from "../src/shared/calendar";
import { ArrivalQueue, removeBenchHouseholds } from "./arrivals";
import { checkAnswers, countStatements } from "./checks";
import { medianOfRounds } from "./load";
import { OPERATION_NAMES, type OperationName } from "./operations";
import { pickOperands } from "./picks";
import { quarterCursor } from "./postgraphile-operations";
import { type Row, describeSetting, ratioTable, resultsTable } from "./report";
import { type ServerProcess, installPostGraphile, startPostGraphile, startThuis } from "./servers";
import { type Backends, type Target, targetsOf } from "./targets";

/**
 * `npm run bench`: thuis, PostGraphile 5 and the raw-SQL floor side by side on the database of
 * DATABASE_URL (seeded with `npm run seed:scale`). For each reference operation: check the
 * answers once, count the SQL statements a request costs, then time each system at a fixed
 * concurrency after a warm-up. Prints the table and the ratios; writes nothing else.
 */
interface Options {
  connections: number;
  seconds: number;
  warmup: number;
  /** Timed runs per system and operation, the systems taking turns; each figure is their median. */
  rounds: number;
  operations: OperationName[];
}

const say = (line: string) => console.error(line);

function options(): Options {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "1" },
      operations: { type: "string", default: OPERATION_NAMES.join(",") },
    },
  });
  const whole = (name: string, value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
    return Number(value);
  };
  const operations = values.operations.split(",").map((name) => name.trim());
  const unknown = operations.filter((name) => !OPERATION_NAMES.includes(name as OperationName));
  if (unknown.length > 0) throw new Error(`--operations takes ${OPERATION_NAMES.join(",")}; not ${unknown.join(",")}`);
  return { connections: whole("connections", values.connections), seconds: whole("duration", values.duration), warmup: whole("warmup", values.warmup), rounds: whole("rounds", values.rounds), operations: operations as OperationName[] };
}

/** Warm-up, then the timed run with the server's peak memory over it. */
async function time(target: Target, server: ServerProcess | undefined, opts: Options, arrivals?: ArrivalQueue): Promise<Omit<Row, "statementsPerRequest">> {
  if (arrivals) await arrivals.fill(opts.connections * opts.warmup * 100);
  const warm = await target.load(opts.connections, opts.warmup);
  // Enough PLANNED households for three times the warm-up's pace: the timed run can be much
  // faster than a warm-up still planning its statements (raw (e) once ran out at 1.5 times).
  if (arrivals) await arrivals.fill(Math.ceil(warm.reqPerSec * opts.seconds * 3) + 500);
  server?.resetPeakRss();
  const measurement = await target.load(opts.connections, opts.seconds);
  return { operation: target.operation, system: target.system, measurement, peakRssKb: server?.peakRssKb() ?? null };
}

type Timed = Omit<Row, "statementsPerRequest">;

/** Each target timed `opts.rounds` times, per target in the order given. The targets take turns, each round starting with the next one: the machine drifts over a run. */
async function timeInTurns(targets: readonly Target[], opts: Options, serverOf: (target: Target) => ServerProcess | undefined, arrivals?: ArrivalQueue): Promise<Timed[][]> {
  const timed = targets.map((): Timed[] => []);
  for (let round = 0; round < opts.rounds; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const which = (turn + round) % targets.length;
      const target = targets[which];
      say(`Timing (${target.operation}) on ${target.system}${opts.rounds > 1 ? `, round ${round + 1} of ${opts.rounds}` : ""}: ${opts.warmup} s warm-up, ${opts.seconds} s at ${opts.connections} connections...`);
      const run = await time(target, serverOf(target), opts, arrivals);
      timed[which].push(run);
      const m = run.measurement;
      say(`  ${m.reqPerSec.toFixed(1)} req/s, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms`);
      if (m.firstError) say(`  ${m.errors} failed, the first with: ${m.firstError}`);
    }
  }
  return timed;
}

/** A target's row: each figure the median of its rounds, the peak memory the highest. */
function medianRow(rounds: readonly Timed[], statementsPerRequest: number | null): Row {
  const peaks = rounds.map((round) => round.peakRssKb).filter((kb): kb is number => kb !== null);
  return {
    operation: rounds[0].operation,
    system: rounds[0].system,
    measurement: medianOfRounds(rounds.map((round) => round.measurement)),
    peakRssKb: peaks.length > 0 ? Math.max(...peaks) : null,
    statementsPerRequest,
  };
}

async function main(): Promise<void> {
  const opts = options();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must point to a seeded PostgreSQL database (npm run seed:scale -- --households N).");
  const admin = new Pool({ connectionString: databaseUrl, max: 2 });
  const pool = new Pool({ connectionString: databaseUrl, max: opts.connections });
  const servers: ServerProcess[] = [];
  try {
    const wantsPeer = opts.operations.some((name) => "abc".includes(name));
    if (wantsPeer) installPostGraphile();
    await removeBenchHouseholds(admin);
    const setting = await describeSetting(admin);
    const today = todayInBrussels();
    const picks = await pickOperands(admin, today);
    const jwtSecret = randomBytes(32).toString("hex");
    say("Starting thuis (production) and PostGraphile 5...");
    const thuis = await startThuis(databaseUrl, jwtSecret);
    servers.push(thuis);
    const postGraphile = wantsPeer ? await startPostGraphile(databaseUrl) : undefined;
    if (postGraphile) servers.push(postGraphile);
    const { rows: [actor] } = await admin.query(`SELECT id AS "userKey", organisation_id AS "organisationKey" FROM app_user WHERE subject = $1`, [picks.arrivals.subject]);
    const arrivals = opts.operations.includes("e") ? new ArrivalQueue(admin, picks.arrivals.agreementKey, today, Date.now().toString(36)) : undefined;
    const postGraphileCursor = postGraphile && opts.operations.includes("c") ? await quarterCursor(postGraphile.url, picks) : null;
    const backends: Backends = { picks, thuisUrl: thuis.url, jwtSecret, postGraphileUrl: postGraphile?.url, postGraphileCursor, pool, arrivals, actor };

    say("Checking the answers...");
    const failed = new Map<string, string>();
    if (arrivals) await arrivals.fill(20);
    for (const operation of opts.operations) {
      for (const [system, why] of await checkAnswers(operation, await targetsOf(operation, backends), today, say)) failed.set(`${operation}/${system}`, why);
    }
    say("Counting SQL statements per request (20 requests each, through a counting proxy)...");
    const statements = await countStatements(opts.operations, backends, databaseUrl);

    const serverOf = (target: Target) => (target.system === "thuis" ? thuis : target.system === "postgraphile" ? postGraphile : undefined);
    const rows: Row[] = [];
    for (const operation of opts.operations) {
      const targets = (await targetsOf(operation, backends)).filter((target) => !failed.has(`${operation}/${target.system}`));
      const timed = await timeInTurns(targets, opts, serverOf, operation === "e" ? arrivals : undefined);
      for (const rounds of timed) rows.push(medianRow(rounds, statements.get(`${operation}/${rounds[0].system}`) ?? null));
    }

    console.log(`\n${setting}`);
    const rounds = opts.rounds > 1 ? `; each figure the median of ${opts.rounds} rounds, the systems taking turns` : "";
    console.log(`Load: autocannon, ${opts.connections} connections, ${opts.seconds} s per run after ${opts.warmup} s of warm-up; raw SQL: ${opts.connections} loops on a pg.Pool of ${opts.connections}${rounds}.\n`);
    console.log(resultsTable(rows));
    console.log(`\n${ratioTable(rows, opts.operations)}`);
    for (const [which, why] of failed) console.log(`\nNot timed: ${which}: ${why}`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    const removed = await removeBenchHouseholds(admin).catch(() => 0);
    if (removed > 0) say(`Removed the ${removed} households the benchmark made.`);
    await Promise.all([admin.end(), pool.end()]);
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exitCode = 1;
});
