import { afterAll, describe, expect, it } from "vitest";
import { processTree } from "../../scripts/bench/processes";
import {
  call,
  createPostgresDb,
  historyProblems,
  MANAGED,
  MANAGER,
  projectVersion,
  seed,
  signIn,
  startProd,
  stopApp,
  withDb,
  type App,
  type TestDb,
} from "./harness";

/**
 * Two instances of the production build (`npm run start:prod`) on two ports,
 * one PostgreSQL database, started at the same moment on an empty database.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two app instances on one PostgreSQL database", () => {
  let db: TestDb & { url: string };
  let a: App;
  let b: App;
  let cookie: string;
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((app) => stopApp(app)));
    await db?.drop();
  });

  it("start at once on an empty database and apply each migration once", async () => {
    db = await createPostgresDb(process.env.TEST_DATABASE_URL!);
    let rowsTotal = 0;
    [a, b] = await Promise.all([startProd(db), startProd(db)]);
    await withDb(db, async (d) => {
      const rows = await d.prisma.$queryRawUnsafe<{ migration_name: string; n: number }[]>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      rowsTotal = rows.length;
    });
    // between them the two printed every migration once (each applies only what it finds pending, under the engine's advisory lock)
    const applied = [a, b].flatMap((app) => app.lines.filter((l) => l.startsWith("Applied migrations: ")).flatMap((l) => l.slice(20).split(", ")));
    expect(applied.length).toBe(rowsTotal);
    expect(new Set(applied).size).toBe(applied.length);
    await seed(db, { migrate: false });
  });

  it("keep only a plain-Node wrapper beside the server: the preparing process (data layer, TypeScript loader) has exited", () => {
    for (const app of [a, b]) {
      const tree = processTree(app.proc.pid!);
      const commands = tree.map((p) => p.command);
      expect(commands[0]).toMatch(/scripts\/start\.mjs/);
      expect(commands.some((c) => /next-server|next\/dist\/bin\/next/.test(c))).toBe(true);
      expect(commands.filter((c) => /prepare-start|tsx/.test(c))).toEqual([]);
    }
  });

  it("a session made on one instance works on the other", async () => {
    cookie = await signIn(a, MANAGER);
    const onB = await call(b, cookie, "GET", "/api/auth/get-session");
    expect(onB.status).toBe(200);
    expect((onB.body as { user: { email: string } }).user.email).toBe(MANAGER.email);
    expect((await call(b, cookie, "GET", "/api/views")).status).toBe(200);
    expect((await call(b, "", "GET", "/api/views")).status).toBe(401);
  });

  it("an update on one is visible on the other at once", async () => {
    const slug = MANAGED[0];
    const version = await projectVersion(b, cookie, slug);
    const saved = await call(a, cookie, "PATCH", `/api/projects/${slug}`, { version, progressPercent: 42, comment: "seen on B?" });
    expect(saved.status).toBe(200);
    const onB = await call(b, cookie, "GET", `/api/projects/${slug}`);
    expect(onB.body).toMatchObject({ version: version + 1, progressPercent: 42 });
  });

  it("concurrent edits through both instances lose no update", async () => {
    const slugs = MANAGED.slice(1, 3);
    const startVersions = new Map<string, number>();
    for (const slug of slugs) startVersions.set(slug, await projectVersion(a, cookie, slug));
    const acknowledged = new Map(slugs.map((s) => [s, new Set<string>()]));
    const statuses: number[] = [];
    // 100 edits, 10 at a time, alternating instances; a third of them based on a stale version
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, k) => {
          const i = round * 10 + k;
          const slug = slugs[i % slugs.length];
          const [readFrom, writeTo] = i % 2 ? [a, b] : [b, a];
          const current = await projectVersion(readFrom, cookie, slug);
          const version = i % 3 === 0 ? Math.max(1, current - 1) : current;
          const comment = `edit ${i}`;
          const r = await call(writeTo, cookie, "PATCH", `/api/projects/${slug}`, { version, progressPercent: i % 101, comment });
          statuses.push(r.status);
          if (r.status === 200) acknowledged.get(slug)!.add(comment);
        }),
      );
    }
    const acks = statuses.filter((s) => s === 200).length;
    expect(
      statuses.every((s) => s === 200 || s === 409),
      statuses.join(","),
    ).toBe(true);
    expect(acks).toBeGreaterThan(10);
    console.log(`multi-instance: 100 concurrent edits through 2 instances → ${acks} saved, ${statuses.filter((s) => s === 409).length} conflicts`);
    await withDb(db, async (d) => {
      expect(await historyProblems(d, { startVersions, acknowledged })).toEqual([]);
      // acknowledged saves == history entries == version steps
      for (const slug of slugs) {
        const p = await d.prisma.project.findUniqueOrThrow({ where: { slug } });
        expect(p.version - startVersions.get(slug)!).toBe(acknowledged.get(slug)!.size);
      }
    });
  });
});
