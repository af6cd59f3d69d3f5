import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/** One timed run: requests answered per second and the latency of each, in milliseconds. */
export interface Measurement {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx. */
  non2xx: number;
  /** Answers with a GraphQL `errors` array or user errors (or a failed statement), plus connection errors and timeouts. */
  errors: number;
  /** What the first failed in-process job threw, to tell why. */
  firstError?: string;
}

/** How to load an HTTP server: a fixed body, or a new one per request (null when none is left). */
export interface HttpLoad {
  url: string;
  headers: Record<string, string>;
  body: string | (() => string | null);
  /** Whether an answer of status 200 is a right one. */
  verify(body: string): boolean;
}

/** A GraphQL answer without errors, and for a mutation without user errors. */
export const answerIsClean = (body: string): boolean => !body.includes('"errors"') && !body.includes('"userErrors":[{');

/** The latency at a quantile (0..1) of the sorted latencies. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of each figure over repeated timed runs of one target; failures of every run add up. */
export function medianOfRounds(rounds: readonly Measurement[]): Measurement {
  const median = (figure: (m: Measurement) => number) => {
    const sorted = rounds.map(figure).sort((x, y) => x - y);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const total = (figure: (m: Measurement) => number) => rounds.reduce((sum, m) => sum + figure(m), 0);
  return {
    requests: total((m) => m.requests),
    reqPerSec: median((m) => m.reqPerSec),
    p50: median((m) => m.p50),
    p99: median((m) => m.p99),
    non2xx: total((m) => m.non2xx),
    errors: total((m) => m.errors),
    firstError: rounds.find((m) => m.firstError)?.firstError,
  };
}

function measurement(latencies: number[], seconds: number, non2xx: number, errors: number): Measurement {
  latencies.sort((x, y) => x - y);
  return { requests: latencies.length, reqPerSec: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), non2xx, errors };
}

/** autocannon at a fixed number of connections, each sending its next request as soon as the last is answered. */
export async function loadHttp(load: HttpLoad, connections: number, seconds: number): Promise<Measurement> {
  const { body } = load;
  const request = typeof body === "string"
    ? { body }
    : {
        setupRequest: (req: { body?: string }) => {
          // Out of bodies: repeat the last, whose answer (a user error) counts as an error.
          req.body = body() ?? req.body;
          return req;
        },
      };
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon({
    url: `${load.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", ...load.headers },
    connections,
    duration: seconds,
    // A slow answer is measured, not cut off at autocannon's 10 s and counted as an error.
    timeout: 120,
    requests: [request],
    verifyBody: load.verify,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  return measurement(latencies, (performance.now() - started) / 1000, result.non2xx, result.mismatches + result.errors);
}

/** The same for work done in-process: `connections` loops, each starting its next job when the last ends. */
export async function loadJobs(job: () => Promise<boolean>, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const begun = performance.now();
      const right = await job().catch((error: Error) => {
        firstError ??= error.message;
        return false;
      });
      latencies.push(performance.now() - begun);
      if (!right) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { ...measurement(latencies, (performance.now() - started) / 1000, 0, errors), firstError };
}
