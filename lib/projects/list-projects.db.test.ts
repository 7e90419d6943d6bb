import { WHOLE_PORTFOLIO } from "./project-scope";
import { describe, expect, it, beforeAll } from "vitest";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { getProject } from "./get-project";
import { projectListParamsSchema, type ProjectListParams } from "./list-params";
import { listFilterOptions, listProjects } from "./list-projects";

const params = (p: Partial<ProjectListParams> = {}): ProjectListParams => ({ ...projectListParamsSchema.parse({}), ...p });
const slugs = (r: { rows: { slug: string }[] }) => r.rows.map((x) => x.slug);

describe.each(testBackends())("projects data layer on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    await loadPortfolio(database().prisma, {
      source: { key: "test-source", title: "Test source", publisher: "Tester", publishedOn: "2025-01-23" },
      projects: [
        buildProject({
          slug: "alpha-copper",
          nameEn: "Alpha Copper Mine",
          nameZh: "阿尔法铜矿",
          countryCode: "CD",
          stage: "OPERATION",
          health: "ON_TRACK",
          progressPercent: 80,
          milestones: [
            { key: "done", title: "Done thing", state: "ACHIEVED", actual: { date: "2024-01-01", precision: "YEAR" } },
            {
              key: "late",
              title: "Late thing",
              state: "PLANNED",
              baseline: { date: "2026-03-01", precision: "MONTH" },
              forecast: { date: "2026-06-15", precision: "DAY" },
            },
            { key: "later", title: "Later thing", state: "PLANNED", forecast: { date: "2027-01-01", precision: "YEAR" } },
          ],
          quotes: [{ text: "Alpha was completed ahead of schedule.", supports: ["stage"], milestoneKey: "done" }],
          history: [{ occurredAt: "2025-01-23", comment: "Imported", sets: ["stage", "health", "milestone:done"] }],
        }),
        buildProject({
          slug: "beta-zinc",
          nameEn: "Beta Zinc",
          countryCode: "PE",
          stage: "CONSTRUCTION",
          health: "AT_RISK",
          businessLine: "BASE_METALS",
          progressPercent: 20,
        }),
        buildProject({
          slug: "gamma-steel",
          nameEn: "Gamma Steel Works",
          nameZh: "伽马钢铁",
          countryCode: "CN",
          stage: "CONSTRUCTION",
          health: "OFF_TRACK",
          businessLine: "FERROUS_METALS",
        }),
        buildProject({
          slug: "delta-lab",
          nameEn: "delta lab",
          countryCode: undefined,
          stage: "COMPLETED",
          health: "NOT_ASSESSED",
          kind: "TECHNOLOGY",
          businessLine: "ADVANCED_MATERIALS_EQUIPMENT",
        }),
      ],
    });
  });

  it("lists all projects sorted by name with the total", async () => {
    const r = await listProjects(params(), { scope: WHOLE_PORTFOLIO });
    expect(r.total).toBe(4);
    expect(slugs(r)).toEqual(["alpha-copper", "beta-zinc", "delta-lab", "gamma-steel"]);
    expect(r).toMatchObject({ page: 1, pageSize: 25 });
  });

  it("derives region from country", async () => {
    expect(slugs(await listProjects(params({ region: ["AFRICA"] }), { scope: WHOLE_PORTFOLIO }))).toEqual(["alpha-copper"]);
    expect(slugs(await listProjects(params({ region: ["AFRICA", "LATIN_AMERICA"] }), { scope: WHOLE_PORTFOLIO }))).toEqual(["alpha-copper", "beta-zinc"]);
  });

  it("combines filters with AND and values with OR", async () => {
    expect(slugs(await listProjects(params({ stage: ["CONSTRUCTION"] }), { scope: WHOLE_PORTFOLIO }))).toEqual(["beta-zinc", "gamma-steel"]);
    expect(slugs(await listProjects(params({ stage: ["CONSTRUCTION"], line: ["FERROUS_METALS"] }), { scope: WHOLE_PORTFOLIO }))).toEqual(["gamma-steel"]);
    expect(slugs(await listProjects(params({ health: ["AT_RISK", "OFF_TRACK"], country: ["CN"] }), { scope: WHOLE_PORTFOLIO }))).toEqual(["gamma-steel"]);
    expect((await listProjects(params({ region: ["EUROPE"] }), { scope: WHOLE_PORTFOLIO })).total).toBe(0);
  });

  it("searches English names case-insensitively and Chinese names by part", async () => {
    expect(slugs(await listProjects(params({ q: "ALPHA" }), { scope: WHOLE_PORTFOLIO }))).toEqual(["alpha-copper"]);
    expect(slugs(await listProjects(params({ q: "Delta LAB" }), { scope: WHOLE_PORTFOLIO }))).toEqual(["delta-lab"]);
    // 铜矿 also means the commodity copper (issue 17.15), which every project here has (the factory's default):
    // the one whose name holds 铜矿 comes first, the others follow.
    const copper = slugs(await listProjects(params({ q: "铜矿" }), { scope: WHOLE_PORTFOLIO }));
    expect(copper[0]).toBe("alpha-copper");
    expect([...copper].sort()).toEqual(["alpha-copper", "beta-zinc", "delta-lab", "gamma-steel"]);
    expect(slugs(await listProjects(params({ q: "钢" }), { scope: WHOLE_PORTFOLIO }))).toEqual(["gamma-steel"]);
    // LIKE wildcards in the query are matched literally
    expect((await listProjects(params({ q: "%" }), { scope: WHOLE_PORTFOLIO })).total).toBe(0);
  });

  it("sorts by each column, nulls last, and pages", async () => {
    expect(slugs(await listProjects(params({ sort: "name", dir: "desc" }), { scope: WHOLE_PORTFOLIO }))).toEqual([
      "gamma-steel",
      "delta-lab",
      "beta-zinc",
      "alpha-copper",
    ]);
    expect(slugs(await listProjects(params({ sort: "progress", dir: "desc" }), { scope: WHOLE_PORTFOLIO })).slice(0, 2)).toEqual(["alpha-copper", "beta-zinc"]);
    // By the country's name in the reader's language (China, DR Congo, Peru / 刚果 gāng, 秘鲁 mì as ICU reads it, 中国 zhōng), not by code.
    expect(slugs(await listProjects(params({ sort: "country", dir: "asc" }), { scope: WHOLE_PORTFOLIO, locale: "en" }))).toEqual([
      "gamma-steel",
      "alpha-copper",
      "beta-zinc",
      "delta-lab",
    ]);
    expect(slugs(await listProjects(params({ sort: "country", dir: "asc" }), { scope: WHOLE_PORTFOLIO, locale: "zh-CN" }))).toEqual([
      "alpha-copper",
      "beta-zinc",
      "gamma-steel",
      "delta-lab",
    ]);
    expect(slugs(await listProjects(params({ sort: "country", dir: "desc" }), { scope: WHOLE_PORTFOLIO, locale: "en" }))).toEqual([
      "beta-zinc",
      "alpha-copper",
      "gamma-steel",
      "delta-lab",
    ]);
    const page2 = await listProjects(params({ pageSize: 3, page: 2 }), { scope: WHOLE_PORTFOLIO });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(slugs(page2)).toEqual(["gamma-steel"]);
    expect((await listProjects(params({ pageSize: 3, page: 9 }), { scope: WHOLE_PORTFOLIO })).rows).toEqual([]);
  });

  it("shows the next planned milestone by forecast date", async () => {
    const alpha = (await listProjects(params({ q: "alpha" }), { scope: WHOLE_PORTFOLIO, now: new Date("2026-06-10T00:00:00Z") })).rows[0];
    expect(alpha.nextMilestone).toEqual({ title: "Late thing", titleZh: null, due: { date: "2026-06-15", precision: "DAY" }, overdue: false });
    // Past its due day (in Beijing) it is flagged, as the dashboard counts it.
    expect((await listProjects(params({ q: "alpha" }), { scope: WHOLE_PORTFOLIO, now: new Date("2026-06-15T15:59:00Z") })).rows[0].nextMilestone?.overdue).toBe(
      false,
    );
    expect((await listProjects(params({ q: "alpha" }), { scope: WHOLE_PORTFOLIO, now: new Date("2026-06-15T16:00:00Z") })).rows[0].nextMilestone?.overdue).toBe(
      true,
    );
    expect((await listProjects(params({ q: "beta" }), { scope: WHOLE_PORTFOLIO })).rows[0].nextMilestone).toBeNull();
  });

  it("offers the countries present, with their regions", async () => {
    expect((await listFilterOptions({ scope: WHOLE_PORTFOLIO })).countries).toEqual([
      { code: "CD", region: "AFRICA" },
      { code: "CN", region: "CHINA" },
      { code: "PE", region: "LATIN_AMERICA" },
    ]);
  });

  it("returns a project's facts, milestones with slip, history and quotes", async () => {
    const p = await getProject({ slug: "alpha-copper", viewer: null });
    expect(p).toMatchObject({ nameEn: "Alpha Copper Mine", region: "AFRICA", countryCode: "CD", stage: "OPERATION", version: 1 });
    expect(p!.milestones.map((m) => [m.title, m.slipDays])).toEqual([
      ["Done thing", null],
      ["Late thing", 76], // baseline March 2026 (ends 31 Mar) → forecast 15 Jun
      ["Later thing", null],
    ]);
    expect(p!.quotes).toEqual([
      expect.objectContaining({
        text: "Alpha was completed ahead of schedule.",
        milestoneTitle: "Done thing",
        source: expect.objectContaining({ title: "Test source", publishedOn: "2025-01-23" }),
      }),
    ]);
    expect(p!.history).toHaveLength(2);
    const fields = p!.history.flatMap((h) => h.changes.map((c) => `${c.field}=${c.after}`)).sort();
    expect(fields).toEqual(["health=ON_TRACK", "milestone.actual=2024-01-01|YEAR", "milestone.state=ACHIEVED", "stage=OPERATION"]);
    expect(p!.history.every((h) => h.origin === "IMPORT" && h.sourceTitle === "Test source" && h.occurredAt.startsWith("2025-01-23"))).toBe(true);
  });

  it("returns null for an unknown slug", async () => {
    expect(await getProject({ slug: "no-such-project", viewer: null })).toBeNull();
  });
});
