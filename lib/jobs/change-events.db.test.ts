import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record-audit";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import type { PrismaClient } from "../db/generated/client";
import { recordChange } from "../history/record-change";
import { createMilestone } from "../milestones/milestone-mutations";
import { moveProjectsToUnit } from "../org/org-mutations";
import { updateProjectStatus } from "../projects/update-project";
import { ensureRiskAndGateReferenceData } from "../risks/ensure-reference-data";
import { createRisk } from "../risks/risk-mutations";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { createViewer } from "../test/viewers";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, setWebhookActive } from "../webhooks/webhook-endpoints";
import { webhookChannel } from "./channels/webhook";
import { runOnce } from "./runner";
import { topicMatches } from "./webhook-events";

/**
 * Change webhooks: every audited change and every history entry writes its
 * event in the change's own transaction (a rolled-back change has none), one
 * per changed record, filtered by kind, delivered signed by the one runner to
 * a real receiver on loopback, retried with backoff after a 500.
 */
describe.each(testBackends())("change webhooks on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let riskOnly: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let allId: string;
  let riskId: string;

  const events = (prisma: PrismaClient, endpointId: string) =>
    prisma.outboxMessage.findMany({ where: { channel: "webhook", payload: { path: ["endpointId"], equals: endpointId } }, orderBy: { createdAt: "asc" } });
  async function drainAll(prisma: PrismaClient) {
    const opts = { prisma, workerId: "test", handlers: { webhook: webhookChannel({ prisma }) }, baseBackoffMs: 200, maxBackoffMs: 1_000 };
    for (let i = 0; i < 100 && (await prisma.outboxMessage.count({ where: { state: "PENDING" } })); i++) {
      await runOnce(opts);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const version = async (slug: string) => (await database().prisma.project.findUniqueOrThrow({ where: { slug } })).version;

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    await loadPortfolio(prisma, { projects: ["a", "b", "c", "d"].map((s) => buildProject({ slug: `p-${s}`, orgUnit: "MMG" })) });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    // two subscriptions made through the admin path; each secret is shown once, here
    const all = await createWebhookEndpoint({ viewer: admin, input: { url: "http://127.0.0.1:9/placeholder", kinds: [] } });
    const risk = await createWebhookEndpoint({ viewer: admin, input: { url: "http://127.0.0.1:9/placeholder", kinds: ["risk"] } });
    if (!all.ok || !risk.ok) throw new Error("setup");
    receiver = await startWebhookReceiver(all.data.secret);
    riskOnly = await startWebhookReceiver(risk.data.secret);
    allId = all.data.endpoint.id;
    riskId = risk.data.endpoint.id;
    await prisma.webhookEndpoint.update({ where: { id: allId }, data: { url: receiver.url } });
    await prisma.webhookEndpoint.update({ where: { id: riskId }, data: { url: riskOnly.url } });
    await prisma.outboxMessage.deleteMany();
  });
  afterAll(async () => {
    await receiver?.close();
    await riskOnly?.close();
  });

  it("matches filters by kind or exact topic", () => {
    expect(topicMatches([], "risk.create")).toBe(true);
    expect(topicMatches(["risk"], "risk.action.update")).toBe(true);
    expect(topicMatches(["risk"], "riskmatrix.create")).toBe(false);
    expect(topicMatches(["report.published"], "report.publish")).toBe(false);
    expect(topicMatches(["report.published"], "report.published")).toBe(true);
  });

  it("writes one event per change in the change's transaction, to the subscriptions whose kinds take it", async () => {
    const prisma = database().prisma;
    expect(
      await updateProjectStatus({ viewer: admin, slug: "p-a", input: { version: await version("p-a"), health: "AT_RISK", comment: "watch" } }),
    ).toMatchObject({ ok: true });
    expect(await createMilestone({ viewer: admin, slug: "p-a", input: { title: "First ore" } })).toMatchObject({ ok: true });
    expect(await createRisk({ viewer: admin, slug: "p-a", input: { titleEn: "Slope failure", category: "SAFETY" } })).toMatchObject({ ok: true });
    const toAll = await events(prisma, allId);
    expect(toAll.map((m) => m.topic)).toEqual(["project.change", "milestone.change", "risk.create"]);
    const toRisk = await events(prisma, riskId);
    expect(toRisk.map((m) => m.topic)).toEqual(["risk.create"]);
    const change = (toAll[0].payload as { event: { data: Record<string, unknown> } }).event.data;
    expect(change).toMatchObject({
      kind: "project",
      project: "p-a",
      comment: "watch",
      actor: { id: admin.id, name: "Ada Admin" },
      changes: [{ field: "health", before: "ON_TRACK", after: "AT_RISK" }],
    });
    // the same event id goes to both subscribers of the risk
    const id = (m: { payload: unknown }) => (m.payload as { event: { id: string } }).event.id;
    expect(id(toRisk[0])).toBe(id(toAll[2]));
  });

  it("a rolled-back change leaves no event", async () => {
    const prisma = database().prisma;
    const before = await prisma.outboxMessage.count();
    const project = await prisma.project.findUniqueOrThrow({ where: { slug: "p-b" } });
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, admin, { action: "risk.create", entityType: "risk", entityId: "x", after: { titleEn: "never" } });
        await recordChange(tx, {
          projectId: project.id,
          viewer: admin,
          comment: "never",
          version: 2,
          changes: [{ field: "health", before: "ON_TRACK", after: "OFF_TRACK" }],
        });
        expect(await tx.outboxMessage.count()).toBe(before + 3);
        throw new Error("the change fails after its audit entry");
      }),
    ).rejects.toThrow("the change fails");
    expect(await prisma.outboxMessage.count()).toBe(before);
    // and a mutation refused on a stale version writes none either
    const stale = await updateProjectStatus({ viewer: admin, slug: "p-b", input: { version: 999, health: "OFF_TRACK" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.outboxMessage.count()).toBe(before);
  });

  it("a bulk change fires one event per changed record (moving three projects in one mutation)", async () => {
    const prisma = database().prisma;
    await prisma.outboxMessage.deleteMany();
    const r = await moveProjectsToUnit({ viewer: admin, input: { slugs: ["p-b", "p-c", "p-d"], toCode: "MCC", reason: "Reorganization" } });
    expect(r).toMatchObject({ ok: true, data: { moved: 3 } });
    const moved = await events(prisma, allId);
    expect(moved.length).toBe(3);
    expect(
      moved
        .map((m) => (m.payload as { event: { topic: string; data: { entityId: string; after: unknown } } }).event)
        .map((e) => [e.topic, e.data.entityId, e.data.after]),
    ).toEqual(
      expect.arrayContaining([
        ["project.org.move", "p-b", { orgUnit: "MCC" }],
        ["project.org.move", "p-c", { orgUnit: "MCC" }],
        ["project.org.move", "p-d", { orgUnit: "MCC" }],
      ]),
    );
    expect(await events(prisma, riskId)).toEqual([]);
  });

  it("delivers signed, retries a receiver answering 500 with backoff, logs every try", async () => {
    const prisma = database().prisma;
    // the three move events first, then one change whose receiver answers 500 twice
    await drainAll(prisma);
    const delivered = receiver.received.length;
    expect(delivered).toBe(3);
    receiver.failNext(2, 500);
    expect(await updateProjectStatus({ viewer: admin, slug: "p-a", input: { version: await version("p-a"), progressPercent: 40 } })).toMatchObject({
      ok: true,
    });
    const started = Date.now();
    await drainAll(prisma);
    expect(await prisma.outboxMessage.count({ where: { state: { not: "SENT" } } })).toBe(0);
    const tries = receiver.received.slice(delivered);
    expect(tries.map((h) => h.status)).toEqual([500, 500, 204]);
    expect(receiver.received.every((h) => h.signatureValid)).toBe(true);
    expect(new Set(tries.map((h) => h.headers["x-lodestone-delivery"])).size).toBe(1);
    const first = await prisma.outboxMessage.findFirstOrThrow({
      where: { topic: "project.change", state: "SENT", attempts: 3 },
      include: { attemptsLog: { orderBy: { at: "asc" } } },
    });
    expect(first.attemptsLog.map((a) => [a.ok, a.status])).toEqual([
      [false, 500],
      [false, 500],
      [true, 204],
    ]);
    // the tries were spaced by the backoff (200 ms, then 400 ms)
    const gaps = first.attemptsLog.slice(1).map((a, i) => a.at.getTime() - first.attemptsLog[i].at.getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(190);
    expect(gaps[1]).toBeGreaterThanOrEqual(390);
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    const moves = receiver.received
      .slice(0, delivered)
      .map((h) => JSON.parse(h.body) as { id: string; topic: string; data: { kind: string; entityId: string } });
    expect(moves.map((b) => [b.topic, b.data.kind, b.data.entityId]).sort()).toEqual([
      ["project.org.move", "project", "p-b"],
      ["project.org.move", "project", "p-c"],
      ["project.org.move", "project", "p-d"],
    ]);
    expect(JSON.parse(tries[2].body)).toMatchObject({
      topic: "project.change",
      data: { project: "p-a", changes: [{ field: "progressPercent", after: "40" }] },
    });
    expect(tries[2].headers["x-lodestone-event"]).toBe("project.change");
  });

  it("pauses, resumes and deletes subscriptions, audited, never listing a secret", async () => {
    const prisma = database().prisma;
    const listed = JSON.stringify(await listWebhookEndpoints({ viewer: admin }));
    const secrets = (await prisma.webhookEndpoint.findMany()).map((e) => e.secret);
    for (const s of secrets) expect(listed).not.toContain(s);
    expect(JSON.stringify(await prisma.auditEntry.findMany({ where: { entityType: "WebhookEndpoint" } }))).not.toContain(secrets[0]);
    const [toRiskBefore, toAllBefore] = [(await events(prisma, riskId)).length, (await events(prisma, allId)).length];
    expect(await setWebhookActive({ viewer: admin, input: { id: riskId, active: false } })).toMatchObject({ ok: true, data: { endpoint: { active: false } } });
    expect(await createRisk({ viewer: admin, slug: "p-a", input: { titleEn: "Flood", category: "SAFETY" } })).toMatchObject({ ok: true });
    // the paused subscription got nothing; the other one got the risk (and the pause's own audit event)
    expect((await events(prisma, riskId)).length).toBe(toRiskBefore);
    expect((await events(prisma, allId)).slice(toAllBefore).map((m) => m.topic)).toEqual(["webhook.pause", "risk.create"]);
    expect(await deleteWebhookEndpoint({ viewer: admin, input: { id: riskId } })).toMatchObject({ ok: true });
    expect((await prisma.auditEntry.findMany({ where: { entityId: riskId }, orderBy: { at: "asc" } })).map((a) => a.action)).toEqual([
      "webhook.create",
      "webhook.pause",
      "webhook.delete",
    ]);
    const staff = await createViewer(prisma, "pmo", "Not admin");
    expect(await createWebhookEndpoint({ viewer: staff, input: { url: "https://example.test/hook", kinds: [] } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    for (const url of ["ftp://example.test/x", "javascript:alert(1)", "https://user:pw@example.test/", "not a url"])
      expect(await createWebhookEndpoint({ viewer: admin, input: { url, kinds: [] } }), url).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await createWebhookEndpoint({ viewer: admin, input: { url: "https://example.test/", kinds: ["bogus"] } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });
});
