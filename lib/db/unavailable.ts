/**
 * Whether an error means "the database is down, restarting, or out of
 * connections" rather than a bug: such requests answer 503 (nothing was
 * written, trying again later is right), never 500.
 *
 * The signal can sit at several depths: a Prisma error code, the driver
 * adapter's error kind, PostgreSQL's SQLSTATE, or node-postgres' plain
 * Error for a dropped connection or a connect timeout.
 */
const PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // reached it, timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2028", // transaction API error: no transaction slot in time, or the transaction died with its connection
]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database server|Server has closed the connection/i;

function sqlStateMeansUnavailable(code: string): boolean {
  // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now; 53300: too many connections
  return /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as Record<string, unknown>;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || sqlStateMeansUnavailable(code))) return true;
  if (typeof e.originalCode === "string" && sqlStateMeansUnavailable(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  for (const key of ["cause", "meta", "driverAdapterError", "error"]) if (key in e && isDatabaseUnavailable(e[key], depth + 1)) return true;
  return false;
}
