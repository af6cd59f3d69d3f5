import { randomUUID } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import fc from "fast-check";
import Redis from "ioredis";
import { type Bucket, drawFromBucket } from "../../src/graphql/cost-budget";
import { redisCostBudget } from "../../src/graphql/cost-budget-redis";
import { createLogger } from "../../src/http/logging";
import { LogLines } from "../http/log-lines";

/** The test suite needs Redis: .ci/run starts it; elsewhere set TEST_REDIS_URL. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";


describe("the cost budget in Redis", () => {
  const silent = createLogger("silent");
  const used: string[] = [];
  let redis: Redis;
  const organisation = () => {
    const id = randomUUID();
    used.push(`thuis:cost:${id}`);
    return id;
  };
  // Draws issued before the client has connected go to the instance's own buckets.
  const connected = async (settings: { maximumAvailable: number; restoreRate: number }) => {
    const budget = redisCostBudget(REDIS_URL, settings, silent);
    const probe = organisation();
    for (;;) {
      await budget.draw(probe, 0);
      if (await redis.exists(`thuis:cost:${probe}`)) return budget;
      await pause(20);
    }
  };

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    if (used.length > 0) await redis.del(...used);
    redis.disconnect();
  });

  it("draws as the leaky-bucket rule does (the script is that rule in Lua)", async () => {
    // Next to nothing restored while the test runs: each draw meets the rule at one moment.
    const settings = { maximumAvailable: 1000, restoreRate: 0.000001 };
    const budget = await connected(settings);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(600), { minLength: 1, maxLength: 15 }), async (costs) => {
          const id = organisation();
          let bucket: Bucket | undefined;
          for (const cost of costs) {
            const expected = drawFromBucket(bucket, cost, 0, settings);
            bucket = expected.bucket;
            const { granted, throttleStatus } = await budget.draw(id, cost);
            expect(granted).toBe(expected.granted);
            expect(throttleStatus).toEqual({ maximumAvailable: 1000, currentlyAvailable: Math.floor(bucket.available), restoreRate: 0.000001 });
          }
        }),
        { numRuns: 30 },
      );
    } finally {
      await budget.close();
    }
  });

  it("is one bucket per organisation for every instance, kept until it would be full again", async () => {
    const settings = { maximumAvailable: 1000, restoreRate: 10 };
    const [one, other] = [await connected(settings), await connected(settings)];
    try {
      const id = organisation();
      expect((await one.draw(id, 900)).granted).toBe(true);
      const refused = await other.draw(id, 500);
      expect(refused.granted).toBe(false);
      expect(refused.throttleStatus.currentlyAvailable).toBeLessThan(500);
      // 900 points at 10 a second come back within 90 s; the key goes a second after.
      const ttl = await redis.pttl(`thuis:cost:${id}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(91_000);
    } finally {
      await one.close();
      await other.close();
    }
  });

  it("refills with time, never above full", async () => {
    const budget = await connected({ maximumAvailable: 1000, restoreRate: 1000 });
    try {
      const id = organisation();
      expect((await budget.draw(id, 1000)).granted).toBe(true);
      await pause(300);
      const { throttleStatus } = await budget.draw(id, 0);
      expect(throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(250);
      expect(throttleStatus.currentlyAvailable).toBeLessThanOrEqual(1000);
    } finally {
      await budget.close();
    }
  });

  it("counts per instance while Redis is unreachable, and says so once", async () => {
    const log = new LogLines();
    // Port 1 refuses connections: the client keeps retrying in the background.
    const budget = redisCostBudget("redis://127.0.0.1:1", { maximumAvailable: 100, restoreRate: 1 }, createLogger("warn", log));
    try {
      while (log.raw.length === 0) await pause(20);
      expect((await budget.draw("gent", 90)).granted).toBe(true);
      expect((await budget.draw("gent", 90)).granted).toBe(false);
      expect((await budget.draw("liege", 90)).granted).toBe(true);
      const messages = log.entries.map((entry) => entry.msg);
      expect(messages).toEqual(["Redis connection failed: cost budgets are counted per instance while it retries"]);
    } finally {
      await budget.close();
    }
  });
});
