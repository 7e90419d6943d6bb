import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockPathFor } from "../../lib/db/data-dir-lock";
import { ADMIN, createPgliteDb, freePort, MANAGER, MANAGED, ROOT, SECRET, seed, signIn, sleep, startApp, stopApp, type App, type TestDb } from "./harness";

/**
 * What a penetration test of the running production build found (issue 16),
 * each checked against `next start` over real HTTP: sign-in limits on the
 * form and the API keyed on the socket, the atomic per-account throttle, file
 * modes, the listening address, NUL bytes, methods, malformed URLs, exports.
 */
const SLUG = MANAGED[3];

/** A raw HTTP request: fetch cannot send TRACE, and hides nothing we need here. */
function raw(
  app: App,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: app.port, method, path: urlPath, headers: { ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function postSignIn(app: App, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${app.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.origin, ...headers },
    body: JSON.stringify(body),
  });
}

/** Every path under root whose mode lets group or others in. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) found.push(`${(st.mode & 0o777).toString(8)} ${p}`);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
  };
  visit(root);
  return found;
}

/** The no-JavaScript sign-in form: its hidden server-action fields, as a browser would post them. */
async function signInThroughForm(app: App, email: string, password: string): Promise<string> {
  const page = await (await fetch(`${app.origin}/sign-in`)).text();
  const form = new FormData();
  for (const tag of page.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (name)
      form.append(
        name,
        value
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      );
  }
  expect(
    [...form.keys()].some((k) => k.startsWith("$ACTION")),
    "the sign-in page has a server-action form",
  ).toBe(true);
  form.append("email", email);
  form.append("password", password);
  const res = await fetch(`${app.origin}/sign-in`, { method: "POST", headers: { origin: app.origin }, body: form, redirect: "manual" });
  return `${res.status} ${await res.text()}`;
}

describe("hardening (penetration test findings)", () => {
  let db: TestDb;
  let app: App;

  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    await db?.drop();
  });

  it("prepares a seeded embedded database and serves it", async () => {
    db = createPgliteDb();
    await seed(db);
    app = await startApp(db);
  });

  it("6: the embedded database's files are 0600 and its folders 0700 once the app has started", async () => {
    const dataDir = db.target.kind === "pglite" ? db.target.dataDir : "";
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(5);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(openToOthers(lockPathFor(dataDir))).toEqual([]);
  });

  it("8: TRACE and methods a route does not serve are a 405 with Allow and the app's JSON error", async () => {
    for (const [method, urlPath, allow] of [
      ["TRACE", `/api/projects/${SLUG}`, "GET, PATCH, HEAD"],
      ["TRACE", "/projects", "GET, HEAD, POST"],
      ["DELETE", "/api/projects", "GET, HEAD"],
      ["PUT", `/api/projects/${SLUG}`, "GET, PATCH, HEAD"],
    ]) {
      const r = await raw(app, method, urlPath);
      expect(r.status, `${method} ${urlPath}: ${r.text}`).toBe(405);
      expect(r.headers.allow).toBe(allow);
      expect(r.headers["content-type"]).toContain("application/json");
      expect(JSON.parse(r.text).error.code).toBe("METHOD_NOT_ALLOWED");
    }
  });

  it("8: a page URL with a malformed percent-encoding is the app's not-found page; on the API a 400 JSON error", async () => {
    const page = await raw(app, "GET", "/projects/%E0%A4%A");
    expect(page.status).toBe(404);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.text).toContain("<html");
    const api = await raw(app, "GET", "/api/projects/%E0%A4%A");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.text).error.code).toBe("BAD_REQUEST");
  });

  it("8, 9: NUL bytes, control characters, invisible and bidi-only text are validation errors; an export with one never starts", async () => {
    const cookie = await signIn(app, MANAGER);
    const send = (method: string, urlPath: string, body: unknown, contentType = "application/json") =>
      fetch(`${app.origin}${urlPath}`, { method, headers: { cookie, origin: app.origin, "content-type": contentType }, body: JSON.stringify(body) });
    const project = (await (await fetch(`${app.origin}/api/projects/${SLUG}`, { headers: { cookie } })).json()) as { version: number };
    for (const [method, urlPath, body, field] of [
      ["PATCH", `/api/projects/${SLUG}`, { version: project.version, nameEn: "Mine\u0000" }, "nameEn"],
      ["PATCH", `/api/projects/${SLUG}`, { version: project.version, comment: "a\u0007b", progressPercent: 5 }, "comment"],
      ["POST", `/api/projects/${SLUG}/milestones`, { title: "\u200B\u200B" }, "title"],
      ["POST", `/api/projects/${SLUG}/milestones`, { title: "\u202E\u2066" }, "title"],
      ["POST", "/api/views", { name: "view\u0000" }, "name"],
    ] as const) {
      const res = await send(method, urlPath, body);
      const json = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
      expect(res.status, `${method} ${urlPath} ${JSON.stringify(body)}`).toBe(400);
      expect(json.error.fields?.[field]).toBeTruthy();
    }
    // the media type is parsed: JSON under text/plain is refused
    expect((await send("POST", "/api/views", { name: "ok" }, "text/plain; charset=application/json")).status).toBe(400);
    const exported = await fetch(`${app.origin}/api/projects/export?format=csv&q=${encodeURIComponent("cu\u0000")}`, { headers: { cookie } });
    expect(exported.status).toBe(400);
    expect(exported.headers.get("content-type")).toContain("application/json");
    // update-user with a bad display name: a 400 with the app's JSON error, never an empty 500
    for (const name of ["\u0000", "\u202E", "  "]) {
      const res = await send("POST", "/api/auth/update-user", { name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
  });

  it("9: a client's x-request-id is not kept when it does not come from a trusted proxy", async () => {
    const res = await fetch(`${app.origin}/api/health`, { headers: { "x-request-id": "chosen-by-the-client" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("3: of 20 concurrent wrong guesses for one account at most 5 passwords are checked", async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => postSignIn(app, { email: ADMIN.email, password: "wrong-password-123" })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = replies.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("2: one limit per socket address for the API and the form: a spoofed X-Forwarded-For gets no fresh bucket", async () => {
    // 30 attempts a minute from one address (the default); some were spent above
    let status = 0;
    let message = "";
    for (let i = 0; i < 40 && status !== 429; i++) {
      const res = await postSignIn(app, { email: `nobody-${i}@example.com`, password: "wrong-password-123" }, { "x-forwarded-for": `10.7.0.${i}` });
      status = res.status;
      message = ((await res.json()) as { message?: string }).message ?? "";
    }
    expect(status).toBe(429);
    expect(message).toMatch(/from your address/);
    const spoofed = await postSignIn(app, { email: "fresh@example.com", password: "wrong-password-123" }, { "x-forwarded-for": "203.0.113.99" });
    expect(spoofed.status).toBe(429);
    // the sign-in form (a server action) counts in the same bucket
    expect(await signInThroughForm(app, MANAGER.email, MANAGER.password)).toMatch(/Too many sign-in attempts from your address/);
  });

  it("stops cleanly", async () => {
    expect(await stopApp(app)).toEqual({ code: 0, signal: null });
  });
});

describe("behind a trusted proxy", () => {
  let db: TestDb;
  let app: App;

  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    await db?.drop();
  });

  it("prepares a seeded database and serves it behind a proxy on 127.0.0.1", async () => {
    db = createPgliteDb();
    await seed(db);
    app = await startApp(db, { env: { LODESTONE_TRUSTED_PROXIES: "127.0.0.1" } });
  });

  it("4: guesses from one source do not lock the account's owner out, and the right password is not locked", async () => {
    const attacker = { "x-forwarded-for": "198.51.100.1" };
    for (let i = 0; i < 5; i++) expect((await postSignIn(app, { email: ADMIN.email, password: "wrong-password-123" }, attacker)).status).toBe(401);
    const delayed = await postSignIn(app, { email: ADMIN.email, password: "wrong-password-123" }, attacker);
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    // the admin, from their own address, signs in at once
    expect((await postSignIn(app, ADMIN, { "x-forwarded-for": "192.0.2.10" })).status).toBe(200);
  });

  it("9: keeps the proxy's x-request-id", async () => {
    const res = await fetch(`${app.origin}/api/health`, { headers: { "x-request-id": "lb-0123" } });
    expect(res.headers.get("x-request-id")).toBe("lb-0123");
  });

  // 9, export slots: lib/exports/export-route.db.test.ts (an export of the 23 seeded projects ends too fast to overlap reliably over HTTP).

  it("stops cleanly", async () => {
    expect(await stopApp(app)).toEqual({ code: 0, signal: null });
  });
});

describe("7: the listening address", () => {
  it("npm start listens on localhost only unless HOSTNAME says otherwise", async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    const db = createPgliteDb();
    await seed(db);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      BETTER_AUTH_SECRET: SECRET,
      LOG_LEVEL: "warn",
      ...db.env,
    };
    const proc = spawn(process.execPath, ["scripts/start.mjs", "--no-seed", "--no-build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const s = net.connect({ host, port }, () => (s.destroy(), resolve(true)));
        s.on("error", () => resolve(false));
      });
    try {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && !(await reachable("127.0.0.1"))) await sleep(300);
      expect(await reachable("127.0.0.1")).toBe(true);
      if (external) expect(await reachable(external), `listening on ${external}`).toBe(false);
    } finally {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
      await db.drop();
    }
  });
});
