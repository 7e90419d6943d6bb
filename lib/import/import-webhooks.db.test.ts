import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import type { PrismaClient } from "../db/generated/client";
import { webhookChannel } from "../jobs/channels/webhook";
import { runOnce } from "../jobs/runner";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import { startWebhookReceiver } from "../test/webhook-receiver";
import { createWebhookEndpoint } from "../webhooks/webhook-endpoints";
import { runImport } from "./run-import";

/**
 * A bulk import fires one webhook event per changed record (issue 19): an
 * XLSX goes through the import as the endpoint takes it (reader, dry run,
 * apply), the runner delivers the events signed to a real receiver on
 * loopback, and unchanged rows, a dry run and the same file again fire none.
 */
type Event = { id: string; topic: string; data: { entityType: string; entityId: string; reason: string } };

const PROJECT_HEADERS = ["Key", "Name (English)", "Unit", "Kind", "Business line", "Stage", "Country"];
const MILESTONE_HEADERS = ["Project key", "Milestone key", "Title (English)", "State", "Forecast", "Forecast precision"];

async function workbook(projects: unknown[][], milestones: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Projects").addRows([PROJECT_HEADERS, ...projects]);
  wb.addWorksheet("Milestones").addRows([MILESTONE_HEADERS, ...milestones]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const project = (key: string, stage = "FEASIBILITY") => [key, `Hooked ${key}`, "MMG", "OWNED_ASSET", "BASE_METALS", stage, "PE"];
const milestone = (projectKey: string, key: string, forecast = "2028-05-01") => [projectKey, key, `Milestone ${key}`, "PLANNED", forecast, "MONTH"];

describe.each(testBackends())("import webhooks on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let endpointId: string;

  const outbox = async (prisma: PrismaClient) =>
    (await prisma.outboxMessage.findMany({ where: { channel: "webhook", payload: { path: ["endpointId"], equals: endpointId } } })).map(
      (m) => (m.payload as unknown as { event: Event }).event,
    );
  async function drain(prisma: PrismaClient) {
    const opts = { prisma, workerId: "test", handlers: { webhook: webhookChannel({ prisma }) }, baseBackoffMs: 200, maxBackoffMs: 1_000 };
    for (let i = 0; i < 100 && (await prisma.outboxMessage.count({ where: { state: "PENDING" } })); i++) {
      await runOnce(opts);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await prisma.outboxMessage.count({ where: { state: { not: "SENT" } } })).toBe(0);
  }
  /** The events the receiver accepted, once each (a delivery retried after a timeout on a loaded machine arrives twice). */
  const delivered = () => [
    ...new Map(
      receiver.received
        .filter((r) => r.signatureValid && r.status === 204)
        .map((r) => JSON.parse(r.body) as Event)
        .map((e) => [e.id, e]),
    ).values(),
  ];
  const apply = async (bytes: Uint8Array, mode: "check" | "apply" = "apply") => {
    const r = await runImport({ viewer: admin, kind: "portfolio", mode, fileName: "portfolio.xlsx", bytes });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data.counts;
  };

  beforeAll(async () => {
    const prisma = database().prisma;
    admin = await createViewer(prisma, "admin", "Ada Admin");
    const created = await createWebhookEndpoint({ viewer: admin, input: { url: "http://127.0.0.1:9/placeholder", kinds: [] } });
    if (!created.ok) throw new Error("setup");
    receiver = await startWebhookReceiver(created.data.secret);
    endpointId = created.data.endpoint.id;
    await prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { url: receiver.url } });
    // the subscription's own creation is an audited change too; the import's events are what is counted here
    await prisma.outboxMessage.deleteMany();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const first = () =>
    workbook(
      [project("hook-a"), project("hook-b"), project("hook-c")],
      ["hook-a", "hook-b", "hook-c"].flatMap((p) => [milestone(p, "fid"), milestone(p, "first-ore")]),
    );
  // hook-b's stage and hook-c/fid's forecast change, hook-c gets a new milestone; the other six rows are as before
  const second = () =>
    workbook(
      [project("hook-a"), project("hook-b", "DESIGN"), project("hook-c")],
      [
        milestone("hook-a", "fid"),
        milestone("hook-a", "first-ore"),
        milestone("hook-b", "fid"),
        milestone("hook-b", "first-ore"),
        milestone("hook-c", "fid", "2029-01-01"),
        milestone("hook-c", "first-ore"),
        milestone("hook-c", "closure"),
      ],
    );

  it("a new file: one event per created record, delivered signed; its dry run fires none", async () => {
    const prisma = database().prisma;
    const bytes = await first();
    expect(await apply(bytes, "check")).toEqual({ create: 9, update: 0, unchanged: 0 });
    expect(await outbox(prisma)).toEqual([]);
    expect(await apply(bytes)).toEqual({ create: 9, update: 0, unchanged: 0 });
    const events = await outbox(prisma);
    const projects = await prisma.project.findMany({ where: { slug: { startsWith: "hook-" } }, select: { id: true } });
    const milestones = await prisma.milestone.findMany({ where: { project: { slug: { startsWith: "hook-" } } }, select: { id: true } });
    expect(events.map((e) => e.data.entityId).sort()).toEqual([...projects, ...milestones].map((r) => r.id).sort());
    expect(events.filter((e) => e.topic === "import.project.create")).toHaveLength(3);
    expect(events.filter((e) => e.topic === "import.milestone.create")).toHaveLength(6);
    expect(new Set(events.map((e) => e.id)).size).toBe(9);
    expect(events.every((e) => e.data.reason === "Imported from portfolio.xlsx by Ada Admin")).toBe(true);

    await drain(prisma);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(
      delivered()
        .map((e) => e.id)
        .sort(),
    ).toEqual(events.map((e) => e.id).sort());
  });

  it("a changed file: one event per changed or added record, none for the unchanged rows; the same file again: none", async () => {
    const prisma = database().prisma;
    await prisma.outboxMessage.deleteMany();
    const bytes = await second();
    expect(await apply(bytes)).toEqual({ create: 1, update: 2, unchanged: 7 });
    const events = await outbox(prisma);
    const b = await prisma.project.findUniqueOrThrow({ where: { slug: "hook-b" }, select: { id: true } });
    const [fid, closure] = await Promise.all(
      ["fid", "closure"].map((key) => prisma.milestone.findFirstOrThrow({ where: { project: { slug: "hook-c" }, externalKey: key }, select: { id: true } })),
    );
    expect(events.map((e) => [e.topic, e.data.entityId]).sort()).toEqual(
      [
        ["import.milestone.create", closure.id],
        ["import.milestone.update", fid.id],
        ["import.project.update", b.id],
      ].sort(),
    );
    await drain(prisma);
    const ids = new Set(events.map((e) => e.id));
    expect(
      delivered()
        .filter((e) => ids.has(e.id))
        .map((e) => e.data.entityId)
        .sort(),
    ).toEqual([b.id, fid.id, closure.id].sort());
    expect(delivered()).toHaveLength(12);

    // the same file once more changes nothing, so nothing is enqueued or delivered
    expect(await apply(bytes)).toEqual({ create: 0, update: 0, unchanged: 10 });
    expect(await outbox(prisma)).toHaveLength(3);
    await drain(prisma);
    expect(delivered()).toHaveLength(12);
  });
});
