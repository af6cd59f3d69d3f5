import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../bench/servers";
import { openDatabase } from "../../src/app";
import { signDevelopmentToken } from "../../src/auth/token-verifier";
import { loadConfig } from "../../src/config/config";
import { createScratchDatabase } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";

const ROOT = join(__dirname, "..", "..");
const SECRET = "s".repeat(40);
const QUERY = JSON.stringify({ query: "{ households(first: 5) { totalCount } }" });

jest.setTimeout(240_000);

/** A migrated database with the fixture world that another process can open: a new PostgreSQL database, or a PGlite folder. */
async function preparedDatabase(): Promise<{ env: Record<string, string>; remove: () => Promise<void> }> {
  const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const folder = scratch ? undefined : mkdtempSync(join(tmpdir(), "thuis-sigterm-"));
  const env: Record<string, string> = scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DATA_DIR: join(folder!, "db") };
  const db = await openDatabase(loadConfig({ NODE_ENV: "test", ...env }));
  try {
    await db.migrate();
    await seedWorld(db);
  } finally {
    await db.close();
  }
  return { env, remove: async () => (scratch ? scratch.drop() : rmSync(folder!, { recursive: true, force: true })) };
}

/** thuis from its sources, as `npm start` runs it in production. */
function startServer(env: Record<string, string>, port: number): { child: ChildProcess; output: () => string; exited: Promise<number | string> } {
  const child = spawn(process.execPath, ["-r", "./test/support/register-ts.js", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", AUTH_JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: "warn", SEED_DEMO_DATA: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal!)));
  return { child, output: () => output, exited };
}

/**
 * A request whose headers arrive (with `Expect: 100-continue`) but whose body waits until
 * `finish`: the server answers 100 Continue in the same tick in which it takes the request on,
 * so once `continued` resolves the request is in flight.
 */
function heldRequest(url: string, token: string, body: string) {
  const request = http.request(`${url}/graphql`, {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}`, expect: "100-continue" },
  });
  const continued = new Promise<void>((resolve, reject) => request.once("continue", resolve).once("error", reject));
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.once("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    request.once("error", reject);
  });
  request.flushHeaders();
  return { continued, finish: () => (request.end(body), answered) };
}

/** What a new connection gets for /healthz: the status, or the connection's error code. */
const newConnection = (url: string): Promise<number | string> =>
  new Promise((resolve) => {
    http
      .get(`${url}/healthz`, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      })
      .on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, output: () => string): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen; the server said:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("SIGTERM", () => {
  let database: Awaited<ReturnType<typeof preparedDatabase>>;
  let server: ReturnType<typeof startServer> | undefined;

  beforeAll(async () => {
    database = await preparedDatabase();
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    await server?.exited;
    await database.remove();
  });

  it("lets the request in flight finish, refuses new ones and exits 0", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = startServer(database.env, port);
    const { output, exited } = server;
    let gone = false;
    void exited.then(() => (gone = true));
    await until(() => newConnection(url), (answer) => answer === 200 || gone, "readiness", output);
    expect(gone).toBe(false);

    const inFlight = heldRequest(url, await signDevelopmentToken({ jwtSecret: SECRET }, USERS.fedasilStaff), QUERY);
    await inFlight.continued;
    server.child.kill("SIGTERM");

    // New connections are refused once it stops listening. Just before, a request that gets in is answered 503,
    // and a connection accepted without a request yet is closed (ECONNRESET).
    const refused = await until(() => newConnection(url), (answer) => answer !== 200, "refusing new requests", output);
    expect(["ECONNREFUSED", "ECONNRESET", 503]).toContain(refused);

    // The request taken on before the signal still reads the database and is answered in full.
    const answer = await inFlight.finish();
    expect([answer.status, answer.body.errors, answer.body.data]).toEqual([200, undefined, { households: { totalCount: 2 } }]);
    expect(await exited).toBe(0);
    expect(output()).not.toMatch(/"level":(50|60)/);
  });
});
