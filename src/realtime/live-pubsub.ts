import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type Redis from "ioredis";
import type { Logger } from "pino";
import { type TaskNotification, type TaskPubSub, createTaskPubSub } from "../modules/tasks/task-notifications";
import { connectRedis } from "../shared/redis-connection";

type TaskEventTarget = NonNullable<Parameters<typeof createTaskPubSub>[0]>;
type Listener = ((event: CustomEvent) => void) | { handleEvent(event: CustomEvent): void };

/** Channels are `thuis:<topic>`, so a Redis shared with other applications keeps ours apart. */
const CHANNEL_PREFIX = "thuis:";

const LIVE_EVENTS_PAUSED = "live events between instances are paused";

const TOPICS: ReadonlySet<string> = new Set(["TASK_ASSIGNED", "TASK_CHANGED", "HANDOVER_PROPOSED"]);

export interface LivePubSub {
  pubSub: TaskPubSub;
  /** Closes the Redis connections (nothing to do in-process). */
  close(): Promise<void>;
}

/**
 * The task notifications' channel: in-process without `REDIS_URL`; with it, through Redis, so
 * that a change made on one server instance reaches subscribers connected to any other. Redis
 * being away never fails a request or the process: the clients log it and keep reconnecting,
 * and notifications published meanwhile are lost (live events are hints, not the record).
 */
export function createLivePubSub(redisUrl: string | undefined, logger: Logger): LivePubSub {
  if (!redisUrl) return { pubSub: createTaskPubSub(), close: async () => {} };
  // Publishing never queues: what cannot be sent now is dropped and logged, not sent late.
  const publisher = connectRedis(redisUrl, "publish", LIVE_EVENTS_PAUSED, logger, { enableOfflineQueue: false });
  // SUBSCRIBE waits for the connection however long it takes (the event target does not catch a
  // failed one: it would be an unhandled rejection); ioredis subscribes again after a reconnect.
  const subscriber = connectRedis(redisUrl, "subscribe", LIVE_EVENTS_PAUSED, logger, { maxRetriesPerRequest: null });
  return {
    pubSub: createTaskPubSub(redisEventTarget(publisher, subscriber, logger)),
    close: async () => {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * @graphql-yoga/redis-event-target for receiving, on `thuis:<topic>` channels; publishing is
 * ours, so that a failed PUBLISH is caught (the event target's own would be an unhandled rejection).
 */
function redisEventTarget(publisher: Redis, subscriber: Redis, logger: Logger): TaskEventTarget {
  const target = createRedisEventTarget({
    publishClient: publisher,
    subscribeClient: subscriber,
    // A parse error would be thrown inside ioredis's reader and end the process.
    serializer: { stringify: JSON.stringify, parse: (message) => parseNotification(message, logger) },
  });
  // Each pub/sub subscription adds its own listener for one topic: one wrapper per listener.
  const wrappers = new Map<Listener, (event: CustomEvent) => void>();
  return {
    addEventListener(topic, given) {
      const listener = given as Listener | null;
      if (!listener) return;
      const wrapper = (event: CustomEvent) => {
        if (event.detail === null) return; // malformed, already logged
        if (typeof listener === "function") listener(event);
        else listener.handleEvent(event);
      };
      wrappers.set(listener, wrapper);
      target.addEventListener(CHANNEL_PREFIX + topic, wrapper);
    },
    removeEventListener(topic, given) {
      const listener = given as Listener | null;
      const wrapper = listener && wrappers.get(listener);
      if (!wrapper) return;
      wrappers.delete(listener!);
      target.removeEventListener(CHANNEL_PREFIX + topic, wrapper);
    },
    dispatchEvent(event) {
      publisher
        .publish(CHANNEL_PREFIX + event.type, JSON.stringify(event.detail))
        .catch((error: Error) => logger.warn({ err: error, topic: event.type }, "live notification not sent: Redis is unavailable"));
      return true;
    },
  };
}

/** A notification as published by any instance; anything else (another application's, a garbled one) is null. */
function parseNotification(message: string, logger: Logger): TaskNotification | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    value = null;
  }
  const fields = value as Partial<Record<string, unknown>> | null;
  if (fields && typeof fields === "object" && TOPICS.has(fields.topic as string) && typeof fields.consortiumKey === "string") {
    return value as TaskNotification;
  }
  logger.warn("ignored a malformed live notification from Redis");
  return null;
}
