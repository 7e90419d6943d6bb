import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the production build, served by the same
 * start-up path as `npm start`, on a fresh embedded database seeded with the
 * Minmetals portfolio (scripts/e2e-server.ts).
 *
 * Browser: Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH); where it is
 * missing, Playwright's own browser if one is installed. Nothing is downloaded.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The SMTP sink the e2e server mails to (e2e/support/smtp-sink-server.ts), beside the app's port. */
const SMTP_SINK_PORT = PORT + 1000;
const SMTP_SINK_FILE = `.data/e2e/smtp-sink-${PORT}.jsonl`;
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && fs.existsSync(p));

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // Specs own their data (e2e/fixtures.ts, docs/decisions/0069-isolated-parallel-e2e.md), so files run in
  // parallel and in any order; a file's tests run in order unless the file says `mode: "parallel"`.
  fullyParallel: false,
  // Two: the server is one process on a single-threaded embedded database, and the machines this runs on have two cores.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers share one server, so a test's requests wait behind the other worker's: on a loaded two-core
  // machine the admin and API-token flows took 25–35 s each (30 s was the limit). A bound on a hang, not a speed check.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    timezoneId: "UTC",
  },
  projects: [
    // The printed one-page summary prints the whole portfolio as it is: it runs before any spec adds units,
    // projects or updates (every other spec owns its data and runs in any order, docs/decisions/0069).
    { name: "print-first", testMatch: /review\.spec\.ts$/, grep: /the printed summary/, use: browser },
    { name: "chromium", grepInvert: /the printed summary/, dependencies: ["print-first"], use: browser },
  ],
  // Started in this order: the SMTP sink first, so no mail of the app finds it missing.
  webServer: [
    {
      command: `npx tsx e2e/support/smtp-sink-server.ts`,
      port: SMTP_SINK_PORT,
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_FILE },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: `npx tsx scripts/e2e-server.ts`,
      url: `http://localhost:${PORT}/api/health`,
      // LOG_LEVEL warn: the server's access log would bury the test report.
      // The suite signs in from one address far more often than a person would: lift the per-address sign-in limit.
      // Mail goes to the sink; the reminder sweep runs every few seconds and failed deliveries retry within seconds,
      // so a spec sees a reminder soon after it changes a due-date rule (e2e/reports-cycle.spec.ts).
      env: {
        PORT: String(PORT),
        LODESTONE_DATA_DIR: ".data/e2e/pglite",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        LODESTONE_SIGN_IN_RATE_LIMIT: "1000",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
        REMINDER_SWEEP_MS: "5000",
        JOBS_POLL_MS: "500",
        JOBS_RETRY_BASE_MS: "1000",
      },
      reuseExistingServer: !process.env.CI,
      timeout: 600_000, // includes `next build` on a fresh clone
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
