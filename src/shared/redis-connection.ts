import Redis, { type RedisOptions } from "ioredis";
import type { Logger } from "pino";

/**
 * A Redis client for one `role`, that logs one line per outage, not one per retry, saying what
 * is `paused` meanwhile (the error names the host, never a password or a payload).
 */
export function connectRedis(url: string, role: string, paused: string, logger: Logger, options: RedisOptions): Redis {
  // disconnectTimeout: closing while Redis is away would otherwise hold the process for 2 s.
  const client = new Redis(url, { connectionName: `thuis-${role}`, disconnectTimeout: 500, ...options });
  let failing = false;
  client.on("error", (error: Error) => {
    if (!failing) logger.warn({ err: error, redis: role }, `Redis connection failed: ${paused} while it retries`);
    failing = true;
  });
  client.on("ready", () => {
    if (failing) logger.info({ redis: role }, "Redis connection restored");
    failing = false;
  });
  return client;
}
