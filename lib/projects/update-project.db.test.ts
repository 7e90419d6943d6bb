import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { getProject } from "./get-project";
import { updateProjectStatus } from "./update-project";

describe.each(testBackends())("updateProjectStatus on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;
  let admin: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "p1", health: "ON_TRACK", stage: "CONSTRUCTION", forecastFinish: { date: "2026-06-01", precision: "MONTH" } }),
        buildProject({ slug: "p2", health: "ON_TRACK" }),
        buildProject({ slug: "load-a" }),
        buildProject({ slug: "load-b" }),
        buildProject({ slug: "load-c" }),
      ],
    });
    manager = await createViewer(prisma, "manager", "Mei Manager");
    admin = await createViewer(prisma, "admin", "Ada Admin");
    for (const slug of ["p1", "load-a", "load-b", "load-c"]) await assignManager(prisma, manager, slug);
  });

  const state = async (slug: string) => {
    const p = await getProject({ slug, viewer: null });
    return {
      version: p!.version,
      stage: p!.stage,
      health: p!.health,
      progressPercent: p!.progressPercent,
      forecastFinish: p!.forecastFinish,
      history: p!.history.length,
    };
  };

  it("saves every changed field in one history entry with before and after", async () => {
    const r = await updateProjectStatus({
      viewer: manager,
      slug: "p1",
      input: {
        version: 1,
        stage: "COMMISSIONING",
        progressPercent: 80,
        forecastFinish: { date: "2026-05-17", precision: "DAY" },
        comment: "Commissioning started",
      },
    });
    expect(r).toEqual({
      ok: true,
      data: expect.objectContaining({
        slug: "p1",
        version: 2,
        stage: "COMMISSIONING",
        health: "ON_TRACK",
        progressPercent: 80,
        forecastFinish: { date: "2026-05-17", precision: "DAY" },
      }),
    });
    const p = await getProject({ slug: "p1", viewer: null });
    const entry = p!.history[0];
    expect(entry).toMatchObject({ origin: "USER", authorName: "Mei Manager", comment: "Commissioning started" });
    expect(entry.changes).toEqual([
      { field: "forecastFinish", before: "2026-06-01|MONTH", after: "2026-05-17|DAY" },
      { field: "progressPercent", before: null, after: "80" },
      { field: "stage", before: "CONSTRUCTION", after: "COMMISSIONING" },
    ]);
  });

  it("requires a comment when health worsens or the forecast slips, and writes nothing without one", async () => {
    const before = await state("p1");
    const worse = await updateProjectStatus({ viewer: manager, slug: "p1", input: { version: before.version, health: "AT_RISK" } });
    expect(worse).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", fields: { comment: { key: "commentHealthWorsens" } } } });
    const slip = await updateProjectStatus({
      viewer: manager,
      slug: "p1",
      input: { version: before.version, forecastFinish: { date: "2026-09-01", precision: "MONTH" } },
    });
    expect(slip).toMatchObject({ ok: false, error: { fields: { comment: { key: "commentFinishSlips" } } } });
    expect(await state("p1")).toEqual(before);
    const better = await updateProjectStatus({
      viewer: manager,
      slug: "p1",
      input: { version: before.version, forecastFinish: { date: "2026-05-01", precision: "DAY" } },
    });
    expect(better.ok).toBe(true);
  });

  it("detects a concurrent edit: the second save of the same version gets CONFLICT with what changed", async () => {
    const { version } = await state("p2");
    const first = await updateProjectStatus({ viewer: admin, slug: "p2", input: { version, stage: "OPERATION" } });
    expect(first.ok).toBe(true);
    const second = await updateProjectStatus({ viewer: admin, slug: "p2", input: { version, progressPercent: 50 } });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe("CONFLICT");
    const details = second.error.details as { current: { version: number; stage: string }; changesSince: { changes: { field: string; after: string }[] }[] };
    expect(details.current).toMatchObject({ version: version + 1, stage: "OPERATION" });
    expect(details.changesSince.map((e) => e.changes)).toEqual([[{ field: "stage", before: "CONSTRUCTION", after: "OPERATION" }]]);
    expect((await state("p2")).progressPercent).toBeNull();
    // The same user saved first (another tab): the panel must not say "someone else" (issue 17.26).
    expect((second.error.details as { changesSince: { byViewer?: boolean }[] }).changesSince.map((e) => e.byViewer)).toEqual([true]);
  });

  it("marks a conflicting change by another user as not the viewer's", async () => {
    const { version } = await state("p1");
    expect((await updateProjectStatus({ viewer: manager, slug: "p1", input: { version, progressPercent: 10 } })).ok).toBe(true);
    const second = await updateProjectStatus({ viewer: admin, slug: "p1", input: { version, progressPercent: 20 } });
    expect(second).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (second.ok) return;
    expect((second.error.details as { changesSince: { byViewer?: boolean }[] }).changesSince.map((e) => e.byViewer)).toEqual([false]);
  });

  it("keeps every acknowledged update under 200 concurrent edits (no lost write)", async () => {
    const prisma = database().prisma;
    const slugs = ["load-a", "load-b", "load-c"];
    const attempts = Array.from({ length: 200 }, (_, i) => i);
    const results = await Promise.all(
      attempts.map(async (i) => {
        const slug = slugs[i % slugs.length];
        const { version } = await prisma.project.findUniqueOrThrow({ where: { slug }, select: { version: true } });
        const r = await updateProjectStatus({ viewer: manager, slug, input: { version, progressPercent: i % 101, comment: `attempt ${i}` } });
        return { slug, i, r };
      }),
    );
    const failures = results.filter((x) => !x.r.ok);
    expect(failures.every((x) => !x.r.ok && ["CONFLICT", "UNAVAILABLE", "BAD_REQUEST"].includes(x.r.error.code))).toBe(true);
    for (const slug of slugs) {
      const ok = results.filter((x) => x.slug === slug && x.r.ok);
      const p = await prisma.project.findUniqueOrThrow({
        where: { slug },
        include: { statusUpdates: { where: { origin: "USER" }, include: { changes: true } } },
      });
      // every acknowledged save is one history entry, and the versions form an unbroken chain
      expect(p.statusUpdates).toHaveLength(ok.length);
      expect(p.version).toBe(1 + ok.length);
      expect(p.statusUpdates.map((u) => u.version).sort((a, b) => a! - b!)).toEqual(ok.map((_, k) => k + 2));
      // the last acknowledged write is what the project holds
      const last = p.statusUpdates.find((u) => u.version === p.version)!;
      expect(last.changes.find((c) => c.field === "progressPercent")?.after ?? String(p.progressPercent)).toBe(String(p.progressPercent));
      const acknowledged = new Set(ok.map((x) => `attempt ${x.i}`));
      expect(new Set(p.statusUpdates.map((u) => u.comment))).toEqual(acknowledged);
    }
    expect(results.filter((x) => x.r.ok).length).toBeGreaterThanOrEqual(3);
  });

  describe("bad input gets a clear error and changes nothing", () => {
    it.each([
      ["an impossible date", { forecastFinish: { date: "2026-02-30", precision: "DAY" } }, "forecastFinish.date"],
      ["a malformed date", { forecastFinish: { date: "30/02/2026", precision: "DAY" } }, "forecastFinish.date"],
      ["progress above 100", { progressPercent: 101 }, "progressPercent"],
      ["negative progress", { progressPercent: -1 }, "progressPercent"],
      ["fractional progress", { progressPercent: 5.5 }, "progressPercent"],
      ["progress as text", { progressPercent: "80" }, "progressPercent"],
      ["an unknown health", { health: "GREAT" }, "health"],
      ["an unknown stage", { stage: "DONE" }, "stage"],
      ["an oversized comment", { stage: "OPERATION", comment: "x".repeat(2001) }, "comment"],
      ["an unknown field", { budget: 5 }, "_"],
      ["a missing version", { version: undefined, stage: "OPERATION" }, "version"],
      ["a version as text", { version: "1", stage: "OPERATION" }, "version"],
    ])("%s", async (_label, patch, field) => {
      const before = await state("p2");
      const r = await updateProjectStatus({ viewer: admin, slug: "p2", input: { version: before.version, ...patch } });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.error.fields ?? {})).toContain(field);
      expect(await state("p2")).toEqual(before);
    });

    it("stores script in a comment as plain text", async () => {
      const { version } = await state("p2");
      const comment = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
      expect((await updateProjectStatus({ viewer: admin, slug: "p2", input: { version, health: "AT_RISK", comment } })).ok).toBe(true);
      expect((await getProject({ slug: "p2", viewer: null }))!.history[0].comment).toBe(comment);
    });

    it("refuses an update that changes nothing", async () => {
      const s = await state("p2");
      const r = await updateProjectStatus({ viewer: admin, slug: "p2", input: { version: s.version, stage: s.stage } });
      expect(r).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      expect(await state("p2")).toEqual(s);
    });

    it("answers an unknown project with NOT_FOUND", async () => {
      expect(await updateProjectStatus({ viewer: admin, slug: "nope", input: { version: 1, stage: "OPERATION" } })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    });
  });
});
