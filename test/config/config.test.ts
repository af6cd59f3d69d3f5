import { loadConfig } from "../../src/config/config";

const SECRET = "s".repeat(32);

describe("configuration", () => {
  it("works with no environment at all: development on the embedded database", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: "development",
      port: 4000,
      databaseUrl: undefined,
      pgliteDataDir: ".data/pglite",
      seedDemoData: true,
      logLevel: "info",
      limits: { maxDepth: 10, maxAliases: 20, maxTokens: 2000, maxCost: 20000, maxBodyBytes: "100kb" },
      costBudget: { maximumAvailable: 20000, restoreRate: 1000 },
      reports: { suppressionThreshold: 5 },
    });
    expect(config.auth.jwtSecret?.length).toBeGreaterThanOrEqual(32);
  });

  it("reads every variable it knows", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "8080",
      DATABASE_URL: "postgresql://thuis@db:5432/thuis",
      DATABASE_POOL_SIZE: "20",
      REDIS_URL: "redis://cache:6379",
      AUTH_JWKS_URL: "https://login.example.be/.well-known/jwks.json",
      AUTH_ISSUER: "https://login.example.be/",
      AUTH_AUDIENCE: "thuis",
      LOG_LEVEL: "warn",
      MAX_QUERY_DEPTH: "8",
      MAX_QUERY_ALIASES: "5",
      MAX_QUERY_TOKENS: "900",
      MAX_QUERY_COST: "5000",
      MAX_BODY_SIZE: "1mb",
      COST_BUCKET_SIZE: "8000",
      COST_RESTORE_RATE: "200",
      REPORT_SUPPRESSION_THRESHOLD: "10",
    });
    expect(config).toMatchObject({
      nodeEnv: "production",
      port: 8080,
      databaseUrl: "postgresql://thuis@db:5432/thuis",
      pgliteDataDir: undefined,
      databasePoolSize: 20,
      redisUrl: "redis://cache:6379",
      auth: { jwtSecret: undefined, jwksUrl: "https://login.example.be/.well-known/jwks.json", issuer: "https://login.example.be/", audience: "thuis" },
      seedDemoData: false,
      logLevel: "warn",
      limits: { maxDepth: 8, maxAliases: 5, maxTokens: 900, maxCost: 5000, maxBodyBytes: "1mb" },
      costBudget: { maximumAvailable: 8000, restoreRate: 200 },
      reports: { suppressionThreshold: 10 },
    });
  });

  it.each([
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["REPORT_SUPPRESSION_THRESHOLD", { REPORT_SUPPRESSION_THRESHOLD: "0" }],
    ["NODE_ENV", { NODE_ENV: "prod" }],
    ["AUTH_JWT_SECRET", { AUTH_JWT_SECRET: "too-short" }],
    ["AUTH_JWT_SECRET", { NODE_ENV: "production", AUTH_JWT_SECRET: loadConfig({}).auth.jwtSecret! }],
    ["AUTH_JWKS_URL", { AUTH_JWKS_URL: "not a url" }],
    ["AUTH_AUDIENCE", { AUTH_JWKS_URL: "https://login.example.be/jwks", AUTH_ISSUER: "https://login.example.be/" }],
    ["AUTH_ISSUER", { AUTH_JWKS_URL: "https://login.example.be/jwks", AUTH_AUDIENCE: "thuis" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["MAX_QUERY_DEPTH", { MAX_QUERY_DEPTH: "x" }],
    ["MAX_QUERY_DEPTH", { MAX_QUERY_DEPTH: "0" }],
    ["MAX_QUERY_COST", { MAX_QUERY_COST: "-5" }],
    ["MAX_QUERY_TOKENS", { MAX_QUERY_TOKENS: "1.5" }],
    ["DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "many" }],
    ["MAX_BODY_SIZE", { MAX_BODY_SIZE: "lots" }],
    ["COST_RESTORE_RATE", { COST_RESTORE_RATE: "0" }],
    ["COST_BUCKET_SIZE", { COST_BUCKET_SIZE: "1.5" }],
    ["COST_BUCKET_SIZE", { COST_BUCKET_SIZE: "19999" }],
    ["REDIS_URL", { REDIS_URL: "http://cache:6379" }],
    ["SEED_DEMO_DATA", { SEED_DEMO_DATA: "perhaps" }],
  ])("refuses a wrong %s with a message naming it", (variable, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: .*\\b${variable}\\b`));
  });

  it("refuses production without any way to verify tokens, naming both settings", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/AUTH_JWKS_URL or AUTH_JWT_SECRET must be set/);
    expect(loadConfig({ NODE_ENV: "production", AUTH_JWT_SECRET: SECRET }).auth.jwtSecret).toBe(SECRET);
  });

  it("sizes the cost bucket to hold the costliest operation allowed, unless told otherwise", () => {
    expect(loadConfig({ MAX_QUERY_COST: "500" }).costBudget.maximumAvailable).toBe(500);
    expect(loadConfig({ MAX_QUERY_COST: "500", COST_BUCKET_SIZE: "600" }).costBudget.maximumAvailable).toBe(600);
    expect(() => loadConfig({ MAX_QUERY_COST: "500", COST_BUCKET_SIZE: "499" })).toThrow(/COST_BUCKET_SIZE must be at least MAX_QUERY_COST/);
  });

  it("names every wrong variable at once", () => {
    expect(() => loadConfig({ PORT: "abc", LOG_LEVEL: "loud" })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });

  it("seeds demo data on the embedded database only, unless told otherwise", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/thuis" }).seedDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/thuis", SEED_DEMO_DATA: "true" }).seedDemoData).toBe(true);
    expect(loadConfig({ SEED_DEMO_DATA: "false" }).seedDemoData).toBe(false);
  });
});
