import fs from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  call,
  createPgliteDb,
  createPostgresDb,
  jsonLogs,
  MANAGER,
  projectVersion,
  seed,
  signIn,
  sleep,
  startApp,
  stopApp,
  withDb,
  type App,
  type TestDb,
} from "./harness";

/**
 * SIGTERM while requests are in flight: no new connections are accepted, the
 * in-flight requests finish with their real answers, the database closes
 * (no connection left on the server; the PGlite lock released) and the
 * process exits 0.
 */
const SLUG = "chentaigou-iron-mine";

describe.skipIf(!process.env.TEST_DATABASE_URL)("graceful shutdown on PostgreSQL", () => {
  let db: TestDb & { url: string };
  let app: App | undefined;
  const appName = `lodestone-shutdown-${process.pid}`;
  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    await db?.drop();
  });

  it("finishes in-flight requests, refuses new ones, closes the pool and exits 0", async () => {
    db = await createPostgresDb(process.env.TEST_DATABASE_URL!, appName);
    await seed(db);
    app = await startApp(db);
    const cookie = await signIn(app, MANAGER);
    const version = await projectVersion(app, cookie, SLUG);

    // The test's own connections go by another name.
    const testUrl = db.url.replace(appName, "lodestone-test-observer");
    // Hold the project's row so that the updates below wait inside their transactions.
    const holder = new pg.Client({ connectionString: testUrl });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Project" WHERE slug = $1 FOR UPDATE`, [SLUG]);
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      call(app!, cookie, "PATCH", `/api/projects/${SLUG}`, { version, progressPercent: 10 + i, comment: `in flight ${i}` }),
    );
    // Wait until the app's transactions are really blocked on the row.
    const observer = new pg.Client({ connectionString: testUrl });
    await observer.connect();
    const waiting = async () =>
      (await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [appName])).rows[0]
        .n as number;
    for (let i = 0; i < 100 && (await waiting()) < 1; i++) await sleep(100);
    expect(await waiting()).toBeGreaterThanOrEqual(1);

    app.proc.kill("SIGTERM");
    await sleep(500);
    // stopped accepting: a new connection is refused while the others are still running
    const late = await call(app, cookie, "GET", "/api/health");
    expect(late.status).toBe(0);
    expect(app.proc.exitCode).toBeNull();

    await holder.query("COMMIT");
    await holder.end();
    const replies = await Promise.all(inFlight);
    // every in-flight request got its real answer: one save, the rest conflicts on the same version
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);

    const exit = await app.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const left = (await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [appName])).rows[0].n;
    await observer.end();
    expect(left).toBe(0);
    const logs = jsonLogs(app);
    expect(logs.some((l) => l.msg === "stopped: database closed" && l.abandoned === 0)).toBe(true);
    // the acknowledged save is stored with its history
    await withDb(db, async (d) => {
      const p = await d.prisma.project.findUniqueOrThrow({ where: { slug: SLUG }, include: { statusUpdates: { where: { origin: "USER" } } } });
      expect(p.version).toBe(version + 1);
      expect(p.statusUpdates).toHaveLength(1);
    });
    app = undefined;
  });
});

describe("graceful shutdown on the embedded database", () => {
  let db: TestDb;
  afterAll(async () => db?.drop());

  it("closes PGlite and releases the folder's lock, exits 0, and the folder opens again", async () => {
    db = createPgliteDb();
    await seed(db);
    const app = await startApp(db);
    const cookie = await signIn(app, MANAGER);
    const burst = Array.from({ length: 8 }, () => call(app, cookie, "GET", `/api/projects?pageSize=100`));
    await sleep(50);
    app.proc.kill("SIGTERM");
    const replies = await Promise.all(burst);
    // requests that reached the server before the signal were answered; none was cut off
    expect(replies.filter((r) => r.status !== 0).every((r) => r.status === 200)).toBe(true);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(jsonLogs(app).some((l) => l.msg === "stopped: database closed" && l.abandoned === 0)).toBe(true);
    expect(fs.existsSync(`${(db.target as { dataDir: string }).dataDir}.lock`)).toBe(false);
    expect(await withDb(db, (d) => d.prisma.project.count())).toBeGreaterThan(20);
  });
});
