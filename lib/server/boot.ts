import { scheduleThrottleCleanup } from "../auth/throttle-cleanup";
import { closeDatabase, getDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import { env, EnvError } from "../env";
import { log } from "../log/logger";
import { drainHttp, inFlightRequests, trackHttpRequests } from "./http-lifecycle";
import { startJobsAtBoot, stopJobs } from "../jobs/start";
import { checkSsoIssuer } from "../auth/sso";

/**
 * Opens the database when the server starts, so that a second server on the
 * same embedded data folder exits at once with the holder's pid instead of
 * failing on its first request; and, on SIGTERM/SIGINT, stops gracefully:
 * no new connections, in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS),
 * then the database closes (PostgreSQL pool ended; PGlite flushed and its
 * lock released) and the process exits 0.
 */
export async function openDatabaseAtBoot(): Promise<void> {
  let database: Awaited<ReturnType<typeof getDatabase>>;
  try {
    database = await getDatabase();
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof EnvError) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // A provider whose discovery names another issuer than configured is refused at start (docs/decisions/0060).
  const sso = await checkSsoIssuer();
  if (!sso.ok && sso.fatal) {
    console.error(`error: ${sso.message}`);
    process.exit(1);
  }
  if (!sso.ok) log().warn(sso.message);
  trackHttpRequests();
  scheduleThrottleCleanup(database.prisma, (err) => log().warn({ err }, "pruning old sign-in failures and rate-limit rows failed"));
  await startJobsAtBoot();
  // With NEXT_MANUAL_SIG_HANDLE=1 Next leaves signals to us (npm start sets it);
  // without it Next exits on its own and the database is not closed first.
  if (env().NEXT_MANUAL_SIG_HANDLE) {
    let stopping = false;
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.on(signal, () => {
        // Ctrl-C reaches us twice (from the terminal and from npm start): one stop is enough.
        if (stopping) return;
        stopping = true;
        void shutDown(signal);
      });
  }
}

async function shutDown(signal: string): Promise<void> {
  const timeoutMs = env().SHUTDOWN_TIMEOUT_MS;
  log().info({ signal, inFlight: inFlightRequests(), timeoutMs }, "shutting down: no new connections, finishing in-flight requests");
  let code = 0;
  try {
    const { finished, abandoned } = await drainHttp(timeoutMs);
    if (abandoned) log().warn({ abandoned }, "requests still running at the shutdown timeout were cut off");
    await stopJobs();
    await closeDatabase();
    log().info({ finished, abandoned }, "stopped: database closed");
  } catch (err) {
    code = 1;
    log().error({ err }, "error while shutting down");
  }
  process.exit(code);
}
