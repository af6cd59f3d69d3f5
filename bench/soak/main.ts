import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { signDevelopmentToken } from "../../src/auth/token-verifier";
import { todayInBrussels } from "../../src/shared/calendar";
import { ArrivalQueue, removeBenchHouseholds } from "../arrivals";
import { pickOperands } from "../picks";
import { describeSetting } from "../report";
import { type ServerProcess, startThuis } from "../servers";
import { MIX, type SoakRequest, SoakWork, operationAt } from "./mix";
import { type Outcome, answerError, errorsByKind, latencies, memoryTrend, serverFailures, soakVerdict } from "./stats";

/**
 * `npm run soak`: thuis (built, production mode) on the database of DATABASE_URL, under a mixed
 * load sent at a fixed rate whatever the answers' pace, for a number of minutes. Every window it
 * prints the requests, errors, latencies and the server's memory; at the end a summary and a
 * verdict: no 5xx, no request unanswered, memory flat. Exits 1 when the verdict fails.
 */
interface Options {
  rate: number;
  minutes: number;
  every: number;
}

const say = (line: string) => console.log(line);
const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));
const mb = (kb: number | null) => (kb === null ? "-" : (kb / 1024).toFixed(0));
/** Requests in flight beyond this many seconds' worth are not sent: the server has fallen behind. */
const BACKLOG_SECONDS = 10;
const TIMEOUT_MS = 60_000;

function options(): Options {
  const { values } = parseArgs({
    options: { rate: { type: "string", default: "20" }, minutes: { type: "string", default: "10" }, every: { type: "string", default: "30" } },
  });
  const positive = (name: string, value: string) => {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
    return number;
  };
  return { rate: positive("rate", values.rate), minutes: positive("minutes", values.minutes), every: positive("every", values.every) };
}

/** Sends one request and says how it went. */
async function send(url: string, token: string, request: SoakRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: request.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.json().catch(() => null);
    const error = body ? answerError(response.status, body) : "not JSON";
    request.settle?.(error === null ? body.data : null);
    return { operation: request.operation, ms: performance.now() - started, status: response.status, error };
  } catch (error) {
    request.settle?.(null);
    const { name, cause } = error as Error & { cause?: { code?: string } };
    return { operation: request.operation, ms: performance.now() - started, status: 0, error: `transport:${cause?.code ?? name}` };
  }
}

function windowLine(seconds: number, outcomes: readonly Outcome[], windowSeconds: number, rssKb: number | null): string {
  const { p50, p95, p99 } = latencies(outcomes);
  const errors = [...errorsByKind(outcomes)].map(([kind, count]) => `${kind}: ${count}`).join(", ");
  const load = loadavg().map((value) => value.toFixed(1)).join(" ");
  return [
    `${String(Math.round(seconds)).padStart(5)} s`,
    `${String(outcomes.length).padStart(5)} answers (${(outcomes.length / windowSeconds).toFixed(1)}/s)`,
    `p50 ${ms(p50)} p95 ${ms(p95)} p99 ${ms(p99)} ms`,
    `errors ${outcomes.filter((o) => o.error !== null).length}`,
    `RSS ${mb(rssKb)} MB`,
    `load ${load}`,
    ...(errors ? [`[${errors}]`] : []),
  ].join("  ");
}

function summary(outcomes: readonly Outcome[]): string {
  const rows = MIX.map(([operation]) => {
    const mine = outcomes.filter((o) => o.operation === operation);
    const { p50, p95, p99 } = latencies(mine);
    const errors = mine.filter((o) => o.error !== null).length;
    return `  ${operation}  ${String(mine.length).padStart(7)}  ${String(errors).padStart(6)}  ${ms(p50).padStart(8)}  ${ms(p95).padStart(8)}  ${ms(p99).padStart(8)}`;
  });
  return ["  op  requests  errors   p50 ms    p95 ms    p99 ms", ...rows].join("\n");
}

/** Sends the mix at the rate until the time is up, reporting every window; answers every request sent. */
async function drive(opts: Options, thuis: ServerProcess, work: SoakWork, tokens: Map<string, string>): Promise<{ outcomes: Outcome[]; rssKb: number[]; loads: number[] }> {
  const outcomes: Outcome[] = [];
  const rssKb: number[] = [];
  const loads: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const end = started + opts.minutes * 60_000;
  let windowStart = 0;
  const sampler = setInterval(() => {
    const rss = thuis.rssKb();
    if (rss !== null) rssKb.push(rss);
    loads.push(loadavg()[0]);
  }, 1000);
  const reporter = setInterval(() => {
    const window = outcomes.slice(windowStart);
    windowStart = outcomes.length;
    say(windowLine((performance.now() - started) / 1000, window, opts.every, thuis.rssKb()));
  }, opts.every * 1000);
  try {
    for (let i = 0; ; i++) {
      const due = started + (i * 1000) / opts.rate;
      if (due >= end) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const operation = operationAt(Math.random());
      const request = work.next(operation);
      if (!request || inFlight.size >= opts.rate * BACKLOG_SECONDS) {
        outcomes.push({ operation, ms: 0, status: 0, error: request ? "not sent: the server fell behind" : "not sent: no PLANNED household left" });
        continue;
      }
      const sending: Promise<void> = send(thuis.url, tokens.get(request.subject)!, request).then((outcome) => {
        outcomes.push(outcome);
        inFlight.delete(sending);
      });
      inFlight.add(sending);
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(sampler);
    clearInterval(reporter);
  }
  return { outcomes, rssKb, loads };
}

async function main(): Promise<void> {
  const opts = options();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must point to a seeded PostgreSQL database (npm run seed:scale -- --households N).");
  const admin = new Pool({ connectionString: databaseUrl, max: 3 });
  let thuis: ServerProcess | undefined;
  try {
    await removeBenchHouseholds(admin);
    const today = todayInBrussels();
    const picks = await pickOperands(admin, today);
    const jwtSecret = randomBytes(32).toString("hex");
    say(await describeSetting(admin));
    thuis = await startThuis(databaseUrl, jwtSecret);
    const { rows: [actor] } = await admin.query(`SELECT organisation_id AS "organisationKey" FROM app_user WHERE subject = $1`, [picks.arrivals.subject]);
    // Enough PLANNED households for a minute of arrivals, topped up as they are used.
    const reserve = Math.ceil(opts.rate * 60 * 0.3) + 50;
    const arrivals = new ArrivalQueue(admin, picks.arrivals.agreementKey, today, `soak${Date.now().toString(36)}`);
    await arrivals.fill(reserve);
    const work = new SoakWork(picks, arrivals, admin, actor.organisationKey, reserve);
    const subjects = [picks.fedasilSubject, picks.myWork.subject, picks.evaluatorSubject, picks.arrivals.subject];
    const tokens = new Map(await Promise.all(subjects.map(async (s) => [s, await signDevelopmentToken({ jwtSecret }, s, "24h")] as const)));

    const shares = MIX.map(([operation, share]) => `${operation} ${Math.round(share * 100)}%`).join(", ");
    say(`\nSoak: ${opts.minutes} min at ${opts.rate} req/s (${shares}); thuis pid ${thuis.pid}, a window every ${opts.every} s.\n`);
    const { outcomes, rssKb, loads } = await drive(opts, thuis, work, tokens);
    await work.settled();

    const memory = memoryTrend(rssKb);
    const verdict = soakVerdict(outcomes, memory);
    say(`\n${outcomes.length} requests, ${outcomes.filter((o) => o.error !== null).length} errors, ${serverFailures(outcomes)} 5xx or unanswered.`);
    say(summary(outcomes));
    for (const [kind, count] of errorsByKind(outcomes)) say(`  ${kind}: ${count}`);
    say(`RSS: ${mb(rssKb[0] ?? null)} MB at start, peak ${mb(thuis.peakRssKb())} MB; ` +
      (memory ? `mean ${mb(memory.secondQuarterKb)} MB in the second quarter, ${mb(memory.lastQuarterKb)} MB in the last (${(memory.growth * 100).toFixed(1)}%).` : "too few samples to judge the trend."));
    say(`Machine load (1-min average) during the run: mean ${(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)).toFixed(1)}, max ${Math.max(0, ...loads).toFixed(1)}.`);
    say(verdict.passed ? `VERDICT: PASS${memory ? "" : " (memory not judged: run longer)"}` : `VERDICT: FAIL: ${verdict.reasons.join("; ")}`);
    if (!verdict.passed) process.exitCode = 1;
  } finally {
    await thuis?.stop();
    const removed = await removeBenchHouseholds(admin).catch(() => 0);
    if (removed > 0) console.error(`Removed the ${removed} households the soak made.`);
    await admin.end();
  }
}

main().catch((error: Error) => {
  console.error(`Soak failed: ${error.message}`);
  process.exitCode = 1;
});
