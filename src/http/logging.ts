import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction } from "express";
import pino, { type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";

/** The id of the request being served, for every log line written while serving it. */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * JSON lines to stdout (or the given destination). Lines written while serving a request carry
 * its `requestId`; an `err` is reduced to what may be logged (see `loggableError`).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "thuis" },
    redact: ["req.headers.authorization", "req.headers.cookie"],
    serializers: { err: loggableError },
    // A new object each time: pino merges the line's own fields into what mixin returns.
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as it may be logged: kind, message, SQLSTATE and stack. Never a failed statement's
 * bound parameters or PostgreSQL's `detail`: they quote row values (names, birth dates).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as { code?: unknown; constraint?: unknown };
  return {
    type: error.name,
    message: error.message,
    code: typeof driver.code === "string" ? driver.code : undefined,
    constraint: typeof driver.constraint === "string" ? driver.constraint : undefined,
    stack: error.stack,
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the caller's `x-request-id` when it is a plain token, else makes one; echoes it in the response. */
export function requestIds(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: NextFunction): void {
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = requestId;
  res.setHeader("x-request-id", requestId);
  requestScope.run({ requestId }, next);
}

/**
 * One JSON line per request with its id, method, path (never the query string: GET operations
 * carry variables), status and duration. Headers and bodies are never logged: they hold tokens
 * and personal data.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage & { id?: unknown }) => String(req.id),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
  });
}
