import { WHOLE_PORTFOLIO } from "./project-scope";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { parseListParamsLenient, toSearchParams, type ProjectListParams } from "./list-params";
import { countProjectGroups, listFilterOptions, listProjects } from "./list-projects";
import { listTimeline } from "./timeline";

const NOW = new Date("2026-06-01T12:00:00Z");
const params = (query: string): ProjectListParams => parseListParamsLenient(new URLSearchParams(query)).params;
const slugs = async (query: string) => (await listProjects(params(query), { now: NOW, scope: WHOLE_PORTFOLIO })).rows.map((r) => r.slug);

describe.each(testBackends())("list filters and search on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    await loadPortfolio(database().prisma, {
      source: { key: "test-source", title: "Test source", publisher: "Tester", publishedOn: "2025-01-23" },
      projects: [
        buildProject({
          slug: "copper",
          nameEn: "Copper",
          nameZh: "铜",
          countryCode: "PE",
          commodities: ["copper", "molybdenum"],
          operatingCompany: "MMG Limited",
          forecastFinish: { date: "2027-01-01", precision: "YEAR" },
          // baseline Q1 2026 ends 31 Mar; forecast in March 2026 ends within it: not slipping
          milestones: [
            {
              key: "a",
              title: "Plant commissioning",
              state: "PLANNED",
              baseline: { date: "2026-01-01", precision: "QUARTER" },
              forecast: { date: "2026-03-01", precision: "MONTH" },
            },
          ],
        }),
        buildProject({
          slug: "copper-hill",
          nameEn: "Copper Hill Mine",
          countryCode: "CN",
          commodities: ["copper"],
          operatingCompany: "China Minmetals Co., Ltd.",
          forecastFinish: { date: "2026-03-15", precision: "DAY" },
          // baseline 2026 (ends 31 Dec); forecast Jan 2027: slipping
          milestones: [
            {
              key: "b",
              title: "First ore",
              state: "PLANNED",
              baseline: { date: "2026-01-01", precision: "YEAR" },
              forecast: { date: "2027-01-01", precision: "MONTH" },
            },
          ],
        }),
        buildProject({
          slug: "big-copper",
          nameEn: "Big Copper Smelter",
          countryCode: "ZM",
          commodities: ["copper"],
          // due within 30 days of NOW; actual later than baseline: slipping
          milestones: [
            { key: "c", title: "Furnace relining", state: "PLANNED", forecast: { date: "2026-06-20", precision: "DAY" } },
            {
              key: "d",
              title: "Permit",
              state: "ACHIEVED",
              baseline: { date: "2025-03-01", precision: "MONTH" },
              actual: { date: "2025-04-02", precision: "DAY" },
            },
          ],
        }),
        buildProject({
          slug: "zinc-works",
          nameEn: "Zinc Works",
          summary: "Roasts copper-bearing zinc concentrate.",
          countryCode: "PE",
          commodities: ["zinc"],
        }),
        buildProject({
          slug: "lithium",
          nameEn: "Salar Lithium",
          countryCode: "AR",
          commodities: ["lithium"],
          milestones: [{ key: "e", title: "Copper cable laid", state: "PLANNED" }],
        }),
        buildProject({ slug: "chile-nickel", nameEn: "Nickel Project", countryCode: "CL", commodities: ["nickel"], operatingCompany: "MMG Limited" }),
      ],
    });
    // "stale" needs old updates: lithium last updated a year before NOW
    await database().prisma.$executeRaw`UPDATE "Project" SET "updatedAt" = ${new Date("2025-06-01T00:00:00Z")} WHERE "slug" = 'lithium'`;
    await database().prisma.$executeRaw`UPDATE "Project" SET "updatedAt" = ${new Date("2026-05-30T00:00:00Z")} WHERE "slug" <> 'lithium'`;
  });

  it("ranks an exact name first, then name prefix, then name contains", async () => {
    // then matches in the summary (zinc-works) or a milestone title (lithium) only, by name
    expect(await slugs("q=copper")).toEqual(["copper", "copper-hill", "big-copper", "lithium", "zinc-works"]);
    // 铜 is also the commodity copper: the exact name first, then the other copper projects
    expect(await slugs("q=铜")).toEqual(["copper", "big-copper", "copper-hill"]);
  });

  it("keeps a chosen sort over relevance, and round-trips it through the URL", async () => {
    const chosen = params("q=copper&sort=name");
    expect(chosen.sort).toBe("name");
    expect(toSearchParams(chosen).toString()).toBe("q=copper&sort=name");
    const implied = params("q=copper");
    expect(implied.sort).toBe("relevance");
    expect(toSearchParams(implied).toString()).toBe("q=copper");
    expect(await slugs("q=copper&sort=name")).toEqual(["big-copper", "copper", "copper-hill", "lithium", "zinc-works"]);
  });

  it("searches the country's name, the operating company, the summary and milestone titles", async () => {
    expect(await slugs("q=peru")).toEqual(["copper", "zinc-works"]);
    expect(await slugs("q=秘鲁")).toEqual(["copper", "zinc-works"]);
    expect(await slugs("q=minmetals")).toEqual(["copper-hill"]);
    expect(await slugs("q=RELINING")).toEqual(["big-copper"]);
    expect(await slugs("q=bearing zinc")).toEqual(["zinc-works"]);
    expect(await slugs("q=%25")).toEqual([]);
    expect(await slugs("q=_")).toEqual([]);
  });

  it("keeps the search current as names, summaries and milestones change, whoever writes them", async () => {
    const { prisma } = database();
    const nickel = await prisma.project.findUniqueOrThrow({ where: { slug: "chile-nickel" }, select: { id: true } });
    expect(await slugs("q=autoclave")).toEqual([]);
    const m = await prisma.milestone.create({ data: { projectId: nickel.id, title: "Autoclave delivered", sortOrder: 1 } });
    expect(await slugs("q=autoclave")).toEqual(["chile-nickel"]);
    await prisma.milestone.update({ where: { id: m.id }, data: { title: "Ball mill delivered", titleZh: "球磨机到货" } });
    expect(await slugs("q=autoclave")).toEqual([]);
    expect(await slugs("q=球磨机")).toEqual(["chile-nickel"]);
    await prisma.milestone.delete({ where: { id: m.id } });
    expect(await slugs("q=ball mill")).toEqual([]);
    await prisma.project.update({ where: { id: nickel.id }, data: { summary: "Heap leach of laterite ore." } });
    expect(await slugs("q=laterite")).toEqual(["chile-nickel"]);
    await prisma.project.update({ where: { id: nickel.id }, data: { summary: "" } });
    expect(await slugs("q=laterite")).toEqual([]);
    await prisma.project.update({ where: { id: nickel.id }, data: { summaryZh: "红土镍矿堆浸" } });
    expect(await slugs("q=红土镍矿")).toEqual(["chile-nickel"]);
  });

  it("draws the timeline for exactly the table's projects, page and order, with their milestones", async () => {
    for (const query of ["q=copper", "region=LATIN_AMERICA&sort=name&dir=desc", "slipping=true", "pageSize=2&page=2"]) {
      const timeline = await listTimeline({ params: params(query), where: { now: NOW, scope: WHOLE_PORTFOLIO } });
      const list = await listProjects(params(query), { now: NOW, scope: WHOLE_PORTFOLIO });
      expect(timeline.rows.map((r) => r.slug)).toEqual(list.rows.map((r) => r.slug));
      expect(timeline.total).toBe(list.total);
    }
    const { rows } = await listTimeline({ params: params("q=big+copper"), where: { now: NOW, scope: WHOLE_PORTFOLIO } });
    expect(rows[0].milestones.map((m) => [m.title, m.state, m.slipDays])).toEqual([
      ["Furnace relining", "PLANNED", null],
      ["Permit", "ACHIEVED", 2], // actual 2 Apr 2025 against a March 2025 baseline
    ]);
    expect((await listTimeline({ params: params("q=nothing-like-this"), where: { now: NOW, scope: WHOLE_PORTFOLIO } })).rows).toEqual([]);
  });

  it("filters by several values at once and by commodity and company", async () => {
    expect(await slugs("region=LATIN_AMERICA&region=AFRICA&commodity=copper")).toEqual(["big-copper", "copper"]);
    expect(await slugs("commodity=molybdenum,zinc")).toEqual(["copper", "zinc-works"]);
    expect(await slugs("company=China+Minmetals+Co.,+Ltd.")).toEqual(["copper-hill"]);
    expect(await slugs("company=MMG+Limited&country=CL")).toEqual(["chile-nickel"]);
  });

  it("filters by forecast finish, by overlap of its period", async () => {
    expect(await slugs("finishBefore=2026-12-31")).toEqual(["copper-hill"]);
    // a finish known only as "2027" is after 2027-06-30 (its period reaches beyond it)
    expect(await slugs("finishAfter=2027-06-30")).toEqual(["copper"]);
    expect(await slugs("finishAfter=2026-01-01&finishBefore=2026-12-31")).toEqual(["copper-hill"]);
  });

  it("finds slipping projects by period ends, milestones due soon and stale projects", async () => {
    expect(await slugs("slipping=true")).toEqual(["big-copper", "copper-hill"]);
    expect(await slugs("due=30")).toEqual(["big-copper"]);
    expect(await slugs("stale=180")).toEqual(["lithium"]);
    expect(await slugs("stale=180&slipping=true")).toEqual([]);
  });

  it("counts groups in the database", async () => {
    expect(await countProjectGroups({ params: params("commodity=copper"), group: "region", where: { now: NOW, scope: WHOLE_PORTFOLIO } })).toEqual([
      { key: "CHINA", count: 1 },
      { key: "AFRICA", count: 1 },
      { key: "LATIN_AMERICA", count: 1 },
    ]);
    const grouped = await listProjects(params("group=region"), { now: NOW, scope: WHOLE_PORTFOLIO });
    expect(grouped.rows.map((r) => r.region)).toEqual(["CHINA", "AFRICA", "LATIN_AMERICA", "LATIN_AMERICA", "LATIN_AMERICA", "LATIN_AMERICA"]);
  });

  it("offers the commodities and companies present", async () => {
    const options = await listFilterOptions({ scope: WHOLE_PORTFOLIO });
    expect(options.commodities).toEqual(["copper", "lithium", "molybdenum", "nickel", "zinc"]);
    expect(options.companies).toEqual(["China Minmetals Co., Ltd.", "MMG Limited"]);
  });
});
