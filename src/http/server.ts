import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { Logger } from "pino";
import type { Database } from "../database/database";
import type { RequestContext } from "../graphql/context";
import { graphiqlPage } from "./graphiql";
import { requestIds, requestLogging } from "./logging";

export interface HttpOptions {
  apollo: ApolloServer<RequestContext>;
  db: Database;
  logger: Logger;
  maxBodySize: string;
  context: (req: Request) => Promise<RequestContext>;
  /** False once the server is shutting down: new requests are refused. */
  isAcceptingRequests: () => boolean;
  /** Files to download by path (GET /funding/statement.csv…), for a bearer token like GraphQL. */
  downloads: Record<string, RequestHandler>;
}

/** The HTTP surface: health checks, the GraphQL endpoint and, from a browser, the IDE; CSV downloads. */
export function createExpressApp(options: HttpOptions): express.Express {
  const { apollo, db, logger } = options;
  const app = express();
  app.disable("x-powered-by");
  // Answers depend on who asks and change with every write: an ETag would only cost a hash of each body.
  app.disable("etag");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Readiness is the database only. Redis carries nothing but live events between instances:
  // without it every query and mutation still works, so taking instances out of the load
  // balancer over it (all share one Redis) would turn lost live events into a full outage.
  app.get("/readyz", async (_req, res) => {
    const ready = options.isAcceptingRequests() && (await db.exclusive(() => db.ping()).then(() => true, () => false));
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready" });
  });
  app.use(requestIds, requestLogging(logger));
  app.use((_req, res, next) => {
    if (options.isAcceptingRequests()) return next();
    res.setHeader("Connection", "close");
    sendError(res, 503, "SERVICE_UNAVAILABLE", "The server is shutting down.");
  });
  app.get("/", (_req, res) => res.redirect("/graphql"));
  app.get("/graphql", ide);
  for (const [path, download] of Object.entries(options.downloads)) app.get(path, oneAtATimeOnEmbedded(db, download));
  app.use(
    "/graphql",
    express.json({ limit: options.maxBodySize }),
    refuseBatches,
    oneAtATimeOnEmbedded(db, expressMiddleware(apollo, { context: ({ req }) => options.context(req) })),
  );
  app.use((_req, res) => sendError(res, 404, "NOT_FOUND", "Nothing here: the API is at /graphql."));
  app.use(httpErrors(logger));
  return app;
}

/**
 * A browser gets the IDE, also for a link with `?query=` (GraphiQL opens with that query; a
 * browser's plain GET could not pass CSRF prevention anyway). Any other GET goes on to Apollo.
 */
function ide(req: Request, res: Response, next: NextFunction): void {
  if (req.accepts(["json", "html"]) !== "html") return next();
  const { html, etag } = graphiqlPage();
  res.set({ ETag: etag, "Cache-Control": "no-cache" });
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type("html").send(html);
}

/** One operation per request: a JSON array (a batch) is refused before any work is done. */
function refuseBatches(req: Request, res: Response, next: NextFunction): void {
  if (!Array.isArray(req.body)) return next();
  sendError(res, 400, "BAD_REQUEST", "Batched requests are not supported: send one operation per request.");
}

/**
 * PGlite has one session for all queries: each GraphQL request runs alone until its handler has
 * finished (not merely until the client hangs up), so none sees or undoes another's transaction.
 */
function oneAtATimeOnEmbedded(db: Database, handler: RequestHandler): RequestHandler {
  return (req, res, next) => db.exclusive(async () => handler(req, res, next));
}

interface HttpError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/** Oversized or malformed bodies get a GraphQL-shaped error with a code; anything else a generic 500. */
function httpErrors(logger: Logger) {
  return (error: HttpError, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.type === "entity.too.large") return sendError(res, 413, "PAYLOAD_TOO_LARGE", "Request body too large.");
    if (error.type === "entity.parse.failed") return sendError(res, 400, "BAD_REQUEST", "Request body is not valid JSON.");
    if (error.expose && error.status && error.status >= 400 && error.status < 500) {
      return sendError(res, error.status, "BAD_REQUEST", String(error.message));
    }
    logger.error({ err: error }, "request failed");
    sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error.");
  };
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
