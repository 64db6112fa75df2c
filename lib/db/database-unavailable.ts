// Whether an error means the database cannot be reached right now (down, restarting, refusing
// connections), as opposed to a bug: such requests answer 503 with Retry-After, never a 500.

// Node's socket errors, pg's own, and PostgreSQL's SQLSTATE classes for "cannot serve you now":
// 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const SQLSTATES = /^(08\w{3}|57P0[123]|53300)$/;
// Prisma's own: P1001 can't reach the server, P1002 timed out, P1017 the server closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
// The driver adapter's kinds behind P1001 and P1017: a raw query ($queryRaw) reports them as P2010 with
// the adapter's error in `meta.driverAdapterError`, its kind in that error's `cause`.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed"]);
const MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Prisma's adapter and pg wrap the socket error: walk the causes (and AggregateError's errors).
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, kind, message, cause, errors, meta } = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.test(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (meta && typeof meta === "object" && isDatabaseUnavailable(meta.driverAdapterError)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = cause;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
