import { afterAll, describe, expect, it } from "vitest";
import {
  call,
  canRunOwnCluster,
  createPgliteDb,
  createPostgresDb,
  historyProblems,
  MANAGED,
  MANAGER,
  projectVersion,
  seed,
  signIn,
  sleep,
  startApp,
  startOwnCluster,
  stopApp,
  withDb,
  type App,
  type OwnCluster,
  type Reply,
  type TestDb,
} from "./harness";

/**
 * A burst of status updates from `workers` concurrent clients, each on its own
 * project and always based on the version it last saw; returns the
 * acknowledged saves (by comment) per project.
 */
function burst(app: App, cookie: string, slugs: string[], versions: Map<string, number>) {
  const acknowledged = new Map(slugs.map((s) => [s, new Set<string>()]));
  const replies: (Reply & { at: number })[] = [];
  let stop = false;
  let n = 0;
  const done = Promise.all(
    slugs.map(async (slug) => {
      while (!stop) {
        const i = n++;
        const comment = `burst ${i}`;
        const r = await call(app, cookie, "PATCH", `/api/projects/${slug}`, { version: versions.get(slug), progressPercent: i % 101, comment }, 20_000);
        replies.push({ ...r, at: Date.now() });
        if (r.status === 200) {
          acknowledged.get(slug)!.add(comment);
          versions.set(slug, (r.body as { version: number }).version);
        } else if (r.status === 409) versions.set(slug, (r.body as { error: { current: { version: number } } }).error.current.version);
        else if (r.status === 0 || r.status === 503) await sleep(100);
      }
    }),
  );
  return {
    acknowledged,
    replies,
    async end() {
      stop = true;
      await done;
    },
  };
}

async function killMidBurst(db: TestDb, label: string) {
  await seed(db);
  let app = await startApp(db);
  const cookie = await signIn(app, MANAGER);
  const versions = new Map<string, number>();
  for (const slug of MANAGED) versions.set(slug, await projectVersion(app, cookie, slug));
  const startVersions = new Map(versions);
  const load = burst(app, cookie, MANAGED, versions);
  // let some saves land, then kill the server without warning
  for (let i = 0; i < 100 && load.replies.filter((r) => r.status === 200).length < 25; i++) await sleep(100);
  app.proc.kill("SIGKILL");
  await load.end();
  expect(await app.exited).toMatchObject({ signal: "SIGKILL" });
  const acked = [...load.acknowledged.values()].reduce((s, x) => s + x.size, 0);
  const cut = load.replies.filter((r) => r.status === 0).length;
  console.log(`${label}: SIGKILL after ${acked} acknowledged updates; ${cut} requests cut off`);
  expect(acked).toBeGreaterThanOrEqual(25);
  expect(load.replies.every((r) => [0, 200, 409].includes(r.status))).toBe(true);

  // restart (on PGlite: the killed process's lock is taken over) and save once more
  app = await startApp(db);
  const cookie2 = await signIn(app, MANAGER);
  const slug = MANAGED[0];
  const v = await projectVersion(app, cookie2, slug);
  const after = await call(app, cookie2, "PATCH", `/api/projects/${slug}`, { version: v, progressPercent: 77, comment: "after restart" });
  expect(after.status).toBe(200);
  load.acknowledged.get(slug)!.add("after restart");
  expect(await stopApp(app)).toEqual({ code: 0, signal: null });

  await withDb(db, async (d) => {
    expect(await historyProblems(d, { startVersions, acknowledged: load.acknowledged })).toEqual([]);
  });
}

describe("SIGKILL in the middle of a burst of updates", () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it("embedded database: every acknowledged update is stored with its history, none half-written", async () => {
    const db = createPgliteDb();
    dbs.push(db);
    await killMidBurst(db, "PGlite");
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL: every acknowledged update is stored with its history, none half-written", async () => {
    const db = await createPostgresDb(process.env.TEST_DATABASE_URL!);
    dbs.push(db);
    await killMidBurst(db, "PostgreSQL");
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL || !canRunOwnCluster())("PostgreSQL restarting under load", () => {
  let cluster: OwnCluster | undefined;
  let app: App | undefined;
  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    cluster?.destroy();
  });

  it("answers 503 UNAVAILABLE while the server is down, recovers after, and loses nothing acknowledged", async () => {
    cluster = startOwnCluster(55461);
    const db = await createPostgresDb(cluster.url);
    await seed(db);
    app = await startApp(db);
    const cookie = await signIn(app, MANAGER);
    const versions = new Map<string, number>();
    for (const slug of MANAGED) versions.set(slug, await projectVersion(app, cookie, slug));
    const startVersions = new Map(versions);
    const load = burst(app, cookie, MANAGED, versions);
    const reads: Reply[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        reads.push(await call(app, cookie, "GET", `/api/projects?pageSize=10`, undefined, 20_000));
        await sleep(50);
      }
    })();

    await sleep(1_500);
    const downAt = Date.now();
    cluster.stop();
    await sleep(3_000);
    const ready = await call(app, "", "GET", "/api/ready");
    cluster.start();
    const upAt = Date.now();
    // recovered: saves succeed again
    for (let i = 0; i < 150 && !load.replies.some((r) => r.status === 200 && r.at > upAt + 500); i++) await sleep(100);
    await sleep(1_000);
    reading = false;
    await Promise.all([load.end(), reader]);

    const all = [...load.replies, ...reads];
    const count = (s: number) => all.filter((r) => r.status === s).length;
    console.log(
      `PostgreSQL restart under load: ${all.length} requests, ${count(200)} ok, ${count(409)} conflicts, ${count(503)} × 503, ${count(500)} × 500, ${count(0)} without answer; slowest ${Math.max(...all.map((r) => r.ms))} ms; outage ${upAt - downAt} ms`,
    );
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ready: false, database: "unreachable" });
    expect(all.filter((r) => ![200, 409, 503].includes(r.status)).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    expect(count(503)).toBeGreaterThan(0);
    for (const r of all.filter((x) => x.status === 503)) expect(r.body).toMatchObject({ error: { code: "UNAVAILABLE" } });
    // no request hung: each answered within the connect timeout plus the transaction wait
    expect(Math.max(...all.map((r) => r.ms))).toBeLessThan(15_000);
    expect(load.replies.some((r) => r.status === 200 && r.at > upAt)).toBe(true);
    expect((await call(app, "", "GET", "/api/ready")).status).toBe(200);

    expect(await stopApp(app)).toEqual({ code: 0, signal: null });
    app = undefined;
    await withDb(db, async (d) => {
      expect(await historyProblems(d, { startVersions, acknowledged: load.acknowledged })).toEqual([]);
    });
  });
});
