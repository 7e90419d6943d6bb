import { beforeAll, describe, expect, it } from "vitest";
import messages from "../../messages/en.json";
import type { Viewer } from "../auth/session";
import { listRecentUpdates, summarizeChangesSince } from "../dashboard/activity";
import { countPortfolio } from "../dashboard/figures";
import { NO_FILTERS, parseDashboardParams, type DashboardFilters } from "../dashboard/filters";
import { clearDashboardMemo } from "../dashboard/memo";
import { listLargestSlips, listOverdueMilestones, listUpcomingMilestones } from "../dashboard/milestones";
import { listPortfolioSites } from "../dashboard/sites";
import { getHealthTrend } from "../dashboard/trend";
import { loadPortfolio } from "../db/seed";
import { exportProjectsCsv } from "../exports/export-projects";
import { localizedExportLabels } from "../exports/localized-labels";
import { updateMilestone } from "../milestones/milestone-mutations";
import { getProject } from "../projects/get-project";
import { parseListParamsLenient } from "../projects/list-params";
import { countProjectGroups, listFilterOptions, listProjects } from "../projects/list-projects";
import { listProjectNames } from "../projects/list-project-names";
import { readScopeOf } from "../projects/project-scope";
import { listTimeline } from "../projects/timeline";
import { updateProjectStatus } from "../projects/update-project";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { addAssignment, createViewer, refreshViewer } from "../test/viewers";
import { moveOrgUnit } from "./org-mutations";

/**
 * Scoping of every read path: a subsidiary executive never sees another
 * subsidiary's project in any list, count, map site, export row, timeline
 * row, search result, history entry or project answer.
 *
 * Tree: GRP → MMG → MMG-LB (a branch), GRP → MCC. Projects: "lb" (MMG-LB),
 * "kin" (MMG), "ramu" (MCC), "hq" (GRP itself).
 */
const TODAY = "2026-06-10";
const params = (query = "") => parseListParamsLenient(new URLSearchParams(query)).params;
const labels = localizedExportLabels("en", messages);

function project(slug: string, orgUnit: string | undefined, extra: Partial<Parameters<typeof buildProject>[0]> = {}) {
  return buildProject({
    slug,
    nameEn: `${slug} project`,
    orgUnit,
    countryCode: slug === "ramu" ? "PG" : slug === "hq" ? "CN" : "PE",
    latitude: slug === "ramu" ? -5.6 : undefined,
    longitude: slug === "ramu" ? 145.9 : undefined,
    commodities: [`${slug}-ore`],
    operatingCompany: `${slug} operator`,
    health: "AT_RISK",
    milestones: [
      {
        key: "late",
        title: `${slug} late milestone`,
        state: "PLANNED",
        baseline: { date: "2026-01-01", precision: "DAY" },
        forecast: { date: "2026-05-01", precision: "DAY" },
      },
      { key: "soon", title: `${slug} soon milestone`, state: "PLANNED", forecast: { date: "2026-07-01", precision: "DAY" } },
    ],
    history: [
      { occurredAt: "2026-03-01T00:00:00Z", comment: `${slug} status`, sets: ["health", "stage"] },
      { occurredAt: "2026-03-02T00:00:00Z", comment: `${slug} milestone`, sets: ["milestone:late"] },
    ],
    ...extra,
  });
}

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
}

describe.each(testBackends())("organization scoping on %s", (backend) => {
  const database = withTestDatabase(backend);
  let mmgExec: Viewer;
  let mccExec: Viewer;
  let groupExec: Viewer;
  let both: Viewer;
  let nobody: Viewer;
  let groupAdmin: Viewer;
  let mmgPmo: Viewer;

  beforeAll(async () => {
    clearDashboardMemo();
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      orgUnits: [{ code: "MMG-LB", parentCode: "MMG", nameEn: "Las Bambas branch", currency: "USD" }],
      projects: [project("lb", "MMG-LB"), project("kin", "MMG"), project("ramu", "MCC"), project("hq", undefined)],
    });
    mmgExec = await createViewer(prisma, "executive", "MMG executive", "MMG");
    mccExec = await createViewer(prisma, "executive", "MCC executive", "MCC");
    groupExec = await createViewer(prisma, "executive", "Group executive");
    both = await addAssignment(prisma, await createViewer(prisma, "staff", "Two-unit staff", "MMG-LB"), "staff", "MCC");
    nobody = await createViewer(prisma, null, "No role");
    groupAdmin = await createViewer(prisma, "admin", "Group admin");
    mmgPmo = await createViewer(prisma, "pmo", "MMG PMO", "MMG");
  });

  const slugsOf = async (viewer: Viewer | null, query = "") =>
    (await listProjects(params(query), { scope: readScopeOf(viewer) })).rows.map((r) => r.slug).sort();
  const dash = (viewer: Viewer | null, query = ""): DashboardFilters => parseDashboardParams(new URLSearchParams(query), readScopeOf(viewer)).filters;

  it("lists and counts only the reader's subtree", async () => {
    expect(await slugsOf(mmgExec)).toEqual(["kin", "lb"]);
    expect(await slugsOf(mccExec)).toEqual(["ramu"]);
    expect(await slugsOf(groupExec)).toEqual(["hq", "kin", "lb", "ramu"]);
    expect(await slugsOf(both)).toEqual(["lb", "ramu"]);
    expect(await slugsOf(nobody)).toEqual([]);
    expect((await listProjects(params(), { scope: readScopeOf(mmgExec) })).total).toBe(2);
    const groups = await countProjectGroups({ params: params(), group: "region", where: { scope: readScopeOf(mmgExec) } });
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(2);
  });

  it("search finds nothing outside the scope", async () => {
    expect(await slugsOf(mmgExec, "q=ramu")).toEqual([]);
    expect(await slugsOf(mccExec, "q=ramu")).toEqual(["ramu"]);
    expect(await slugsOf(mmgExec, "q=ramu+late+milestone")).toEqual([]);
  });

  it("the org filter narrows within the scope and never widens it", async () => {
    expect(await slugsOf(groupExec, "org=MMG")).toEqual(["kin", "lb"]);
    expect(await slugsOf(groupExec, "org=MMG-LB")).toEqual(["lb"]);
    expect(await slugsOf(mmgExec, "org=MCC")).toEqual([]);
    expect(await slugsOf(mmgExec, "org=GRP")).toEqual(["kin", "lb"]);
  });

  it("filter options offer only values present in the scope", async () => {
    const options = await listFilterOptions({ scope: readScopeOf(mmgExec) });
    expect(options.commodities).toEqual(["kin-ore", "lb-ore"]);
    expect(options.companies).toEqual(["kin operator", "lb operator"]);
    expect(options.countries.map((c) => c.code)).toEqual(["PE"]);
    // the organization filter's choices: the reader's subtree, in tree order, with depth
    expect(options.units.map((u) => [u.code, u.depth])).toEqual([
      ["MMG", 1],
      ["MMG-LB", 2],
    ]);
    expect((await listFilterOptions({ scope: readScopeOf(both) })).units.map((u) => u.code)).toEqual(["MCC", "MMG-LB"]);
    expect((await listFilterOptions({ scope: readScopeOf(nobody) })).units).toEqual([]);
    const all = (await listFilterOptions({ scope: readScopeOf(groupExec) })).units.map((u) => u.code);
    expect(all.slice(0, 1)).toEqual([expect.any(String)]);
    expect(all).toEqual(expect.arrayContaining(["MCC", "MMG", "MMG-LB"]));
    expect(all.indexOf("MMG")).toBe(all.indexOf("MMG-LB") - 1);
  });

  it("groups by organization: counts per unit in tree order, rows unit by unit, inside the scope", async () => {
    const groupExecGroups = await countProjectGroups({ params: params("group=organization"), group: "organization", where: { scope: readScopeOf(groupExec) } });
    const root = groupExecGroups[0].key;
    expect(groupExecGroups).toEqual([
      { key: root, count: 1 },
      { key: "MCC", count: 1 },
      { key: "MMG", count: 1 },
      { key: "MMG-LB", count: 1 },
    ]);
    const rows = (await listProjects(params("group=organization&sort=name"), { scope: readScopeOf(groupExec) })).rows;
    expect(rows.map((r) => r.organization?.code)).toEqual([root, "MCC", "MMG", "MMG-LB"]);
    expect(await countProjectGroups({ params: params("group=organization"), group: "organization", where: { scope: readScopeOf(mmgExec) } })).toEqual([
      { key: "MMG", count: 1 },
      { key: "MMG-LB", count: 1 },
    ]);
    // with the filter, a unit and its subtree
    expect(await countProjectGroups({ params: params("group=organization&org=MMG"), group: "organization", where: { scope: readScopeOf(groupExec) } })).toEqual(
      [
        { key: "MMG", count: 1 },
        { key: "MMG-LB", count: 1 },
      ],
    );
    // a saved view may group by organization; a bad group key is still refused by the strict parser
    expect(params("group=organization").group).toBe("organization");
    expect(parseListParamsLenient(new URLSearchParams("group=unit")).ignored).toContain("group");
  });

  it("dashboard figures, map sites and milestone lists count only the scope", async () => {
    const filters = dash(mmgExec);
    expect((await countPortfolio({ filters })).total).toBe(2);
    expect((await countPortfolio({ filters: dash(groupExec) })).total).toBe(4);
    const { sites, unlocated } = await listPortfolioSites({ filters });
    expect(sites.reduce((n, s) => n + s.total, 0) + unlocated.total).toBe(2);
    expect(sites.flatMap((s) => s.countryCode)).not.toContain("PG");
    expect(sites.flatMap((s) => s.projects.map((p) => p.slug))).not.toContain("ramu");
    const overdue = await listOverdueMilestones({ filters, today: TODAY });
    expect(overdue.rows.map((r) => r.project.slug).sort()).toEqual(["kin", "lb"]);
    expect(overdue.total).toBe(2);
    const upcoming = await listUpcomingMilestones({ filters, today: TODAY });
    expect(new Set(upcoming.rows.map((r) => r.project.slug))).toEqual(new Set(["kin", "lb"]));
    const slips = await listLargestSlips({ filters });
    expect(slips.rows.map((r) => r.project.slug).sort()).toEqual(["kin", "lb"]);
  });

  it("activity, since-last-visit and the trend read only the scope's history", async () => {
    const filters = dash(mmgExec);
    const recent = await listRecentUpdates({ filters, limit: 50 });
    expect(new Set(recent.map((u) => u.project.slug))).toEqual(new Set(["kin", "lb"]));
    const since = await summarizeChangesSince({ filters, since: new Date("2000-01-01T00:00:00Z") });
    expect(since.projects).toBe(2);
    expect(new Set(since.entries.map((e) => e.project.slug))).toEqual(new Set(["kin", "lb"]));
    const trend = await getHealthTrend({ filters, today: TODAY });
    const last = trend[trend.length - 1];
    expect(Object.values(last.counts).reduce((a, b) => a + b, 0)).toBe(2);
    const groupTrend = await getHealthTrend({ filters: dash(groupExec), today: TODAY });
    expect(Object.values(groupTrend[groupTrend.length - 1].counts).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("the timeline and the export hold only the scope's rows", async () => {
    const timeline = await listTimeline({ params: params(), where: { scope: readScopeOf(mmgExec) } });
    expect(timeline.rows.map((r) => r.slug).sort()).toEqual(["kin", "lb"]);
    expect(timeline.total).toBe(2);
    const csv = await read(exportProjectsCsv({ params: params(), columns: ["name"], labels, where: { scope: readScopeOf(mmgExec) } }));
    const lines = csv.trim().split(/\r\n/).slice(1);
    expect(lines.map((l) => l.split(" ")[0]).sort()).toEqual(["kin", "lb"]);
  });

  it("a project outside the scope is not found, with its history, exactly like an unknown one", async () => {
    expect(await getProject({ slug: "ramu", viewer: mmgExec })).toBeNull();
    expect(await getProject({ slug: "no-such-project", viewer: mmgExec })).toBeNull();
    const lb = await getProject({ slug: "lb", viewer: mmgExec });
    expect(lb?.orgUnit.code).toBe("MMG-LB");
    expect(lb?.history.length).toBeGreaterThan(0);
    expect((await listProjectNames({ viewer: mmgExec })).map((p) => p.slug).sort()).toEqual(["kin", "lb"]);
  });

  it("writes outside the scope are NOT_FOUND; a PMO edits its unit's projects; an executive edits none", async () => {
    expect(await updateProjectStatus({ viewer: mmgPmo, slug: "ramu", input: { version: 1, stage: "OPERATION" } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await updateProjectStatus({ viewer: mmgExec, slug: "kin", input: { version: 1, stage: "OPERATION" } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await updateProjectStatus({ viewer: mmgPmo, slug: "lb", input: { version: 1, stage: "OPERATION", comment: "ok" } })).toMatchObject({ ok: true });
    const ramu = await database().prisma.milestone.findFirstOrThrow({ where: { project: { slug: "ramu" } } });
    expect(await updateMilestone({ viewer: mmgPmo, slug: "ramu", milestoneId: ramu.id, input: { version: 1, title: "x" } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });

  it("after a unit moves, readers of its old parent lose it and readers of the new parent gain it", async () => {
    const prisma = database().prisma;
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG-LB" } });
    const r = await moveOrgUnit({ viewer: groupAdmin, input: { code: "MMG-LB", version: unit.version, parentCode: "MCC", reason: "Transferred" } });
    expect(r).toMatchObject({ ok: true, data: { path: "/GRP/MCC/MMG-LB/" } });
    // The viewers' assignments are read again, as the next request would.
    expect(await slugsOf(await refreshViewer(prisma, mmgExec))).toEqual(["kin"]);
    expect(await slugsOf(await refreshViewer(prisma, mccExec))).toEqual(["lb", "ramu"]);
    // The two-unit staff member's assignment on the moved unit still covers it.
    expect(await slugsOf(await refreshViewer(prisma, both))).toEqual(["lb", "ramu"]);
    expect((await countPortfolio({ filters: dash(await refreshViewer(prisma, mmgExec)) })).total).toBe(1);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "org.unit.move", entityId: "MMG-LB" } });
    expect(entry).toMatchObject({ actorId: groupAdmin.id, reason: "Transferred", before: { path: "/GRP/MMG/MMG-LB/", parentCode: "MMG" } });
  });

  it("an anonymous reader (public read on) reads the whole portfolio", async () => {
    expect(readScopeOf(null)).toEqual({ all: true });
    expect((await countPortfolio({ filters: NO_FILTERS })).total).toBe(4);
  });
});
