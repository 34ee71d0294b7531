/**
 * Whether a failed write is worth retrying as is (the database is down, locked, busy or
 * restarting) rather than a problem with the rows themselves.
 */
export function isTransientError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; original?: unknown; name?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    if (/^(08|53|57|58)/.test(code) || ["40001", "40P01", "55P03"].includes(code)) return true;
    if (["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2028", "P2034"].includes(code)) return true;
    if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)/.test(code)) return true;
    if (
      /database is locked|database table is locked|SQLITE_BUSY|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection is closed|Can't reach database|server closed the connection|the database system is (starting up|shutting down)|terminating connection|timed? ?out|Transaction API error|Unable to start a transaction|SocketTimeout|not available/i.test(
        message,
      )
    ) {
      return true;
    }
    current = e.cause ?? e.original;
  }
  return false;
}
