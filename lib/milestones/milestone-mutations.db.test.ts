import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { getProject } from "../projects/get-project";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { createMilestone, updateMilestone } from "./milestone-mutations";

describe.each(testBackends())("milestone mutations on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "mp" })] });
    manager = await createViewer(prisma, "manager", "Mei Manager");
    await assignManager(prisma, manager, "mp");
  });

  it("adds a milestone, marks it achieved and cancels another, each with one history entry", async () => {
    const created = await createMilestone({
      viewer: manager,
      slug: "mp",
      input: {
        title: "First ore",
        baseline: { date: "2026-04-15", precision: "QUARTER" },
        forecast: { date: "2026-05-01", precision: "MONTH" },
        comment: "Planned",
      },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // dates are normalized to the first day of their period
    expect(created.data).toMatchObject({
      title: "First ore",
      state: "PLANNED",
      version: 1,
      baseline: { date: "2026-04-01", precision: "QUARTER" },
      forecast: { date: "2026-05-01", precision: "MONTH" },
      slipDays: 0,
    });

    const achieved = await updateMilestone({
      viewer: manager,
      slug: "mp",
      milestoneId: created.data.id,
      input: { version: 1, state: "ACHIEVED", actual: { date: "2026-05-20", precision: "DAY" } },
    });
    expect(achieved).toMatchObject({ ok: true, data: { state: "ACHIEVED", version: 2, actual: { date: "2026-05-20", precision: "DAY" } } });

    const other = await createMilestone({ viewer: manager, slug: "mp", input: { title: "Second line" } });
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(
      (await updateMilestone({ viewer: manager, slug: "mp", milestoneId: other.data.id, input: { version: 1, state: "CANCELLED", comment: "Scope cut" } })).ok,
    ).toBe(true);

    const p = await getProject({ slug: "mp", viewer: null });
    expect(p!.milestones.map((m) => [m.title, m.state])).toEqual([
      ["First ore", "ACHIEVED"],
      ["Second line", "CANCELLED"],
    ]);
    const fields = p!.history
      .filter((h) => h.origin === "USER")
      .map((h) =>
        h.changes
          .map((c) => c.field)
          .sort()
          .join(","),
      );
    expect(fields).toEqual([
      "milestone.state",
      "milestone.state,milestone.title",
      "milestone.actual,milestone.state",
      "milestone.baseline,milestone.forecast,milestone.state,milestone.title",
    ]);
  });

  it("refuses to mark a milestone achieved without an actual date", async () => {
    const m = await createMilestone({ viewer: manager, slug: "mp", input: { title: "Needs date" } });
    if (!m.ok) throw new Error("setup");
    const r = await updateMilestone({ viewer: manager, slug: "mp", milestoneId: m.data.id, input: { version: 1, state: "ACHIEVED" } });
    expect(r).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", fields: { actual: { key: "enterActualDate" } } } });
    expect((await getProject({ slug: "mp", viewer: null }))!.milestones.find((x) => x.id === m.data.id)!.state).toBe("PLANNED");
  });

  it("requires a comment when a milestone forecast slips, and detects concurrent edits", async () => {
    const m = await createMilestone({ viewer: manager, slug: "mp", input: { title: "Slippy", forecast: { date: "2026-06-01", precision: "MONTH" } } });
    if (!m.ok) throw new Error("setup");
    const noComment = await updateMilestone({
      viewer: manager,
      slug: "mp",
      milestoneId: m.data.id,
      input: { version: 1, forecast: { date: "2026-08-01", precision: "MONTH" } },
    });
    expect(noComment).toMatchObject({ ok: false, error: { fields: { comment: { key: "commentForecastSlips" } } } });
    const first = await updateMilestone({
      viewer: manager,
      slug: "mp",
      milestoneId: m.data.id,
      input: { version: 1, forecast: { date: "2026-08-01", precision: "MONTH" }, comment: "Late delivery" },
    });
    expect(first.ok).toBe(true);
    const stale = await updateMilestone({ viewer: manager, slug: "mp", milestoneId: m.data.id, input: { version: 1, title: "Renamed" } });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", details: { current: { version: 2, forecast: { date: "2026-08-01", precision: "MONTH" } } } },
    });
  });

  it("rejects bad milestone input and changes nothing", async () => {
    const before = (await getProject({ slug: "mp", viewer: null }))!.milestones.length;
    for (const input of [
      { title: "" },
      { title: "x".repeat(301) },
      { title: "Bad date", forecast: { date: "2026-02-31", precision: "DAY" } },
      { title: "Bad precision", forecast: { date: "2026-02-01", precision: "WEEK" } },
      { title: "Bad state", state: "DONE" },
      { title: "Achieved w/o date", state: "ACHIEVED" },
    ]) {
      const r = await createMilestone({ viewer: manager, slug: "mp", input });
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("BAD_REQUEST");
    }
    expect((await getProject({ slug: "mp", viewer: null }))!.milestones.length).toBe(before);
  });
});
