import type { Pool } from "pg";
import { signDevelopmentToken } from "../src/auth/token-verifier";
import type { System } from "./answers";
import type { ArrivalQueue } from "./arrivals";
import { type HttpLoad, type Measurement, answerIsClean, loadHttp, loadJobs } from "./load";
import { OPERATIONS, type OperationName, type Picks, type ThuisRequest, arrivalRequest, thuisRequest } from "./operations";
import { postGraphileRequest } from "./postgraphile-operations";
import { RAW_OPERATIONS, type RawArrival } from "./raw-sql";

/** One operation on one system: a single request (to check its answer, to count statements) and a timed load. */
export interface Target {
  operation: OperationName;
  system: System;
  /** The answer's data; throws on an error. */
  once(): Promise<any>;
  load(connections: number, seconds: number): Promise<Measurement>;
}

/** What the targets run against. */
export interface Backends {
  picks: Picks;
  thuisUrl: string;
  /** Signs tokens for the thuis the targets talk to. */
  jwtSecret: string;
  postGraphileUrl?: string;
  /** (c) on PostGraphile: the cursor where the quarter's lines begin (see quarterCursor). */
  postGraphileCursor?: string | null;
  pool: Pool;
  arrivals?: ArrivalQueue;
  /** The user (and organisation) the raw registerArrival acts as. */
  actor?: { userKey: string; organisationKey: string };
}

async function postJson(url: string, headers: Record<string, string>, body: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  if (!response.ok || !answerIsClean(text)) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text).data;
}

function httpTarget(operation: OperationName, system: System, url: string, headers: Record<string, string>, body: () => string | null, fixed: boolean): Target {
  const next = () => {
    const text = body();
    if (text === null) throw new Error("no PLANNED household left for registerArrival");
    return text;
  };
  const load: Omit<HttpLoad, "body"> = { url, headers, verify: answerIsClean };
  return {
    operation,
    system,
    once: () => postJson(url, headers, next()),
    load: (connections, seconds) => loadHttp({ ...load, body: fixed ? next() : body }, connections, seconds),
  };
}

async function thuisTarget(operation: OperationName, b: Backends): Promise<Target> {
  const request = (): ThuisRequest | null => {
    if (operation !== "e") return thuisRequest(operation, b.picks);
    const household = b.arrivals!.take();
    return household ? arrivalRequest(b.picks, household) : null;
  };
  const subject = operation === "e" ? b.picks.arrivals.subject : thuisRequest(operation, b.picks).subject;
  const headers = { authorization: `Bearer ${await signDevelopmentToken({ jwtSecret: b.jwtSecret }, subject, "12h")}` };
  const body = () => {
    const next = request();
    return next && JSON.stringify({ query: OPERATIONS[operation].document, variables: next.variables });
  };
  return httpTarget(operation, "thuis", b.thuisUrl, headers, body, operation !== "e");
}

function rawTarget(operation: OperationName, b: Backends): Target {
  const raw = RAW_OPERATIONS[operation];
  const run = async (): Promise<any> => {
    let arrival: RawArrival | undefined;
    if (operation === "e") {
      const householdKey = b.arrivals!.take();
      if (!householdKey) throw new Error("no PLANNED household left for registerArrival");
      arrival = { householdKey, ...b.actor! };
    }
    const { rows } = await b.pool.query(raw.sql, raw.params(b.picks, arrival));
    if (rows[0]?.answer == null) throw new Error(`the raw statement of (${operation}) answered nothing`);
    return rows[0].answer;
  };
  return { operation, system: "raw", once: run, load: (connections, seconds) => loadJobs(async () => (await run()) != null, connections, seconds) };
}

/** The targets of the operation: thuis, PostGraphile for (a) to (c) when it runs, and the raw SQL. */
export async function targetsOf(operation: OperationName, b: Backends): Promise<Target[]> {
  const targets = [await thuisTarget(operation, b)];
  if (b.postGraphileUrl && (operation === "a" || operation === "b" || operation === "c")) {
    const body = JSON.stringify(postGraphileRequest(operation, b.picks, b.postGraphileCursor ?? null));
    targets.push(httpTarget(operation, "postgraphile", b.postGraphileUrl, {}, () => body, true));
  }
  targets.push(rawTarget(operation, b));
  return targets;
}
