/**
 * SQLSTATEs of a server that cannot serve the connection right now: class 08 (connection
 * exception), 57P01 to 57P03 (shut down by an administrator, after a crash, still starting) and
 * 53300 (too many connections).
 */
const UNAVAILABLE_STATE = /^(08...|57P0[123]|53300)$/;

/** The network's word for a server that is not there or went away. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** node-postgres's own errors for a lost connection (they carry no code). */
const DRIVER_MESSAGE = /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|Query read timeout)/;

/**
 * Whether the error says the database cannot be reached (rather than that a statement was
 * wrong): the request may succeed if sent again. Looks through the wrappers of TypeORM
 * (`driverError`), GraphQL (`originalError`; `thrownValue` for what is no Error to it) and
 * `cause`. Not by `instanceof Error`: where code runs in a vm context (jest), Node's socket
 * errors come from another realm.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_STATE.test(code) || NETWORK_CODES.has(code))) return true;
    if (typeof message === "string" && DRIVER_MESSAGE.test(message)) return true;
    const wrapped = current as { driverError?: unknown; originalError?: unknown; thrownValue?: unknown; cause?: unknown };
    current = wrapped.driverError ?? wrapped.originalError ?? wrapped.thrownValue ?? wrapped.cause;
  }
  return false;
}
