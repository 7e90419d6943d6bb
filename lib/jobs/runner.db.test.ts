import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { openDatabase, type Database } from "../db/client";
import { loadPortfolio } from "../db/seed";
import type { PrismaClient } from "../db/generated/client";
import { createReportDraft, publishReport, submitReport } from "../reports/report-workflow";
import { runReminderSweep } from "../reports/reminders";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { startSmtpSink, type SmtpSink } from "../test/smtp-sink";
import { assignManager, createViewer } from "../test/viewers";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { emailChannel } from "./channels/email";
import { webhookChannel } from "./channels/webhook";
import { enqueue } from "./outbox";
import { runOnce, type RunnerOptions } from "./runner";

const SECRET = "test-secret-0123456789";

describe.each(testBackends())("outbox and job runner on %s", (backend) => {
  const database = withTestDatabase(backend);
  let sink: SmtpSink;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let second: Database | undefined;
  let manager: Viewer;
  let pmo: Viewer;

  const runner = (prisma: PrismaClient, workerId: string, smtpUrl = sink.url): RunnerOptions => ({
    prisma,
    workerId,
    handlers: {
      email: emailChannel({ smtpUrl, from: "Lodestone <lodestone@test.local>", baseUrl: "http://lodestone.test" }),
      webhook: webhookChannel({ prisma }),
    },
    baseBackoffMs: 5,
    maxBackoffMs: 20,
    batchSize: 5,
  });
  const pending = (prisma: PrismaClient) => prisma.outboxMessage.count({ where: { state: "PENDING" } });
  async function drain(...opts: RunnerOptions[]) {
    const prisma = opts[0].prisma;
    for (let i = 0; i < 200 && (await pending(prisma)) > 0; i++) {
      await Promise.all(opts.map((o) => runOnce(o)));
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver(SECRET);
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [buildProject({ slug: "jp", nameEn: "Copper Mine", nameZh: "铜矿项目" }), buildProject({ slug: "jq", nameEn: "Nickel Plant", nameZh: "镍厂" })],
    });
    manager = await createViewer(prisma, "manager", "Wang Manager");
    await prisma.user.update({ where: { id: manager.id }, data: { locale: "zh-CN" } });
    pmo = await createViewer(prisma, "pmo", "Pat PMO");
    await assignManager(prisma, manager, "jp");
    await prisma.webhookEndpoint.create({ data: { url: receiver.url, secret: SECRET, topics: ["report.published", "test.event"] } });
    // a second app instance: its own connection pool to the same database (PGlite is one process: the same instance)
    second = backend === "postgres" ? await openDatabase({ ...(database().target as { kind: "postgres"; url: string }), poolSize: 3 }) : undefined;
  });
  afterAll(async () => {
    await second?.close();
    await sink.close();
    await receiver.close();
  });

  it("delivers every message exactly once with two workers", async () => {
    const prisma = database().prisma;
    const endpoint = await prisma.webhookEndpoint.findFirstOrThrow();
    await prisma.$transaction(async (tx) => {
      await enqueue(
        tx,
        Array.from({ length: 30 }, (_, i) => ({
          channel: "webhook" as const,
          topic: "test.event",
          payload: { endpointId: endpoint.id, event: { id: `e${i}`, topic: "test.event", occurredAt: new Date().toISOString(), data: { i } } },
        })),
      );
      await enqueue(
        tx,
        Array.from({ length: 10 }, (_, i) => ({
          channel: "email" as const,
          topic: "notification.reportPublished",
          payload: {
            to: `r${i}@test.local`,
            name: `R${i}`,
            locale: "en",
            kind: "reportPublished",
            params: { project: "P", period: "2026-10" },
            link: "/",
            send: true,
          },
        })),
      );
    });
    const mailsBefore = sink.mails.length;
    const hooksBefore = receiver.received.length;
    await drain(runner(prisma, "worker-a"), runner(second?.prisma ?? prisma, "worker-b"));
    expect(await pending(prisma)).toBe(0);
    const hooks = receiver.received.slice(hooksBefore);
    expect(hooks.length).toBe(30);
    expect(new Set(hooks.map((h) => h.headers["x-lodestone-delivery"])).size).toBe(30);
    expect(hooks.every((h) => h.signatureValid)).toBe(true);
    expect(sink.mails.length - mailsBefore).toBe(10);
    const attempts = await prisma.outboxAttempt.groupBy({ by: ["messageId"], _count: { _all: true } });
    expect(attempts.length).toBe(40);
    expect(attempts.every((a) => a._count._all === 1)).toBe(true);
    if (backend === "postgres") {
      const workers = await prisma.outboxAttempt.groupBy({ by: ["worker"], _count: { _all: true } });
      expect(workers.map((w) => w.worker).sort()).toEqual(["worker-a", "worker-b"]);
    }
  });

  it("retries a failing webhook receiver and SMTP server with backoff, and logs every try", async () => {
    const prisma = database().prisma;
    const endpoint = await prisma.webhookEndpoint.findFirstOrThrow();
    receiver.failNext(2);
    sink.failNext(1);
    await prisma.$transaction(async (tx) => {
      await enqueue(tx, [
        {
          channel: "webhook",
          topic: "test.event",
          payload: { endpointId: endpoint.id, event: { id: "retry", topic: "test.event", occurredAt: new Date().toISOString(), data: {} } },
          dedupeKey: "retry-hook",
        },
      ]);
      await enqueue(tx, [
        {
          channel: "email",
          topic: "notification.reportPublished",
          payload: {
            to: "retry@test.local",
            name: "Retry",
            locale: "en",
            kind: "reportPublished",
            params: { project: "P", period: "2026-10" },
            link: "/",
            send: true,
          },
          dedupeKey: "retry-mail",
        },
      ]);
      // the same key again is written once
      expect(await enqueue(tx, [{ channel: "email", topic: "x", payload: {}, dedupeKey: "retry-mail" }])).toBe(0);
    });
    await drain(runner(prisma, "worker-a"));
    const hook = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry-hook" }, include: { attemptsLog: { orderBy: { at: "asc" } } } });
    expect(hook).toMatchObject({ state: "SENT", attempts: 3 });
    expect(hook.attemptsLog.map((a) => [a.ok, a.status])).toEqual([
      [false, 503],
      [false, 503],
      [true, 204],
    ]);
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "retry-mail" }, include: { attemptsLog: { orderBy: { at: "asc" } } } });
    expect(mail.state).toBe("SENT");
    expect(mail.attemptsLog.map((a) => a.ok)).toEqual([false, true]);
    expect(mail.attemptsLog[0].detail).toMatch(/451/);
    expect(sink.mails.filter((m) => m.to && JSON.stringify(m.to).includes("retry@test.local")).length).toBe(1);
  });

  it("never blocks a save when SMTP is down: the message is retried, logged, then given up", async () => {
    const prisma = database().prisma;
    const d = await createReportDraft({ viewer: manager, slug: "jp", input: { periodId: "2026-08" } });
    if (!d.ok) throw new Error("setup");
    expect((await submitReport({ viewer: manager, reportId: d.data.id, input: { version: 1 } })).ok).toBe(true);
    const published = await publishReport({ viewer: pmo, reportId: d.data.id, input: { version: 2 } });
    expect(published).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
    const mail = await prisma.outboxMessage.findFirstOrThrow({
      where: { channel: "email", topic: "notification.reportPublished", payload: { path: ["to"], equals: manager.email } },
    });
    await prisma.outboxMessage.update({ where: { id: mail.id }, data: { maxAttempts: 2 } });
    // port 9 on loopback: nothing listens (connection refused)
    const down = runner(prisma, "worker-down", "smtp://127.0.0.1:9");
    await drain({ ...down, handlers: { ...down.handlers, webhook: webhookChannel({ prisma }) } });
    const after = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: mail.id }, include: { attemptsLog: true } });
    expect(after.state).toBe("DEAD");
    expect(after.attemptsLog.length).toBe(2);
    expect(after.attemptsLog.every((a) => !a.ok && /ECONNREFUSED|connect/i.test(a.detail))).toBe(true);
    // the webhook of the same event was delivered, signed, with the report's hash
    const hook = receiver.received.find((h) => h.headers["x-lodestone-event"] === "report.published");
    expect(hook?.signatureValid).toBe(true);
    expect(JSON.parse(hook!.body)).toMatchObject({
      topic: "report.published",
      data: { project: "jp", periodId: "2026-08", contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it("reminds the manager before the due date in their language, once, and escalates to the PMO after the grace period", async () => {
    const prisma = database().prisma;
    const before = sink.mails.length;
    const today = new Date("2026-12-03T08:00:00Z"); // period 2026-11, due 2026-12-05
    const [a, b] = await Promise.all([runReminderSweep(prisma, today), runReminderSweep(second?.prisma ?? prisma, today)]);
    expect(a).toMatchObject({ periodId: "2026-11", stages: { remind: 2 } });
    expect(a.notified + b.notified).toBe(1);
    expect((await runReminderSweep(prisma, today)).notified).toBe(0);
    await drain(runner(prisma, "worker-a"), runner(second?.prisma ?? prisma, "worker-b"));
    const reminders = sink.mails.slice(before);
    expect(reminders.length).toBe(1);
    expect(reminders[0].subject).toBe("[Lodestone] 铜矿项目：2026-11报告应于2026-12-05提交");
    expect(reminders[0].text).toContain("Wang Manager，您好：");
    expect(reminders[0].text).toContain("http://lodestone.test/projects/jp/reports/new?period=2026-11");
    expect(await prisma.notification.count({ where: { userId: manager.id, kind: "reportReminder" } })).toBe(1);

    const escalation = await runReminderSweep(prisma, new Date("2026-12-09T08:00:00Z"));
    expect(escalation.stages).toEqual({ "escalate-pmo": 2 });
    await drain(runner(prisma, "worker-a"));
    const toPmo = sink.mails.filter((m) => JSON.stringify(m.to).includes(pmo.email));
    expect(toPmo.map((m) => m.subject)).toEqual(["[Lodestone] 2 projects have not reported for 2026-11 (due 2026-12-05)"]);
    const overdue = sink.mails.filter((m) => JSON.stringify(m.to).includes(manager.email) && m.subject?.includes("逾期"));
    expect(overdue.length).toBe(1);
  });
});
