import { EnvError } from "../lib/env";
import { DataDirLockedError } from "../lib/db/data-dir-lock";

/**
 * Runs a command-line entry point: expected failures (bad configuration, a
 * locked data folder) print one line; anything else prints its stack.
 */
export function runCli(main: () => Promise<number>, cleanup: () => Promise<void> = async () => {}): void {
  main()
    .then(async (code) => {
      await cleanup();
      process.exit(code);
    })
    .catch(async (err: unknown) => {
      if (err instanceof EnvError || err instanceof DataDirLockedError) console.error(`error: ${err.message}`);
      else console.error(err);
      await cleanup().catch(() => {});
      process.exit(1);
    });
}
