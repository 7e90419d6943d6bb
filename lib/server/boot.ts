import { closeDatabase, getDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import { env, EnvError } from "../env";

/**
 * Opens the database when the server starts, so that a second server on the
 * same embedded data folder exits at once with the holder's pid instead of
 * failing on its first request; and closes it on shutdown so the lock is
 * released and PGlite flushes.
 */
export async function openDatabaseAtBoot(): Promise<void> {
  try {
    await getDatabase();
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof EnvError) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // With NEXT_MANUAL_SIG_HANDLE=1 Next leaves signals to us (npm start sets it).
  if (env().NEXT_MANUAL_SIG_HANDLE) {
    let stopping = false;
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        closeDatabase()
          .catch((e) => console.error("error closing the database:", e))
          .finally(() => process.exit(0));
      });
  }
}
