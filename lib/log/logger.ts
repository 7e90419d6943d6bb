import pino, { type Logger } from "pino";
import { env } from "../env";

/**
 * The app's log: one JSON object per line on stdout (pino), for whatever
 * collects container output. Level from LOG_LEVEL. Secrets never reach it:
 * cookies, authorization headers and passwords are redacted wherever they sit
 * in a logged object.
 */
export const REDACT_PATHS = [
  "cookie",
  "authorization",
  "password",
  "newPassword",
  "currentPassword",
  "secret",
  "*.cookie",
  "*.authorization",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.secret",
  "*.*.cookie",
  "*.*.authorization",
  "*.*.password",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      base: { service: "lodestone", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    options.destination,
  );
}

// One logger per process (Next may load this module more than once).
const globalForLog = globalThis as unknown as { __lodestoneLog?: Logger };

/** The process-wide logger (created on first use: reading env at import would run during `next build`). */
export function log(): Logger {
  globalForLog.__lodestoneLog ??= createLogger();
  return globalForLog.__lodestoneLog;
}
