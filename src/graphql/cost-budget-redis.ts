import type { Result } from "ioredis";
import type { Logger } from "pino";
import { connectRedis } from "../shared/redis-connection";
import { type BucketSettings, type CostBudget, memoryCostBudget, throttleStatus } from "./cost-budget";

/** A Redis shared with other applications keeps our buckets apart. */
const KEY_PREFIX = "thuis:cost:";

/**
 * drawFromBucket (cost-budget.ts) in Lua, on a hash { available, at } that expires once the
 * bucket would be full again (an absent bucket is full). The clock is Redis's: the same for all
 * instances. KEYS[1]: the bucket; ARGV: maximumAvailable, restoreRate, cost.
 */
const DRAW_COST = `
local maximum, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local bucket = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = maximum
if bucket[1] then
  available = math.min(maximum, tonumber(bucket[1]) + math.max(0, now - tonumber(bucket[2])) * rate / 1000)
end
local granted = 0
if cost <= available then
  available = available - cost
  granted = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((maximum - available) * 1000 / rate) + 1000)
return { granted, tostring(available) }
`;

declare module "ioredis" {
  interface RedisCommander<Context> {
    drawCost(key: string, maximumAvailable: number, restoreRate: number, cost: number): Result<[0 | 1, string], Context>;
  }
}

/**
 * The buckets shared by all instances through Redis: a draw is one script, so two instances
 * cannot spend the same points. (rate-limiter-flexible counts points per fixed window and
 * spends them on refused requests too: it cannot express a steady refill with a cost per draw.)
 * While Redis is away or slow each instance counts in its own buckets: no request fails for it.
 */
export function redisCostBudget(url: string, settings: BucketSettings, logger: Logger): CostBudget {
  // No queue, a short timeout: a draw never waits for Redis to come back.
  const redis = connectRedis(url, "cost", "cost budgets are counted per instance", logger, { enableOfflineQueue: false, commandTimeout: 1000 });
  redis.defineCommand("drawCost", { numberOfKeys: 1, lua: DRAW_COST });
  const fallback = memoryCostBudget(settings);
  let failing = false;
  return {
    async draw(organisationId, cost) {
      try {
        const [granted, available] = await redis.drawCost(KEY_PREFIX + organisationId, settings.maximumAvailable, settings.restoreRate, cost);
        failing = false;
        return { granted: granted === 1, throttleStatus: throttleStatus(settings, Number(available)) };
      } catch (error) {
        // A lost connection is logged by the client; a failing command on a live one only here, once.
        if (!failing && redis.status === "ready") logger.warn({ err: error }, "cost budget draw failed in Redis: counted per instance meanwhile");
        failing = true;
        return fallback.draw(organisationId, cost);
      }
    },
    close: async () => redis.disconnect(),
  };
}
