import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import type { PrismaClient } from "../db/generated/client";
import { MAX_INFLATED_BYTES } from "../sheets/zip-guard";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import { createWebhookEndpoint } from "../webhooks/webhook-endpoints";
import { importRequest } from "./import-route";
import { zipOf } from "@/lib/test/zip-fixture";

/**
 * The bad files of issue 19, each through the import's HTTP edge in apply
 * mode as an admin: not a spreadsheet, a zip bomb (declared and lying), a
 * sheet of 100,000 empty rows, formulas, a 30 MB body. Each gets its clear
 * error (a message key the page shows) and nothing is written: no project,
 * milestone, history, audit entry or webhook event. Every file but the bomb
 * and the junk carries a valid row, so a check that let it through would write.
 */
const VALID_PROJECT = ["bad-file-a", "Bad File A", "MMG", "OWNED_ASSET", "BASE_METALS", "DESIGN"];
const HEADERS = ["Key", "Name (English)", "Unit", "Kind", "Business line", "Stage"];

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Projects");
  ws.addRow(HEADERS);
  build(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function written(prisma: PrismaClient) {
  const [projects, milestones, history, audits, events] = await Promise.all([
    prisma.project.count(),
    prisma.milestone.count(),
    prisma.statusUpdate.count(),
    prisma.auditEntry.count(),
    prisma.outboxMessage.count(),
  ]);
  return { projects, milestones, history, audits, events };
}

describe.each(testBackends())("bad import files on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;

  const post = (fileName: string, bytes: Uint8Array) =>
    importRequest(
      new Request(`http://localhost/api/admin/import?kind=portfolio&mode=apply&fileName=${encodeURIComponent(fileName)}`, {
        method: "POST",
        headers: { origin: "http://localhost", "content-type": "application/octet-stream", "content-length": String(bytes.length) },
        body: bytes as BodyInit,
      }),
      admin,
    );

  beforeAll(async () => {
    const prisma = database().prisma;
    admin = await createViewer(prisma, "admin", "Ada Admin");
    // a subscription, so that an import that got through would also leave webhook events
    expect(await createWebhookEndpoint({ viewer: admin, input: { url: "http://127.0.0.1:9/never", kinds: [] } })).toMatchObject({ ok: true });
  });

  it("a valid file applies (the control: the same request writes when the file is good)", async () => {
    const prisma = database().prisma;
    const before = await written(prisma);
    const res = await post("good.xlsx", await xlsx((ws) => ws.addRow(["bad-file-control", "Control", "MMG", "OWNED_ASSET", "BASE_METALS", "DESIGN"])));
    expect(res.status).toBe(200);
    expect((await written(prisma)).projects).toBe(before.projects + 1);
  });

  const cases: [label: string, file: () => Promise<{ name: string; bytes: Uint8Array }>, status: number, key: string | null][] = [
    [
      "not a spreadsheet (a PDF named .xlsx)",
      async () => ({ name: "report.xlsx", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n") }),
      400,
      "unreadableFile",
    ],
    [
      "not a spreadsheet (a .docx-like zip without sheets)",
      async () => ({ name: "memo.xlsx", bytes: zipOf([{ name: "word/document.xml", data: deflateRawSync(Buffer.from("<w/>")), method: 8, declared: 4 }]) }),
      400,
      "unreadableFile",
    ],
    [
      "a file type the import does not take",
      async () => ({ name: "portfolio.txt", bytes: new TextEncoder().encode("Key,Name\na,A\n") }),
      400,
      "unsupportedFile",
    ],
    [
      "a zip bomb declaring more than the cap",
      async () => ({
        name: "bomb.xlsx",
        bytes: zipOf([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(Buffer.alloc(1000)), method: 8, declared: MAX_INFLATED_BYTES + 1 }]),
      }),
      400,
      "inflatesTooLarge",
    ],
    [
      "a zip bomb whose header understates what it inflates to",
      async () => ({
        name: "bomb.xlsx",
        bytes: zipOf([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(Buffer.alloc(16 * 1024 * 1024)), method: 8, declared: 100 }]),
      }),
      400,
      "inflatesTooLarge",
    ],
    [
      "100,000 empty (formatted) rows below a valid one",
      async () => ({
        name: "empty-rows.xlsx",
        bytes: await xlsx((ws) => {
          ws.addRow(VALID_PROJECT);
          for (let r = 3; r <= 100_003; r += 1) ws.getRow(r).getCell(1).numFmt = "@";
        }),
      }),
      400,
      "tooManyRows",
    ],
    [
      "a formula beside a valid row",
      async () => ({
        name: "formulas.xlsx",
        bytes: await xlsx((ws) => {
          ws.addRow(VALID_PROJECT);
          ws.addRow(["bad-file-b", { formula: 'CONCAT("Bad ","B")', result: "Bad B" }, "MMG", "OWNED_ASSET", "BASE_METALS", "DESIGN"]);
        }),
      }),
      400,
      "formulas",
    ],
    ["a 30 MB file", async () => ({ name: "huge.csv", bytes: new Uint8Array(30 * 1024 * 1024).fill(0x61) }), 413, null],
  ];

  it.each(cases)("%s: a clear error, nothing written", async (_label, make, status, key) => {
    const prisma = database().prisma;
    const before = await written(prisma);
    const file = await make();
    const res = await post(file.name, file.bytes);
    const body = (await res.json()) as { error: { code: string; message: string; key?: string; details?: { key?: string } } };
    expect(res.status).toBe(status);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (key) expect(body.error.key ?? body.error.details?.key).toBe(key);
    if (key === "formulas") expect(JSON.stringify(body)).toContain("Projects!B3");
    expect(await written(prisma)).toEqual(before);
  });
});
