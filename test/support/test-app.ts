import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { type App, createApp, openDatabase } from "../../src/app";
import { signDevelopmentToken } from "../../src/auth/token-verifier";
import { loadConfig, type Config } from "../../src/config/config";
import type { DestinationStream } from "pino";
import { createLogger } from "../../src/http/logging";
import { pgliteTemplate } from "./pglite-template";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export interface TestApp {
  app: App;
  url: string;
  config: Config;
  /** Sends one GraphQL operation over HTTP as the user with this token subject (none: anonymous). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, subject?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  tokenFor(subject: string): Promise<string>;
  /**
   * Signs `subject` in and waits until the server heard of every change before: the next request
   * as `subject` costs the same statements whether or not it came first (on PostgreSQL each
   * server keeps its viewers; the embedded database looks them up every time).
   */
  signedIn(subject: string): Promise<void>;
  /** Makes the server look every viewer up again, as any change to users would (once it heard of it). */
  forgetViewers(): Promise<void>;
  /** One operation that must succeed, with the SQL statements it cost once signed in (requests run one after another). */
  measure<T = any>(query: string, variables: Record<string, unknown>, subject: string): Promise<{ statements: number; data: T }>;
  close(): Promise<void>;
}

/**
 * An answer without its `extensions.cost`, which tells the organisation's remaining budget: for
 * comparing two answers that should say the same thing, sent at different moments or by different organisations.
 */
export function withoutCost({ extensions, ...answer }: GraphQLResponse): GraphQLResponse {
  const { cost: _cost, ...rest } = extensions ?? {};
  return Object.keys(rest).length ? { ...answer, extensions: rest } : answer;
}

/**
 * Tests fire requests far faster than any client, so by default a bucket refills at once; the
 * tests of the budget itself set COST_RESTORE_RATE.
 */
const TEST_RESTORE_RATE = "1000000000";

/**
 * A whole server for one test file on its own database: an in-memory PGlite, or a new database
 * on the PostgreSQL of TEST_DATABASE_URL, created here and dropped on close. `route` says how
 * the server reaches that database (fault tests put a proxy in between).
 */
export async function startTestApp(env: Record<string, string> = {}, logDestination?: DestinationStream, route = (url: string) => url): Promise<TestApp> {
  const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const config: Config = {
    ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", COST_RESTORE_RATE: TEST_RESTORE_RATE, ...env, ...(scratch ? { DATABASE_URL: route(scratch.url) } : {}) }),
    ...(scratch ? {} : { pgliteDataDir: undefined }),
  };
  const logger = createLogger(config.logLevel, logDestination);
  const db = await openDatabase(config, logger, scratch ? undefined : pgliteTemplate());
  await db.migrate();
  const app = await createApp(config, db, logger);
  const url = await app.listen(0);
  const tokens = new Map<string, string>();
  const tokenFor = async (subject: string) => {
    if (!tokens.has(subject)) tokens.set(subject, await signDevelopmentToken(config.auth, subject));
    return tokens.get(subject)!;
  };
  const testApp: TestApp = {
    app,
    url,
    config,
    tokenFor,
    async signedIn(subject) {
      await app.viewerChangesHeard();
      expect((await testApp.gql("{ __typename }", {}, subject)).status).toBe(200);
    },
    async forgetViewers() {
      // A statement on users that changes no row still fires the trigger that tells every server.
      await app.db.manager.query(`UPDATE app_user SET role = role WHERE false`);
      await app.viewerChangesHeard();
    },
    async measure(query, variables, subject) {
      await testApp.signedIn(subject);
      const before = app.db.statements.total;
      const res = await testApp.gql(query, variables, subject);
      expect(res.errors).toBeUndefined();
      return { statements: app.db.statements.total - before, data: res.data };
    },
    async gql(query, variables, subject, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(subject ? { authorization: `Bearer ${await tokenFor(subject)}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, "status">;
      return { status: response.status, ...body };
    },
    async close() {
      await app.close();
      await new Promise((resolve) => app.httpServer.close(resolve));
      if (scratch) await scratch.drop();
    },
  };
  return testApp;
}

export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `thuis_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
