import type { Request, RequestHandler } from "express";
import { GraphQLError } from "graphql";
import type { Viewer } from "../auth/viewer";
import { unauthenticated } from "../graphql/errors";
import { sendError } from "./server";

/** A file to download: its name and its text. */
export interface CsvFile {
  fileName: string;
  content: string;
}

/** The viewer behind an Authorization header, as for GraphQL; null when it names nobody. */
export type ViewerOf = (authorization: string | undefined) => Promise<Viewer | null>;

/**
 * Text typed by users, made safe for a spreadsheet: a cell starting with = + - @ or a control
 * character would run as a formula (CSV injection), so it gets a leading apostrophe. Amounts are
 * written as they are: a negative adjustment must stay a number.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** HTTP status of each refusal; anything else goes on to the server's error handler (500). */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * A GET route answering with a CSV file for a bearer token like GraphQL's. The refusals of
 * GraphQL (unauthenticated, forbidden, not found, bad input) become 401/403/404/400 with the
 * same code and message.
 */
export function csvDownload(viewerOf: ViewerOf, produce: (viewer: Viewer, request: Request) => Promise<CsvFile>): RequestHandler {
  return async (req, res) => {
    try {
      const viewer = await viewerOf(req.headers.authorization);
      if (!viewer) throw unauthenticated();
      const file = await produce(viewer, req);
      res.set({
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      });
      res.send(file.content);
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : "";
      if (!STATUS[code]) throw error;
      if (code === "UNAUTHENTICATED") res.set("WWW-Authenticate", "Bearer");
      sendError(res, STATUS[code], code, (error as GraphQLError).message);
    }
  };
}
