import { Pool } from "pg";
import { type System, difference, digest } from "./answers";
import type { OperationName } from "./operations";
import { type ServerProcess, startPostGraphile, startThuis } from "./servers";
import { StatementProxy } from "./statement-proxy";
import { type Backends, type Target, targetsOf } from "./targets";

/** Requests per target in the statement count. */
const COUNTED_REQUESTS = 20;
/** Arrivals per system in the check of (e): four households, one of each make-up (1 to 4 persons). */
const CHECKED_ARRIVALS = 4;

/**
 * Asks each system once (four times for (e)) and compares its answer with thuis's. Returns the
 * targets that failed, with why; a different answer is reported but not a failure.
 */
export async function checkAnswers(operation: OperationName, targets: readonly Target[], today: string, say: (line: string) => void): Promise<Map<System, string>> {
  const failed = new Map<System, string>();
  const digests = new Map<System, unknown>();
  for (const target of targets) {
    try {
      const times = operation === "e" ? CHECKED_ARRIVALS : 1;
      const answers = [];
      for (let i = 0; i < times; i++) answers.push(digest(operation, target.system, await target.once(), today));
      digests.set(target.system, operation === "e" ? answers.map((a) => JSON.stringify(a)).sort() : answers[0]);
    } catch (error) {
      failed.set(target.system, (error as Error).message);
      say(`  (${operation}) ${target.system} failed: ${(error as Error).message}`);
    }
  }
  const reference = digests.get("thuis");
  for (const [system, answer] of digests) {
    if (system === "thuis" || reference === undefined) continue;
    const differs = difference(reference, answer);
    say(differs ? `  (${operation}) ${system} answers differently from thuis: ${differs}` : `  (${operation}) ${system}: same data as thuis`);
  }
  return failed;
}

/** The proxy's address as a connection string for the same database. */
function throughProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  const user = url.username ? `${url.username}${url.password ? `:${url.password}` : ""}@` : "";
  return `postgresql://${user}127.0.0.1:${port}${url.pathname}${url.search}`;
}

/**
 * SQL statements per request, for each target: a second thuis (and PostGraphile) and a pool of
 * one connection reach the database through the counting proxy; the targets' requests run one
 * after another and the statements sent meanwhile are divided by their number.
 */
export async function countStatements(operations: readonly OperationName[], backends: Backends, databaseUrl: string): Promise<Map<string, number>> {
  const target = new URL(databaseUrl);
  const proxy = await StatementProxy.start({ host: target.hostname || "127.0.0.1", port: Number(target.port || 5432) });
  const url = throughProxy(databaseUrl, proxy.port);
  const pool = new Pool({ connectionString: url, max: 1 });
  const counts = new Map<string, number>();
  const servers: ServerProcess[] = [];
  try {
    const thuis = await startThuis(url, backends.jwtSecret);
    servers.push(thuis);
    const postGraphile = backends.postGraphileUrl ? await startPostGraphile(url) : undefined;
    if (postGraphile) servers.push(postGraphile);
    const counted: Backends = { ...backends, thuisUrl: thuis.url, postGraphileUrl: postGraphile?.url, pool };
    for (const operation of operations) {
      if (operation === "e") await backends.arrivals!.fill(2 * (COUNTED_REQUESTS + 1));
      for (const each of await targetsOf(operation, counted)) {
        try {
          await each.once(); // a first request may cost once-only work (a statement prepared, a cache filled)
          const before = proxy.statements;
          for (let i = 0; i < COUNTED_REQUESTS; i++) await each.once();
          counts.set(`${operation}/${each.system}`, (proxy.statements - before) / COUNTED_REQUESTS);
        } catch {
          // A target that fails has said so in the check of the answers: it gets no count.
        }
      }
    }
  } finally {
    await Promise.all([...servers.map((server) => server.stop()), pool.end()]);
    await proxy.stop();
  }
  return counts;
}
