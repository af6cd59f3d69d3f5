import { randomUUID } from "node:crypto";
import { Client } from "pg";
import type { Logger } from "pino";
import type { ViewerCache } from "./viewer-cache";

/** Notified by the triggers of migration ViewerChangeNotifications on every change to users and memberships. */
const CHANNEL = "thuis_viewers";
const RECONNECT_MS = 1_000;
/** A connection that died without a word (no reset) is found by asking it something this often. */
const HEARTBEAT_MS = 10_000;

export interface ViewerChangeListener {
  /** Resolves once every change committed before the call has been heard (at once while not listening: nothing is kept then). */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps a connection to PostgreSQL listening for changes to users and memberships, and the
 * cache trusted only while it listens: each change, from any server or script, empties it; a
 * lost connection stops the keeping until the listening is back (and empties it again).
 */
export function listenForViewerChanges(url: string, viewers: ViewerCache, logger: Logger): ViewerChangeListener {
  let client: Client | undefined;
  /** The client once its LISTEN is in place. */
  let listening: Client | undefined;
  let closed = false;
  let failing = false;
  let reconnect: NodeJS.Timeout | undefined;
  /** Our own notifications (a payload; the triggers send none), by payload: heard, all before them were. */
  const markers = new Map<string, () => void>();

  const lose = (lost: Client, error?: Error): Promise<void> => {
    if (client !== lost) return Promise.resolve();
    client = undefined;
    listening = undefined;
    viewers.trust(false);
    for (const heard of markers.values()) heard();
    markers.clear();
    lost.removeAllListeners("end");
    lost.on("error", () => undefined);
    if (!closed) {
      if (!failing) logger.warn({ err: error }, "Not hearing of user and membership changes: each request looks its viewer up until it is back");
      failing = true;
      reconnect = setTimeout(connect, RECONNECT_MS).unref();
    }
    return lost.end().catch(() => undefined);
  };

  const connect = async () => {
    const next = new Client({ connectionString: url, application_name: "thuis-viewer-changes", keepAlive: true, query_timeout: HEARTBEAT_MS / 2 });
    client = next;
    next.on("error", (error) => void lose(next, error));
    next.on("end", () => void lose(next));
    next.on("notification", ({ payload }) => (payload ? markers.get(payload)?.() : viewers.forget()));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      return void lose(next, error as Error);
    }
    if (client !== next) return;
    if (failing) logger.info("Hearing of user and membership changes again");
    failing = false;
    listening = next;
    viewers.trust(true);
  };

  const heartbeat = setInterval(() => {
    const current = client;
    current?.query("SELECT 1").catch((error: Error) => lose(current, error));
  }, HEARTBEAT_MS).unref();
  void connect();

  return {
    caughtUp() {
      const current = listening;
      if (!current) return Promise.resolve();
      const marker = randomUUID();
      const heard = new Promise<void>((resolve) => markers.set(marker, () => (markers.delete(marker), resolve())));
      // Notifications reach a listener in commit order: ours comes after every change before it.
      current.query("SELECT pg_notify($1, $2)", [CHANNEL, marker]).catch((error: Error) => lose(current, error));
      return heard;
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(reconnect);
      if (client) await lose(client);
    },
  };
}
