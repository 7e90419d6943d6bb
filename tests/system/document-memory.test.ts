import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";
import { createPostgresDb, MANAGED, MANAGER, seed, signIn, startApp, stopApp, type App, type TestDb } from "./harness";

/**
 * The document bench (npm run bench:documents): a 25 MB upload and its
 * download through the production server, sampling the server's resident
 * memory every 20 ms. Streaming in and out must keep its growth under 50 MB
 * (a buffered 25 MB file would cost at least its size, usually several times).
 */
const SIZE = 25 * 1024 * 1024;
const LIMIT_MB = 50;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function sampled<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; baseline: number; peak: number }> {
  const baseline = rssMb(pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, rssMb(pid));
    return { result, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

/** SIZE bytes of a "PDF", generated in 1 MB pieces as they are sent (the client never holds the file either). */
function pdfStream(hash: ReturnType<typeof createHash>): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= SIZE) return c.close();
      const piece = new Uint8Array(Math.min(1024 * 1024, SIZE - sent));
      for (let i = 0; i < piece.length; i += 4096) piece[i] = (sent + i) & 0xff;
      if (sent === 0) piece.set(new TextEncoder().encode("%PDF-1.7\n"));
      hash.update(piece);
      sent += piece.length;
      c.enqueue(piece);
    },
  });
}

// On PostgreSQL, the production store: with the embedded PGlite the database itself (its WASM heap,
// which never shrinks) lives in the server process, and its growth would be counted as the app's.
describe.skipIf(!process.env.TEST_DATABASE_URL)("document streaming memory (PostgreSQL)", () => {
  let db: TestDb;
  let app: App;

  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    await db?.drop();
  });

  it(`uploads and downloads ${SIZE / 2 ** 20} MB with the server's memory growing less than ${LIMIT_MB} MB`, async () => {
    db = await createPostgresDb(process.env.TEST_DATABASE_URL!);
    await seed(db);
    app = await startApp(db);
    const cookie = await signIn(app, MANAGER);
    const pid = app.proc.pid!;
    const upload = (body: ReadableStream<Uint8Array> | Uint8Array, name: string) =>
      fetch(`${app.origin}/api/projects/${MANAGED[0]}/documents?fileName=${name}`, {
        method: "POST",
        headers: { cookie, origin: app.origin, "content-type": "application/octet-stream" },
        body,
        duplex: "half",
      } as RequestInit);

    // Warm up the routes (first compile of the handlers, the database's caches) with a small file.
    const warm = await upload(new TextEncoder().encode("%PDF-1.7\nwarm-up"), "warm.pdf");
    expect(warm.status, await warm.clone().text()).toBe(201);
    await (await fetch(`${app.origin}/api/documents/${((await warm.json()) as { versionId: string }).versionId}`, { headers: { cookie } })).arrayBuffer();

    const sent = createHash("sha256");
    const up = await sampled(pid, async () => {
      const res = await upload(pdfStream(sent), "big.pdf");
      return {
        status: res.status,
        csp: res.headers.get("content-security-policy"),
        requestId: res.headers.get("x-request-id"),
        body: (await res.json()) as { versionId: string; sha256: string; size: number },
      };
    });
    expect(up.result.status, JSON.stringify(up.result.body)).toBe(201);
    expect(up.result.body).toMatchObject({ size: SIZE, sha256: sent.digest("hex") });
    // The route bypasses proxy.ts (which would cut the body at 10 MB) and sets the proxy's API headers itself.
    expect(up.result.csp).toBe(API_CONTENT_SECURITY_POLICY);
    expect(up.result.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const down = await sampled(pid, async () => {
      const res = await fetch(`${app.origin}/api/documents/${up.result.body.versionId}`, { headers: { cookie } });
      const hash = createHash("sha256");
      let size = 0;
      for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(part);
        size += part.length;
      }
      return { status: res.status, size, sha256: hash.digest("hex") };
    });
    expect(down.result).toEqual({ status: 200, size: SIZE, sha256: up.result.body.sha256 });

    const upGrowth = up.peak - up.baseline;
    const downGrowth = down.peak - down.baseline;
    console.log(
      `documents bench: ${SIZE / 2 ** 20} MB upload: server RSS ${up.baseline.toFixed(0)} → peak ${up.peak.toFixed(0)} MB (+${upGrowth.toFixed(1)} MB); download: ${down.baseline.toFixed(0)} → peak ${down.peak.toFixed(0)} MB (+${downGrowth.toFixed(1)} MB)`,
    );
    expect(upGrowth).toBeLessThan(LIMIT_MB);
    expect(downGrowth).toBeLessThan(LIMIT_MB);
  });
});
