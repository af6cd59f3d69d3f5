import { bool, cleanEnv, makeValidator, port, str, url } from "envalid";
import type { BucketSettings } from "../graphql/cost-budget";

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  nodeEnv: "development" | "test" | "production";
  port: number;
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl?: string;
  /** Folder of the embedded database; unset means in memory (tests). */
  pgliteDataDir?: string;
  databasePoolSize: number;
  redisUrl?: string;
  auth: {
    jwtSecret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
  };
  seedDemoData: boolean;
  logLevel: string;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    maxBodyBytes: string;
  };
  /** Each organisation's budget of query cost (in Redis with `redisUrl`, else per instance). */
  costBudget: BucketSettings;
  reports: {
    /** Evaluators see no person or household count below this (DESIGN: 5 unless configured). */
    suppressionThreshold: number;
  };
}

const DEV_JWT_SECRET = "thuis-development-secret-do-not-use-in-production";

const postgresUrl = makeValidator<string>((value) => {
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error("must be a postgres:// URL");
  return value;
});

const secret = makeValidator<string>((value) => {
  if (value.length < 32) throw new Error("must be at least 32 characters");
  return value;
});

const positiveInt = makeValidator<number>((value) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`must be a whole number of at least 1, not "${value}"`);
  return Number(value);
});

/** The size notation of express.json's limit: "100kb", "1mb", "5000b". */
const byteSize = makeValidator<string>((value) => {
  if (!/^\d+(b|kb|mb)$/i.test(value)) throw new Error(`must be a size such as 100kb or 1mb, not "${value}"`);
  return value;
});

const redisUrl = makeValidator<string>((value) => {
  if (!/^rediss?:\/\/\S+$/.test(value)) throw new Error("must be a redis:// or rediss:// URL");
  return value;
});

/** Reads and validates the environment; throws an error naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = cleanEnv(
    env,
    {
      NODE_ENV: str({ choices: ["development", "test", "production"], default: "development" }),
      PORT: port({ default: 4000 }),
      DATABASE_URL: postgresUrl({ default: undefined }),
      PGLITE_DATA_DIR: str({ default: ".data/pglite" }),
      DATABASE_POOL_SIZE: positiveInt({ default: 10 }),
      REDIS_URL: redisUrl({ default: undefined }),
      AUTH_JWT_SECRET: secret({ default: undefined }),
      AUTH_JWKS_URL: url({ default: undefined }),
      AUTH_ISSUER: str({ default: undefined }),
      AUTH_AUDIENCE: str({ default: undefined }),
      SEED_DEMO_DATA: bool({ default: undefined }),
      LOG_LEVEL: str({ choices: ["fatal", "error", "warn", "info", "debug", "trace", "silent"], default: "info" }),
      MAX_QUERY_DEPTH: positiveInt({ default: 10 }),
      MAX_QUERY_ALIASES: positiveInt({ default: 20 }),
      MAX_QUERY_TOKENS: positiveInt({ default: 2000 }),
      MAX_QUERY_COST: positiveInt({ default: 20000 }),
      MAX_BODY_SIZE: byteSize({ default: "100kb" }),
      COST_BUCKET_SIZE: positiveInt({ default: undefined }),
      COST_RESTORE_RATE: positiveInt({ default: 1000 }),
      REPORT_SUPPRESSION_THRESHOLD: positiveInt({ default: 5 }),
    },
    { reporter: throwingReporter },
  );
  const production = e.NODE_ENV === "production";
  const jwtSecret = e.AUTH_JWT_SECRET ?? (production ? undefined : DEV_JWT_SECRET);
  if (!jwtSecret && !e.AUTH_JWKS_URL) {
    throw new Error("Invalid configuration: AUTH_JWKS_URL or AUTH_JWT_SECRET must be set in production");
  }
  if (production && e.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error("Invalid configuration: AUTH_JWT_SECRET is the published development secret; choose your own");
  }
  // Without both checks any token the provider signs, for any application, would be accepted.
  if (e.AUTH_JWKS_URL && (!e.AUTH_ISSUER || !e.AUTH_AUDIENCE)) {
    throw new Error("Invalid configuration: AUTH_ISSUER and AUTH_AUDIENCE must be set with AUTH_JWKS_URL");
  }
  // A smaller bucket would throttle, forever, operations the cost limit lets through.
  const bucketSize = e.COST_BUCKET_SIZE ?? e.MAX_QUERY_COST;
  if (bucketSize < e.MAX_QUERY_COST) {
    throw new Error("Invalid configuration: COST_BUCKET_SIZE must be at least MAX_QUERY_COST");
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.DATABASE_URL ? undefined : e.PGLITE_DATA_DIR,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    auth: { jwtSecret, jwksUrl: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE },
    // Demo data is for the embedded database; a real PostgreSQL gets it only when asked.
    seedDemoData: e.SEED_DEMO_DATA ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxCost: e.MAX_QUERY_COST,
      maxBodyBytes: e.MAX_BODY_SIZE,
    },
    costBudget: { maximumAvailable: bucketSize, restoreRate: e.COST_RESTORE_RATE },
    reports: { suppressionThreshold: e.REPORT_SUPPRESSION_THRESHOLD },
  };
}

function throwingReporter({ errors }: { errors: Partial<Record<string, Error>> }): void {
  const wrong = Object.entries(errors).map(([name, error]) => `${name}: ${error?.message}`);
  if (wrong.length > 0) throw new Error(`Invalid configuration: ${wrong.join("; ")}`);
}
