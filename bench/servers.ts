import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** The repository's root (this file runs as dist/bench/servers.js). */
export const ROOT = join(__dirname, "..", "..");
const POSTGRAPHILE_DIR = join(ROOT, "bench", "postgraphile");
const POSTGRAPHILE_CLI = join(POSTGRAPHILE_DIR, "node_modules", "postgraphile", "dist", "cli-run.js");

/** A server the benchmark started, on 127.0.0.1. */
export class ServerProcess {
  private output = "";

  constructor(readonly name: string, private readonly child: ChildProcess, readonly url: string) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What it printed last, to explain a failure. */
  get lastOutput(): string {
    return this.output;
  }

  /** The peak resident set size (VmHWM) in kB since start or the last reset. */
  peakRssKb(): number | null {
    const status = readProcStatus(this.pid);
    const match = status && /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : null;
  }

  /** The resident set size (VmRSS) in kB now. */
  rssKb(): number | null {
    const status = readProcStatus(this.pid);
    const match = status && /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) : null;
  }

  /** Starts a new peak (Linux: writing 5 to clear_refs); false where that is not possible. */
  resetPeakRss(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, "5");
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Polls until `ready` answers true; fails early when the process exits. */
  async waitUntil(ready: () => Promise<boolean>, seconds = 60): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.output}`);
      if (await ready().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} was not ready within ${seconds} s:\n${this.output}`);
  }
}

function readProcStatus(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Only what a server needs from the environment: nothing of the runner's own settings leaks in. */
function baseEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, LANG, TZ } = process.env;
  return Object.fromEntries(Object.entries({ PATH, HOME, LANG, TZ }).filter(([, value]) => value !== undefined));
}

/** The Node flags `npm start` runs thuis with (package.json config.nodeFlags). */
function thuisNodeFlags(): string[] {
  const { config } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { config: { nodeFlags: string } };
  return config.nodeFlags.split(/\s+/).filter(Boolean);
}

/** thuis as built and as `npm start` runs it (`node <flags> dist/src/main.js`), in production mode; ready when /readyz answers 200. */
export async function startThuis(databaseUrl: string, jwtSecret: string): Promise<ServerProcess> {
  const port = await freePort();
  // The load comes from a few organisations far faster than any would: measure serving, not throttling.
  const env = { ...baseEnv(), NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: jwtSecret, PORT: String(port), LOG_LEVEL: "warn", SEED_DEMO_DATA: "false", COST_RESTORE_RATE: "1000000000" };
  const child = spawn(process.execPath, [...thuisNodeFlags(), join(ROOT, "dist", "src", "main.js")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const server = new ServerProcess("thuis", child, `http://127.0.0.1:${port}`);
  await server.waitUntil(async () => (await fetch(`${server.url}/readyz`)).ok);
  return server;
}

/** Installs PostGraphile in bench/postgraphile from its lock file, once. */
export function installPostGraphile(): void {
  if (existsSync(POSTGRAPHILE_CLI)) return;
  console.log("Installing PostGraphile 5 (npm ci --prefix bench/postgraphile)...");
  const result = spawnSync("npm", ["ci", "--prefix", POSTGRAPHILE_DIR, "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0 || !existsSync(POSTGRAPHILE_CLI)) throw new Error("npm ci --prefix bench/postgraphile failed");
}

/** PostGraphile 5 with the amber preset on the public schema, on thuis's own Node; ready when it answers a query. */
export async function startPostGraphile(databaseUrl: string): Promise<ServerProcess> {
  installPostGraphile();
  const port = await freePort();
  const args = [POSTGRAPHILE_CLI, "-P", "postgraphile/presets/amber", "-c", databaseUrl, "-s", "public", "-p", String(port), "-n", "127.0.0.1"];
  const env = { ...baseEnv(), NODE_ENV: "production", GRAPHILE_ENV: "production" };
  const child = spawn(process.execPath, args, { cwd: POSTGRAPHILE_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  const server = new ServerProcess("PostGraphile", child, `http://127.0.0.1:${port}`);
  await server.waitUntil(async () => {
    const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{__typename}"}' });
    return response.ok;
  });
  return server;
}
