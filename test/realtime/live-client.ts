import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestApp } from "../support/test-app";

/** A server to subscribe to: its address and its way of making tokens. */
export type LiveServer = Pick<TestApp, "url" | "tokenFor">;

export interface SubscribeOptions {
  variables?: Record<string, unknown>;
  /** Added to the token's `Authorization` in the connection's params. */
  connectionParams?: Record<string, unknown>;
  /** Headers of the HTTP upgrade request. */
  headers?: Record<string, string>;
  /** A token to use instead of one made for the subject. */
  token?: string;
}

/** The WebSocket address of a test server's GraphQL endpoint. */
export const wsUrl = (httpUrl: string): string => `${httpUrl.replace(/^http/, "ws")}/graphql`;

export interface Live<T = any> {
  /** Every `next` payload received, in order. */
  results: Array<{ data?: T; errors?: unknown[] }>;
  /** When each result came (Date.now()), by index. */
  arrivals: number[];
  /** Resolves when the subscription ends: with the errors or close event that ended it, or undefined. */
  ended: Promise<any>;
  /** Resolves with the first result (already received or still to come) for which `test` holds. */
  waitFor(test: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Publishes `probe` every 50 ms until a result passes `test`: the server is then listening. */
  ready(probe: () => void, test: (data: T) => boolean): Promise<void>;
  close(): Promise<void>;
}

/** Subscribes over graphql-ws as the user with this token subject, the token in `connectionParams`. */
export async function subscribe<T = any>(server: LiveServer, subject: string | null, query: string, options: SubscribeOptions = {}): Promise<Live<T>> {
  const token = options.token ?? (subject ? await server.tokenFor(subject) : null);
  const headers = options.headers;
  const client: Client = createClient({
    url: wsUrl(server.url),
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers });
          }
        }
      : WebSocket,
    retryAttempts: 0,
    connectionParams: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...options.connectionParams },
  });
  const results: Live<T>["results"] = [];
  const arrivals: number[] = [];
  const waiters: Array<() => void> = [];
  let end: (reason: unknown) => void = () => {};
  const ended = new Promise<any>((resolve) => (end = resolve));
  const unsubscribe = client.subscribe<T>(
    { query, variables: options.variables },
    {
      next: (result) => {
        results.push(result as Live<T>["results"][number]);
        arrivals.push(Date.now());
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => end(error),
      complete: () => end(undefined),
    },
  );
  const found = (test: (data: T) => boolean) => results.find((r) => r.data !== undefined && test(r.data))?.data;

  const waitFor = (test: (data: T) => boolean, timeoutMs = 5000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(results)}`)), timeoutMs);
      const check = () => {
        const match = found(test);
        if (match === undefined) return void waiters.push(check);
        clearTimeout(timer);
        resolve(match);
      };
      check();
    });

  return {
    results,
    arrivals,
    ended,
    waitFor,
    async ready(probe, test) {
      const deadline = Date.now() + 5000;
      while (found(test) === undefined) {
        if (Date.now() > deadline) throw new Error("the subscription never received its probe");
        probe();
        await waitFor(test, 50).catch(() => undefined);
      }
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

export interface RawSession {
  /** Messages the server sent, parsed. */
  messages: Array<{ type: string; id?: string; payload?: any }>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  send(message: object): void;
  /** Resolves once a message of this type has come. */
  received(type: string): Promise<void>;
  close(): void;
}

/** The graphql-transport-ws protocol by hand, to see exactly what the server sends (and what not). */
export function rawSession(server: LiveServer, connectionParams?: Record<string, unknown>): Promise<RawSession> {
  const socket = new WebSocket(wsUrl(server.url), "graphql-transport-ws");
  const messages: RawSession["messages"] = [];
  const listeners: Array<() => void> = [];
  socket.on("message", (data) => {
    messages.push(JSON.parse(String(data)));
    for (const listener of listeners.splice(0)) listener();
  });
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.on("error", reject);
    socket.on("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: connectionParams }));
      resolve({
        messages,
        closed,
        send: (message) => socket.send(JSON.stringify(message)),
        received: (type) =>
          new Promise((done) => {
            const check = () => (messages.some((m) => m.type === type) ? done() : listeners.push(check));
            check();
          }),
        close: () => socket.close(),
      });
    });
  });
}
