import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import type { SeedMilestone } from "../db/seed-types";
import { HEALTHS, REGIONS, STAGES } from "../projects/enums";
import { parseListParamsLenient } from "../projects/list-params";
import { countProjects } from "../projects/list-projects";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { listRecentUpdates, summarizeChangesSince } from "./activity";
import { listAttentionProjects } from "./attention";
import { atDataVersion, getDataVersion } from "./data-version";
import { countPortfolio } from "./figures";
import { figureLinks } from "./figure-links";
import { NO_FILTERS, type DashboardFilters } from "./filters";
import { clearDashboardMemo } from "./memo";
import { listLargestSlips, listOverdueMilestones, listUpcomingMilestones } from "./milestones";
import { listPortfolioSites, SITE_LIST_MAX } from "./sites";
import { getHealthTrend } from "./trend";
import { getVisitSince, recordDashboardVisit } from "./visits";

// A fixed "today" (Asia/Shanghai calendar day): every date below is relative to it.
const TODAY = "2026-06-10";
const day = (date: string) => ({ date, precision: "DAY" as const });
const month = (date: string) => ({ date, precision: "MONTH" as const });
const quarter = (date: string) => ({ date, precision: "QUARTER" as const });
const year = (date: string) => ({ date, precision: "YEAR" as const });
const planned = (key: string, m: Omit<SeedMilestone, "key" | "title" | "state">): SeedMilestone => ({ key, title: key, state: "PLANNED", ...m });

const AFRICA: DashboardFilters = { region: ["AFRICA"], line: [], org: [], scope: WHOLE_PORTFOLIO };
const titles = (list: { rows: { title: string }[] }) => list.rows.map((r) => r.title);

describe.each(testBackends())("dashboard data layer on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    clearDashboardMemo();
    await loadPortfolio(database().prisma, {
      projects: [
        buildProject({
          slug: "alpha",
          nameEn: "Alpha Copper",
          countryCode: "CD",
          businessLine: "BASE_METALS",
          stage: "OPERATION",
          health: "ON_TRACK",
          milestones: [
            planned("overdue by day", { forecast: day("2026-05-01") }), // ended 1 May: 40 days
            planned("overdue by month", { forecast: month("2026-05-01") }), // May ended 31 May: 10 days
            planned("due this quarter", { forecast: quarter("2026-04-01") }), // Q2 ends 30 Jun: due, not overdue
            planned("baseline only", { baseline: month("2026-03-01") }), // no forecast: due at baseline, 71 days over
            { key: "done", title: "done", state: "ACHIEVED", forecast: day("2026-01-01"), actual: day("2026-01-05") },
            planned("slipped far", { baseline: month("2026-03-01"), forecast: day("2026-09-15") }), // 168 days after 31 Mar
          ],
        }),
        buildProject({
          slug: "beta",
          nameEn: "Beta Zinc",
          countryCode: "PE",
          businessLine: "BASE_METALS",
          stage: "CONSTRUCTION",
          health: "AT_RISK",
          milestones: [
            planned("due on day 90", { forecast: day("2026-09-08") }),
            planned("due on day 91", { forecast: day("2026-09-09") }),
            planned("due today", { forecast: day(TODAY) }),
            planned("due yesterday", { forecast: day("2026-06-09") }), // 1 day over
            planned("due this year", { baseline: year("2025-01-01"), forecast: year("2026-01-01") }), // slip: 1 day
            planned("early", { baseline: month("2026-12-01"), forecast: day("2026-11-01") }),
            planned("within baseline", { baseline: quarter("2026-07-01"), forecast: day("2026-08-15") }),
            { key: "dropped", title: "dropped", state: "CANCELLED", forecast: day("2025-01-01") },
          ],
        }),
        buildProject({
          slug: "gamma",
          nameEn: "Gamma Steel",
          countryCode: "CN",
          latitude: 39.9,
          longitude: 116.4,
          businessLine: "FERROUS_METALS",
          stage: "CONSTRUCTION",
          health: "OFF_TRACK",
          milestones: [planned("gamma late", { baseline: day("2026-01-10"), forecast: day("2026-06-01") })], // 142 days, 9 over
        }),
        buildProject({ slug: "epsilon", nameEn: "Epsilon Iron", countryCode: "CN", businessLine: "FERROUS_METALS", stage: "OPERATION", health: "ON_TRACK" }),
        buildProject({ slug: "zeta", nameEn: "Zeta Iron", countryCode: "CN", businessLine: "FERROUS_METALS", stage: "DESIGN", health: "AT_RISK" }),
        buildProject({
          slug: "delta",
          nameEn: "Delta Lab",
          countryCode: undefined,
          kind: "TECHNOLOGY",
          businessLine: "ADVANCED_MATERIALS_EQUIPMENT",
          stage: "COMPLETED",
          health: "NOT_ASSESSED",
        }),
        // A country the map has no centroid for still counts, under its region (none).
        buildProject({ slug: "omega", nameEn: "Omega Atoll", countryCode: "TV", businessLine: "BASE_METALS", stage: "FEASIBILITY", health: "ON_TRACK" }),
      ],
    });
  });

  describe("headline figures", () => {
    it("counts projects by health, stage, line and region", async () => {
      const f = await countPortfolio({ filters: NO_FILTERS });
      expect(f.total).toBe(7);
      expect(f.health).toEqual({ ON_TRACK: 3, AT_RISK: 2, OFF_TRACK: 1, NOT_ASSESSED: 1 });
      expect(f.stage).toMatchObject({ OPERATION: 2, CONSTRUCTION: 2, DESIGN: 1, COMPLETED: 1, FEASIBILITY: 1, PROSPECTING: 0 });
      expect(f.line).toMatchObject({ BASE_METALS: 3, FERROUS_METALS: 3, ADVANCED_MATERIALS_EQUIPMENT: 1, NEW_ENERGY_MATERIALS: 0 });
      expect(f.region).toMatchObject({ AFRICA: 1, LATIN_AMERICA: 1, CHINA: 3, EUROPE: 0 });
      expect(f.noRegion).toBe(2); // delta (no country) and omega (a country without a region)
    });

    it("applies the dashboard's filters", async () => {
      const f = await countPortfolio({ filters: { region: ["CHINA", "AFRICA"], line: ["FERROUS_METALS"], org: [], scope: WHOLE_PORTFOLIO } });
      expect(f.total).toBe(3);
      expect(f.health).toEqual({ ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, NOT_ASSESSED: 0 });
    });

    // Every figure links to the projects table; the table must show exactly as many projects.
    it.each<[string, DashboardFilters]>([
      ["no filters", NO_FILTERS],
      ["a region", AFRICA],
      ["regions and lines", { region: ["CHINA", "LATIN_AMERICA"], line: ["BASE_METALS", "FERROUS_METALS"], org: [], scope: WHOLE_PORTFOLIO }],
    ])("each figure equals the projects table's total for its link (%s)", async (_name, filters) => {
      const links = figureLinks(filters, await countPortfolio({ filters }));
      const all = [links.total, ...links.health, ...links.stage, ...links.line, ...links.region, ...(filters.region.length ? [] : [links.noRegion])];
      expect(all.length).toBeGreaterThan(HEALTHS.length + STAGES.length);
      for (const { href, count } of all) {
        const { params, ignored } = parseListParamsLenient(new URL(href, "http://x").searchParams);
        expect(ignored, href).toEqual([]);
        expect(await countProjects({ params, where: { scope: WHOLE_PORTFOLIO } }), href).toBe(count);
      }
      expect(links.region.map((r) => r.key)).toEqual(
        filters.region.length
          ? filters.region.filter((r): r is (typeof REGIONS)[number] => r !== "NONE").sort((a, b) => REGIONS.indexOf(a) - REGIONS.indexOf(b))
          : [...REGIONS],
      );
    });

    it("links the projects without a region to the table (region=NONE), and leaves them out under a region filter", async () => {
      const none = figureLinks(NO_FILTERS, await countPortfolio({ filters: NO_FILTERS })).noRegion;
      expect(none).toEqual({ key: "NONE", count: 2, href: "/projects?region=NONE" });
      const { params } = parseListParamsLenient(new URL(none.href, "http://x").searchParams);
      expect(await countProjects({ params, where: { scope: WHOLE_PORTFOLIO } })).toBe(2);
      expect(figureLinks(AFRICA, await countPortfolio({ filters: AFRICA })).noRegion.count).toBe(0);
      // Together with a region: that region's projects or those without one.
      const africaOrNone = parseListParamsLenient(new URLSearchParams("region=AFRICA&region=NONE")).params;
      const africa = parseListParamsLenient(new URLSearchParams("region=AFRICA")).params;
      expect(await countProjects({ params: africaOrNone, where: { scope: WHOLE_PORTFOLIO } })).toBe(
        (await countProjects({ params: africa, where: { scope: WHOLE_PORTFOLIO } })) + 2,
      );
    });
  });

  describe("milestones", () => {
    it("lists overdue open milestones, longest overdue first, by the end of the due period", async () => {
      const r = await listOverdueMilestones({ filters: NO_FILTERS, today: TODAY });
      expect(r.rows.map((m) => [m.title, m.overdueDays, m.project.slug])).toEqual([
        ["baseline only", 71, "alpha"],
        ["overdue by day", 40, "alpha"],
        ["overdue by month", 10, "alpha"],
        ["gamma late", 9, "gamma"],
        ["due yesterday", 1, "beta"],
      ]);
      expect(r.total).toBe(5);
      expect(r.rows[0].due).toEqual(month("2026-03-01"));
      expect(r.rows[0].forecast).toBeNull();
    });

    it("lists milestones due in the next 90 days, soonest deadline first", async () => {
      const r = await listUpcomingMilestones({ filters: NO_FILTERS, today: TODAY });
      expect(titles(r)).toEqual(["due today", "due this quarter", "within baseline", "due on day 90", "due this year"]);
      expect(r.total).toBe(5);
    });

    it("counts the 90 days inclusively and honours a shorter window", async () => {
      expect(titles(await listUpcomingMilestones({ filters: NO_FILTERS, today: TODAY, days: 0 }))).toEqual(["due today", "due this quarter", "due this year"]);
      expect(titles(await listUpcomingMilestones({ filters: NO_FILTERS, today: "2026-09-09" }))).toEqual([
        "due on day 91",
        "slipped far",
        "early",
        "due this year",
      ]);
    });

    it("lists the largest slips against baseline, counting only certain days", async () => {
      const r = await listLargestSlips({ filters: NO_FILTERS });
      expect(r.rows.map((m) => [m.title, m.slipDays])).toEqual([
        ["slipped far", 168],
        ["gamma late", 142],
        ["due this year", 1],
      ]);
      expect(r.total).toBeNull(); // not counted: see listLargestSlips
      // "due this year" has the widest gap between first days (365) but slips 1 day: the bound must not keep it first.
      expect((await listLargestSlips({ filters: NO_FILTERS, limit: 1 })).rows.map((m) => m.title)).toEqual(["slipped far"]);
    });

    it("filters by region and line, and limits the rows but not the total", async () => {
      expect(titles(await listOverdueMilestones({ filters: AFRICA, today: TODAY }))).toEqual(["baseline only", "overdue by day", "overdue by month"]);
      expect(titles(await listLargestSlips({ filters: { region: [], line: ["FERROUS_METALS"], org: [], scope: WHOLE_PORTFOLIO } }))).toEqual(["gamma late"]);
      const limited = await listOverdueMilestones({ filters: NO_FILTERS, today: TODAY, limit: 2 });
      expect(limited.rows).toHaveLength(2);
      expect(limited.total).toBe(5);
      expect(await listOverdueMilestones({ filters: { region: ["EUROPE"], line: [], org: [], scope: WHOLE_PORTFOLIO }, today: TODAY })).toEqual({
        rows: [],
        total: 0,
      });
    });

    it("rejects a malformed today", async () => {
      await expect(listOverdueMilestones({ filters: NO_FILTERS, today: "10/06/2026" })).rejects.toThrow(/YYYY-MM-DD/);
    });
  });

  describe("map sites", () => {
    it("groups projects by country, or by coordinates where a project has them, with counts by health", async () => {
      const { sites, unlocated, omittedSites } = await listPortfolioSites({ filters: NO_FILTERS });
      expect(omittedSites).toBe(0);
      const byKey = Object.fromEntries(sites.map((s) => [s.key, s]));
      expect(Object.keys(byKey).sort()).toEqual(["CD::", "CN:80:233", "CN::", "PE::", "TV::"]);
      expect(byKey["CN::"]).toMatchObject({ countryCode: "CN", latitude: null, total: 2, health: { ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 0, NOT_ASSESSED: 0 } });
      // Worst first within a site.
      expect(byKey["CN::"].projects.map((p) => p.slug)).toEqual(["zeta", "epsilon"]);
      expect(byKey["CN:80:233"]).toMatchObject({
        latitude: 39.9,
        longitude: 116.4,
        total: 1,
        projects: [{ slug: "gamma", name: "Gamma Steel", nameZh: null, health: "OFF_TRACK" }],
      });
      expect(unlocated).toEqual({ total: 1, projects: [{ slug: "delta", name: "Delta Lab", nameZh: null, health: "NOT_ASSESSED" }] });
      expect(sites.reduce((n, s) => n + s.total, 0) + unlocated.total).toBe(7);
    });

    it("draws the largest sites first and counts those left off", async () => {
      const { sites, omittedSites } = await listPortfolioSites({ filters: NO_FILTERS, maxSites: 2 });
      expect(sites.map((s) => s.key)).toEqual(["CN::", "CD::"]); // 2 projects, then the first by country code
      expect(omittedSites).toBe(3);
    });

    it("applies the filters", async () => {
      const { sites, unlocated } = await listPortfolioSites({ filters: AFRICA });
      expect(sites.map((s) => [s.key, s.total, s.projects.map((p) => p.slug)])).toEqual([["CD::", 1, ["alpha"]]]);
      expect(unlocated.total).toBe(0);
    });

    it("splits China's projects without coordinates by province where the inset can place it (issue 17.12)", async () => {
      const line = "METALLURGICAL_CONSTRUCTION" as const;
      const china = (slug: string, subdivision: string | undefined, health: "ON_TRACK" | "OFF_TRACK" = "ON_TRACK", extra = {}) =>
        buildProject({ slug: `prov-${slug}`, nameEn: `Prov ${slug}`, countryCode: "CN", subdivision, businessLine: line, health, ...extra });
      await loadPortfolio(database().prisma, {
        projects: [
          china("a", "Hunan"),
          china("b", "Hunan", "OFF_TRACK"),
          china("c", "Liaoning"),
          china("d", "Atlantis"), // not a province the inset knows: stays with China's centroid
          china("e", undefined),
          china("f", "Hunan", "ON_TRACK", { latitude: 27.1, longitude: 113.2 }), // coordinates win over the province
          buildProject({ slug: "prov-g", nameEn: "Prov g", countryCode: "PE", subdivision: "Hunan", businessLine: line }), // a name, not China
        ],
      });
      try {
        const { sites } = await listPortfolioSites({ filters: { region: [], line: [line], org: [], scope: WHOLE_PORTFOLIO } });
        const byKey = Object.fromEntries(sites.map((s) => [s.key, s]));
        expect(Object.keys(byKey).sort()).toEqual(["CN:54:226", "CN:::Hunan", "CN:::Liaoning", "CN::", "PE::"].sort());
        expect(byKey["CN:::Hunan"]).toMatchObject({ countryCode: "CN", subdivision: "Hunan", latitude: null, total: 2, health: { ON_TRACK: 1, OFF_TRACK: 1 } });
        expect(byKey["CN:::Hunan"].projects.map((p) => p.slug)).toEqual(["prov-b", "prov-a"]); // worst first
        expect(byKey["CN::"]).toMatchObject({ subdivision: null, total: 2 });
        expect(byKey["CN::"].projects.map((p) => p.slug).sort()).toEqual(["prov-d", "prov-e"]);
        expect(byKey["CN:54:226"]).toMatchObject({ subdivision: null, total: 1 });
        expect(byKey["PE::"]).toMatchObject({ subdivision: null, total: 1 });
      } finally {
        await database().prisma.project.deleteMany({ where: { slug: { startsWith: "prov-" } } });
      }
    });

    it("lists a site's projects only when there are few", async () => {
      expect(SITE_LIST_MAX).toBeGreaterThanOrEqual(2);
      const many = Array.from({ length: SITE_LIST_MAX + 1 }, (_, i) =>
        buildProject({ slug: `many-${i}`, nameEn: `Many ${i}`, countryCode: "ZM", businessLine: "NEW_ENERGY_MATERIALS" }),
      );
      await loadPortfolio(database().prisma, { projects: many });
      try {
        const { sites } = await listPortfolioSites({ filters: { region: [], line: ["NEW_ENERGY_MATERIALS"], org: [], scope: WHOLE_PORTFOLIO } });
        expect(sites).toHaveLength(1);
        expect(sites[0]).toMatchObject({ key: "ZM::", total: SITE_LIST_MAX + 1, projects: [] });
      } finally {
        await database().prisma.project.deleteMany({ where: { slug: { startsWith: "many-" } } });
      }
    });
  });

  describe("history", () => {
    // Health changes written as the app writes history: one StatusUpdate, one FieldChange each.
    async function recordHealth(slug: string, occurredAt: string, after: string, opts: { before?: string; recordedAt?: string; author?: string } = {}) {
      const { prisma } = database();
      const project = await prisma.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await prisma.statusUpdate.create({
        data: {
          id: randomUUID(),
          projectId: project.id,
          origin: "USER",
          authorName: opts.author ?? "Test author",
          occurredAt: new Date(occurredAt),
          recordedAt: new Date(opts.recordedAt ?? occurredAt),
          comment: `health ${after}`,
          changes: { create: [{ field: "health", before: opts.before ?? null, after }] },
        },
      });
    }

    beforeAll(async () => {
      await recordHealth("alpha", "2025-01-15T02:00:00Z", "ON_TRACK");
      await recordHealth("alpha", "2025-03-10T02:00:00Z", "AT_RISK", { before: "ON_TRACK" });
      await recordHealth("alpha", "2025-03-20T02:00:00Z", "OFF_TRACK", { before: "AT_RISK" });
      // 1 June, 01:00 in Shanghai: June's change, although still 31 May in UTC.
      await recordHealth("alpha", "2026-05-31T17:00:00Z", "ON_TRACK", { before: "OFF_TRACK", recordedAt: "2026-06-09T08:00:00Z", author: "Wang Fang" });
      await recordHealth("beta", "2025-02-01T02:00:00Z", "NOT_ASSESSED");
      // Two changes at the same moment: the one recorded later stands.
      await recordHealth("gamma", "2025-06-01T02:00:00Z", "AT_RISK", { recordedAt: "2025-06-01T03:00:00Z" });
      await recordHealth("gamma", "2025-06-01T02:00:00Z", "OFF_TRACK", { recordedAt: "2025-06-01T04:00:00Z" });
      // After today: not yet part of the trend.
      await recordHealth("beta", "2026-07-01T02:00:00Z", "OFF_TRACK", { before: "NOT_ASSESSED", recordedAt: "2026-06-09T09:00:00Z" });
    });

    it("counts projects by their health at each month's end, from the first recorded month", async () => {
      const trend = await getHealthTrend({ filters: NO_FILTERS, today: TODAY });
      expect(trend[0]).toEqual({ month: "2025-01-01", asOf: "2025-01-31", counts: { ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, NOT_ASSESSED: 0 } });
      const at = (m: string) => trend.find((p) => p.month === m)!.counts;
      expect(at("2025-02-01")).toEqual({ ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, NOT_ASSESSED: 1 });
      expect(at("2025-03-01")).toEqual({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 1, NOT_ASSESSED: 1 });
      expect(at("2025-06-01")).toEqual({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 2, NOT_ASSESSED: 1 });
      expect(at("2026-05-01")).toEqual({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 2, NOT_ASSESSED: 1 });
      expect(trend.at(-1)).toEqual({ month: "2026-06-01", asOf: TODAY, counts: { ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 1, NOT_ASSESSED: 1 } });
      expect(trend).toHaveLength(18); // Jan 2025 – Jun 2026
    });

    it("covers at most the requested months and applies the filters", async () => {
      const last3 = await getHealthTrend({ filters: NO_FILTERS, today: TODAY, months: 3 });
      expect(last3.map((p) => p.month)).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
      // Changes before the window still set the state at its start.
      expect(last3[0].counts).toEqual({ ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 2, NOT_ASSESSED: 1 });
      const africa = await getHealthTrend({ filters: AFRICA, today: TODAY, months: 3 });
      expect(africa.map((p) => p.counts.OFF_TRACK + p.counts.ON_TRACK)).toEqual([1, 1, 1]);
      expect(await getHealthTrend({ filters: { region: ["EUROPE"], line: [], org: [], scope: WHOLE_PORTFOLIO }, today: TODAY })).toEqual([]);
    });

    it("lists the latest updates, newest first", async () => {
      const updates = await listRecentUpdates({ filters: NO_FILTERS, limit: 2 });
      expect(updates.map((u) => [u.project.slug, u.authorName, u.changes])).toEqual([
        ["beta", "Test author", [{ field: "health", before: "NOT_ASSESSED", after: "OFF_TRACK" }]],
        ["alpha", "Wang Fang", [{ field: "health", before: "OFF_TRACK", after: "ON_TRACK" }]],
      ]);
      expect(
        (await listRecentUpdates({ filters: { region: ["CHINA"], line: [], org: [], scope: WHOLE_PORTFOLIO } })).every((u) => u.project.slug === "gamma"),
      ).toBe(true);
    });

    it("names the off-track and at-risk projects, worst first, with why", async () => {
      const figures = await countPortfolio({ filters: NO_FILTERS });
      const list = await listAttentionProjects({ filters: NO_FILTERS });
      expect(list.total).toBe(figures.health.OFF_TRACK + figures.health.AT_RISK);
      expect(list.rows.length).toBe(Math.min(list.total, 6));
      expect(list.rows.map((r) => r.health)).toEqual([...list.rows.map((r) => r.health)].sort((a, b) => (a === b ? 0 : a === "OFF_TRACK" ? -1 : 1)));
      expect(list.rows.every((r) => r.health === "OFF_TRACK" || r.health === "AT_RISK")).toBe(true);
      expect((await listAttentionProjects({ filters: { ...NO_FILTERS, region: ["EUROPE"] } })).total).toBe(0);
    });

    it("summarizes what was recorded since a moment", async () => {
      const since = await summarizeChangesSince({ filters: NO_FILTERS, since: new Date("2026-06-09T00:00:00Z") });
      expect(since).toMatchObject({ updates: 2, projects: 2 });
      // Every entry, with its project and what changed (not only health changes).
      expect(since.entries.map((u) => [u.project.slug, u.authorName, u.changes])).toEqual([
        ["beta", "Test author", [{ field: "health", before: "NOT_ASSESSED", after: "OFF_TRACK" }]],
        ["alpha", "Wang Fang", [{ field: "health", before: "OFF_TRACK", after: "ON_TRACK" }]],
      ]);
      expect(await summarizeChangesSince({ filters: AFRICA, since: new Date("2026-06-09T08:30:00Z") })).toMatchObject({ updates: 0, entries: [] });
      await expect(summarizeChangesSince({ filters: NO_FILTERS, since: new Date("nope") })).rejects.toThrow(RangeError);
    });

    it("keeps a result while nothing new is recorded, and recomputes once something is", async () => {
      let computed = 0;
      const compute = async () => ++computed;
      const before = await getDataVersion();
      expect(await atDataVersion("test", { a: 1 }, compute)).toBe(1);
      expect(await atDataVersion("test", { a: 1 }, compute)).toBe(1);
      expect(await atDataVersion("test", { a: 2 }, compute)).toBe(2); // other arguments, other result
      await recordHealth("epsilon", "2026-07-02T00:00:00Z", "AT_RISK", { before: "ON_TRACK", recordedAt: "2026-07-02T00:00:00Z" });
      expect(await getDataVersion()).not.toBe(before);
      expect(await atDataVersion("test", { a: 1 }, compute)).toBe(3);
      // An edit moves the project's updatedAt (milestone edits touch it too).
      await database().prisma.project.update({ where: { slug: "delta" }, data: { progressPercent: 50 } });
      expect(await atDataVersion("test", { a: 1 }, compute)).toBe(4);
      expect(await atDataVersion("test", { a: 1 }, compute)).toBe(4);
    });

    it("records a viewer's visit: reloads keep its start, a later visit or a dismissal moves it", async () => {
      const { prisma } = database();
      const id = randomUUID();
      await prisma.user.create({ data: { id, name: "Eli Executive", email: `${id}@test.local`, role: "executive" } });
      const first = new Date("2026-06-10T01:02:03.004Z");
      expect(await getVisitSince({ userId: id, now: first })).toBeNull();
      await recordDashboardVisit({ userId: id, at: first });
      expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ lastSeenAt: first });
      const nextDay = new Date("2026-06-11T09:00:00Z");
      expect(await getVisitSince({ userId: id, now: nextDay })).toEqual(first);
      await recordDashboardVisit({ userId: id, at: nextDay });
      // A reload five minutes later still shows what happened since the day before.
      const reload = new Date("2026-06-11T09:05:00Z");
      expect(await getVisitSince({ userId: id, now: reload })).toEqual(first);
      await recordDashboardVisit({ userId: id, at: reload });
      expect(await getVisitSince({ userId: id, now: new Date("2026-06-11T09:06:00Z") })).toEqual(first);
      await recordDashboardVisit({ userId: id, at: new Date("2026-06-11T09:07:00Z"), dismiss: true });
      expect(await getVisitSince({ userId: id, now: new Date("2026-06-11T09:08:00Z") })).toEqual(new Date("2026-06-11T09:07:00Z"));
      await expect(recordDashboardVisit({ userId: "no-such-user" })).resolves.toBeUndefined();
      expect(await getVisitSince({ userId: "no-such-user" })).toBeNull();
    });
  });
});
