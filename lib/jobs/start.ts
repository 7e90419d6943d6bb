import { db } from "../db/client";
import { env, publicUrl } from "../env";
import { log } from "../log/logger";
import { runReminderSweep } from "../reports/reminders";
import { emailChannel } from "./channels/email";
import { webhookChannel } from "./channels/webhook";
import { startJobRunner, type JobRunner } from "./runner";

const KEY = Symbol.for("lodestone.jobRunner");
type Holder = { [KEY]?: JobRunner };

/**
 * Starts this instance's job runner (outbox delivery, the hourly reminder
 * sweep) unless LODESTONE_JOBS=false. One per process (a globalThis
 * singleton: Next may load this module twice); any number of instances.
 */
export async function startJobsAtBoot(): Promise<void> {
  const e = env();
  if (e.LODESTONE_JOBS === "false" || (globalThis as Holder)[KEY]) return;
  const prisma = await db();
  (globalThis as Holder)[KEY] = startJobRunner({
    prisma,
    pollMs: e.JOBS_POLL_MS,
    baseBackoffMs: e.JOBS_RETRY_BASE_MS,
    handlers: { email: emailChannel({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, baseUrl: publicUrl(e) }), webhook: webhookChannel({ prisma }) },
    periodic: [
      {
        name: "report-reminders",
        everyMs: e.REMINDER_SWEEP_MS,
        run: async () => {
          const r = await runReminderSweep(prisma);
          if (r.notified) log().info(r, "report reminders sent");
        },
      },
    ],
  });
  log().info({ smtp: Boolean(e.SMTP_URL), pollMs: e.JOBS_POLL_MS }, "job runner started");
}

/** Stops the runner: the message being sent finishes, nothing new is claimed. */
export async function stopJobs(): Promise<void> {
  const runner = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  await runner?.stop();
}
