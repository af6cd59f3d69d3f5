import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { type ExecutionArgs, GraphQLError, type GraphQLSchema, createSourceEventStream, execute } from "graphql";
import { CloseCode, type Context } from "graphql-ws";
import { type Extra, useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import type { Viewer } from "../auth/viewer";
import type { Database } from "../database/database";
import type { RequestContext } from "../graphql/context";
import { unauthenticated } from "../graphql/errors";
import { errorFormatter } from "../graphql/format-error";
import { type Language, pickLanguage } from "../graphql/language";
import type { Loaders } from "../graphql/loaders";
import type { TaskNotification } from "../modules/tasks/task-notifications";
import { type OperationLimits, byteCount, headerIn, subscriptionDocument } from "./live-operation";
import { receives } from "./live-rules";
import { liveStream } from "./live-stream";

export interface LiveServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  db: Database;
  logger: Logger;
  limits: OperationLimits & { maxMessageSize: string };
  production: boolean;
  /** The viewer an Authorization value ("Bearer …") stands for today, or null: as for HTTP requests. */
  viewerOf(authorization: string | undefined): Promise<Viewer | null>;
  /** A fresh request context for the viewer, with its own scoped loaders. */
  contextFor(viewer: Viewer, requestId: string, language: Language): RequestContext;
}

export interface LiveServer {
  /**
   * For Apollo Server: closes the WebSocket server when Apollo stops (after its in-flight
   * events), and refuses a subscription sent over HTTP.
   */
  plugins: Array<ApolloServerPlugin<RequestContext>>;
}

/** What a running subscription needs to answer each of its events afresh. */
interface LiveOperation {
  authorization: string | undefined;
  requestId: string;
  language: Language;
  args: ExecutionArgs;
  refuse(): void;
}

type Connection = Context<Record<string, unknown> | undefined, Extra>;

/**
 * graphql-ws on the HTTP server's `/graphql`: subscriptions only, authorised like HTTP
 * requests. A token that does not verify (in the connection's params, or in an operation's
 * extensions where GraphiQL puts it) closes the connection with 4403 Forbidden — graphql-ws's
 * code for a refused client (4401 means "subscribed before the handshake" and is never retried).
 * Every event is answered with a fresh viewer (a membership that ended stops the events; an
 * expired token closes the connection) and fresh loaders, so nothing is served from a stale
 * cache; on PGlite each event runs alone under the database's gate, like an HTTP request.
 */
export function startLiveServer(options: LiveServerOptions): LiveServer {
  const { db, logger, schema } = options;
  const operations = new WeakMap<object, LiveOperation>();
  const inFlight = new Set<Promise<unknown>>();
  const formatError = errorFormatter(logger, !options.production);
  const formatted = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const authenticate = (authorization: string | undefined) => db.exclusive(() => options.viewerOf(authorization));
  const refuse = (connection: Connection) => connection.extra.socket.close(CloseCode.Forbidden, "Forbidden");

  const deliver = async (operation: LiveOperation, notification: TaskNotification) => {
    const delivery = db.exclusive(async () => {
      try {
        const viewer = await options.viewerOf(operation.authorization);
        if (!viewer) {
          operation.refuse();
          return null;
        }
        if (!receives(viewer, notification)) return null;
        const context = options.contextFor(viewer, operation.requestId, operation.language);
        const payload = await payloadOf(notification, context.loaders);
        return payload ? await execute({ ...operation.args, contextValue: context, rootValue: payload }) : null;
      } catch (error) {
        logger.error({ err: error, topic: notification.topic }, "live event not delivered");
        return null;
      }
    });
    inFlight.add(delivery);
    return delivery.finally(() => inFlight.delete(delivery));
  };

  const wsServer = new WebSocketServer({ server: options.httpServer, path: "/graphql", maxPayload: byteCount(options.limits.maxMessageSize) });
  const server = useServer(
    {
      isProd: options.production,
      onConnect: async (connection) => {
        const authorization = headerIn(connection.connectionParams, "authorization");
        // Without a token here, each operation must bring its own (GraphiQL sends it that way).
        return authorization === undefined || (await guarded(logger, () => authenticate(authorization))) !== null;
      },
      onSubscribe: async (connection, _id, payload) => {
        const authorization = headerIn(payload.extensions?.headers, "authorization") ?? headerIn(connection.connectionParams, "authorization");
        const viewer = await guarded(logger, () => authenticate(authorization));
        if (!viewer) {
          refuse(connection);
          return [unauthenticated()];
        }
        const document = subscriptionDocument(schema, options.limits, payload.query, payload.operationName);
        if (Array.isArray(document)) return document;
        const language = pickLanguage(
          headerIn(payload.extensions?.headers, "accept-language") ??
            headerIn(connection.connectionParams, "accept-language") ??
            connection.extra.request.headers["accept-language"],
        );
        const requestId = randomUUID();
        const contextValue = options.contextFor(viewer, requestId, language);
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        operations.set(contextValue, { authorization, requestId, language, args, refuse: () => refuse(connection) });
        return args;
      },
      subscribe: async (args) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const operation = operations.get(args.contextValue as object)!;
        return liveStream(stream as AsyncIterable<TaskNotification>, (notification) => deliver(operation, notification));
      },
      onNext: (_connection, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatted(result.errors) } : undefined),
      onError: (_connection, _id, _payload, errors) => formatted(errors),
    },
    wsServer,
  );

  const drain: ApolloServerPlugin<RequestContext> = {
    async serverWillStart() {
      return {
        async drainServer() {
          await server.dispose();
          await Promise.allSettled(inFlight);
        },
      };
    },
  };
  return { plugins: [drain, subscriptionsOnlyOverWebSocket] };
}

/** Over HTTP a subscription would run once with no event and fail as an internal error: say where it belongs. */
const subscriptionsOnlyOverWebSocket: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError("Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.", {
          extensions: { code: "BAD_REQUEST", http: { status: 400 } },
        });
      },
    };
  },
};

/** Which object a notification is about, as the subscriber may see it (null: skip the event). */
function payloadOf(notification: TaskNotification, loaders: Loaders): Promise<object | null> {
  return notification.topic === "HANDOVER_PROPOSED" ? loaders.handover.load(notification.handoverKey) : loaders.task.load(notification.taskKey);
}

/**
 * Runs a connection hook's database work. graphql-ws prints what a hook throws to the console
 * (a failed statement carries its parameters): log it our way and throw a bare error instead,
 * which closes the connection with 4500.
 */
async function guarded<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    logger.error({ err: error }, "live connection failed");
    throw new Error("Internal server error");
  }
}
