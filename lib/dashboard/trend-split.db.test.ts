import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, portfolioToday } from "../dates/portfolio-day";
import { loadPortfolio } from "../db/seed";
import { HEALTHS } from "../projects/enums";
import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { atDataVersion } from "./data-version";
import { NO_FILTERS, type DashboardFilters } from "./filters";
import { clearDashboardMemo } from "./memo";
import { getHealthTrend, getHealthTrendSplit, TREND_CLOSED_DEPENDS_ON } from "./trend";

/**
 * The trend split into closed months (carried across writes) and today's
 * month (recounted from this month's changes) must always equal the whole
 * query: on a random history, and after each kind of write the dashboard sees.
 */
const AFRICA: DashboardFilters = { region: ["AFRICA"], line: [], org: [], scope: WHOLE_PORTFOLIO };
const BASE_METALS: DashboardFilters = { region: [], line: ["BASE_METALS"], org: [], scope: WHOLE_PORTFOLIO };
const FILTERS = [NO_FILTERS, AFRICA, BASE_METALS];

// A small deterministic generator: the same history on every run.
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe.each(testBackends())("the trend's closed months carried over on %s", (backend) => {
  const database = withTestDatabase(backend);
  const today = portfolioToday();
  const slugs = Array.from({ length: 12 }, (_, i) => `split-${i}`);

  async function recordHealth(slug: string, occurredAt: Date, after: string | null, opts: { before?: string | null; recordedAt?: Date } = {}) {
    const { prisma } = database();
    const project = await prisma.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await prisma.statusUpdate.create({
      data: {
        id: randomUUID(),
        projectId: project.id,
        origin: "USER",
        authorName: "Test author",
        occurredAt,
        recordedAt: opts.recordedAt ?? occurredAt,
        comment: "",
        changes: { create: [{ field: "health", before: opts.before ?? null, after }] },
      },
    });
  }

  /** What the app does on a status update: the project first (its updatedAt), then its history entry, at "now". */
  async function statusUpdate(slug: string, changes: { field: string; before: string | null; after: string | null }[]) {
    const { prisma } = database();
    const now = new Date();
    const data: Record<string, unknown> = { updatedAt: now };
    for (const c of changes) if (c.field === "health" || c.field === "region") data[c.field] = c.after;
    const project = await prisma.project.update({ where: { slug }, data, select: { id: true } });
    await prisma.statusUpdate.create({
      data: { id: randomUUID(), projectId: project.id, origin: "USER", authorName: "Test author", occurredAt: now, comment: "", changes: { create: changes } },
    });
  }

  beforeAll(async () => {
    clearDashboardMemo();
    await loadPortfolio(database().prisma, {
      projects: slugs.map((slug, i) =>
        buildProject({
          slug,
          countryCode: ["CN", "AU", "ZA"][i % 3],
          businessLine: i % 2 ? "BASE_METALS" : "SPECIALTY_METALS",
          health: "ON_TRACK",
          milestones: [],
        }),
      ),
    });
    // About 20 health changes per project over the last 26 months, some this month, some at the same moment, some not a health.
    const next = random(42);
    const start = Date.parse(`${addDays(today, -790)}T00:00:00Z`);
    const end = Date.now() - 60_000;
    for (const slug of slugs)
      for (let k = 0; k < 20; k++) {
        const at = new Date(start + next() * (end - start));
        const roll = next();
        const after = roll < 0.05 ? null : roll < 0.08 ? "UNKNOWN" : HEALTHS[Math.floor(next() * HEALTHS.length)];
        await recordHealth(slug, at, after, { recordedAt: new Date(at.getTime() + Math.floor(next() * 3) * 1000) });
        if (next() < 0.1) await recordHealth(slug, at, HEALTHS[Math.floor(next() * HEALTHS.length)], { recordedAt: new Date(at.getTime() + 5000) });
      }
    // Every project changed this month at least once, most recently just now.
    for (const slug of slugs.slice(0, 4)) await recordHealth(slug, new Date(Date.now() - 30_000), "OFF_TRACK");
  });

  it("equals the whole query for every filter and window", async () => {
    for (const filters of FILTERS)
      for (const months of [1, 2, 3, 24]) {
        expect(await getHealthTrendSplit({ filters, today, months }), `${JSON.stringify(filters.region)} ${months}`).toEqual(
          await getHealthTrend({ filters, today, months }),
        );
      }
  });

  it("equals the whole query on days other than today (month ends, time zone)", async () => {
    for (const day of [addDays(today, -40), addDays(today, -400), `${today.slice(0, 8)}01`])
      expect(await getHealthTrendSplit({ filters: NO_FILTERS, today: day })).toEqual(await getHealthTrend({ filters: NO_FILTERS, today: day }));
  });

  describe("as the dashboard memoizes it", () => {
    let closedComputations = 0;
    const dashboardTrend = (filters: DashboardFilters) =>
      getHealthTrendSplit({
        filters,
        today,
        closed: (compute) =>
          atDataVersion("test-trend-closed", { filters, month: today.slice(0, 7) }, () => (closedComputations++, compute()), {
            keepUnless: TREND_CLOSED_DEPENDS_ON,
          }),
      });
    const expectFresh = async () => {
      for (const filters of FILTERS) expect(await dashboardTrend(filters)).toEqual(await getHealthTrend({ filters, today }));
    };

    it("carries the closed months over a status update and still equals the whole query", async () => {
      await expectFresh();
      const computed = closedComputations;
      await statusUpdate("split-5", [
        { field: "health", before: "ON_TRACK", after: "AT_RISK" },
        { field: "progressPercent", before: null, after: "40" },
      ]);
      await expectFresh();
      expect(closedComputations).toBe(computed); // carried, not recomputed
      await statusUpdate("split-6", [{ field: "stage", before: "FEASIBILITY", after: "CONSTRUCTION" }]);
      await expectFresh();
      expect(closedComputations).toBe(computed);
    });

    it("recomputes them when a project changes region (the filters' months change)", async () => {
      const computed = closedComputations;
      await statusUpdate("split-1", [{ field: "region", before: "ASIA_PACIFIC", after: "AFRICA" }]);
      await expectFresh();
      expect(closedComputations).toBe(computed + FILTERS.length);
    });

    it("recomputes them when a project changes without a history entry of its own (an organization move)", async () => {
      await expectFresh();
      const computed = closedComputations;
      await new Promise((r) => setTimeout(r, 5)); // a later updatedAt than the last entry
      await database().prisma.project.update({ where: { slug: "split-2" }, data: { region: "AFRICA" } });
      await expectFresh();
      expect(closedComputations).toBe(computed + FILTERS.length);
    });
  });
});
