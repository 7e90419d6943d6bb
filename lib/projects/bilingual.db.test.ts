import { WHOLE_PORTFOLIO } from "./project-scope";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { backfillPinyinSortKeys } from "../db/backfill-sort-keys";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { assignManager, createViewer } from "../test/viewers";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { getProject } from "./get-project";
import { projectListParamsSchema, type ProjectListParams } from "./list-params";
import { listProjects } from "./list-projects";
import { updateProjectStatus } from "./update-project";

const params = (p: Partial<ProjectListParams> = {}): ProjectListParams => ({ ...projectListParamsSchema.parse({}), pageSize: 100, ...p });
const collator = new Intl.Collator("zh-CN");

describe.each(testBackends())("bilingual projects on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, minmetalsPortfolio);
    manager = await createViewer(prisma, "manager", "Mei Manager");
    await assignManager(prisma, manager, minmetalsPortfolio.projects[0].slug);
  });

  it("finds projects by a partial Chinese name: 铜矿 and 故宫", async () => {
    const copper = await listProjects(params({ q: "铜矿" }), { scope: WHOLE_PORTFOLIO });
    const expected = minmetalsPortfolio.projects.filter((p) => p.nameZh?.includes("铜矿")).map((p) => p.slug);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(copper.rows.map((r) => r.slug).sort()).toEqual(expected.sort());
    const museum = await listProjects(params({ q: "故宫" }), { scope: WHOLE_PORTFOLIO });
    const expectedMuseum = minmetalsPortfolio.projects.filter((p) => p.nameZh?.includes("故宫")).map((p) => p.nameZh);
    expect(expectedMuseum.length).toBeGreaterThanOrEqual(1);
    expect(museum.rows.map((r) => r.nameZh)).toEqual(expectedMuseum);
  });

  it("finds the same project by either language's name", async () => {
    const en = await listProjects(params({ q: "bambas" }), { scope: WHOLE_PORTFOLIO });
    const zh = await listProjects(params({ q: "邦巴斯" }), { scope: WHOLE_PORTFOLIO });
    expect(en.rows.map((r) => r.slug)).toEqual(zh.rows.map((r) => r.slug));
    expect(zh.rows[0].nameEn).toBe("Las Bambas Copper Mine");
  });

  it("sorts by name in pinyin order in zh-CN (Chinese name, else English) and alphabetically in en", async () => {
    const zh = await listProjects(params({ sort: "name" }), { locale: "zh-CN", scope: WHOLE_PORTFOLIO });
    const shown = zh.rows.map((r) => r.nameZh ?? r.nameEn);
    expect(shown).toEqual([...shown].sort(collator.compare));
    const desc = await listProjects(params({ sort: "name", dir: "desc" }), { locale: "zh-CN", scope: WHOLE_PORTFOLIO });
    expect(desc.rows.map((r) => r.nameZh ?? r.nameEn)).toEqual([...shown].reverse());
    const en = await listProjects(params({ sort: "name" }), { locale: "en", scope: WHOLE_PORTFOLIO });
    const names = en.rows.map((r) => r.nameEn);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });

  it("saves both languages' names and summaries through the audited update, keeping the zh-CN sort key current", async () => {
    const slug = minmetalsPortfolio.projects[0].slug;
    const before = (await getProject({ slug, viewer: null }))!;
    const r = await updateProjectStatus({
      viewer: manager,
      slug,
      input: { version: before.version, nameZh: " 测试铜矿 ", summaryZh: "中文概况", comment: "" },
    });
    expect(r.ok).toBe(true);
    const after = (await getProject({ slug, viewer: null }))!;
    expect([after.nameZh, after.summaryZh, after.nameEn]).toEqual(["测试铜矿", "中文概况", before.nameEn]);
    expect(after.history[0].changes).toEqual(
      expect.arrayContaining([
        { field: "nameZh", before: before.nameZh, after: "测试铜矿" },
        { field: "summaryZh", before: null, after: "中文概况" },
      ]),
    );
    const row = await database().prisma.project.findUniqueOrThrow({ where: { slug }, select: { nameSortKeyZh: true } });
    expect(row.nameSortKeyZh).toMatch(/^2ce0000/); // 测 cè

    // Emptying the Chinese name falls back to the English one, for display and for sorting.
    const cleared = await updateProjectStatus({ viewer: manager, slug, input: { version: after.version, nameZh: "" } });
    expect(cleared.ok && cleared.data.nameZh).toBeNull();
    const key = await database().prisma.project.findUniqueOrThrow({ where: { slug }, select: { nameSortKeyZh: true } });
    expect(key.nameSortKeyZh?.startsWith("3")).toBe(true);
  });

  it("refuses an empty English name, and a Chinese name from a reader", async () => {
    const slug = minmetalsPortfolio.projects[0].slug;
    const { version } = (await getProject({ slug, viewer: null }))!;
    const empty = await updateProjectStatus({ viewer: manager, slug, input: { version, nameEn: "  " } });
    expect(!empty.ok && empty.error.fields).toEqual({ nameEn: { key: "nameEnRequired" } });
    const staff = await createViewer(database().prisma, "staff");
    const denied = await updateProjectStatus({ viewer: staff, slug, input: { version, nameZh: "别的名字" } });
    expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
  });

  it("backfills missing zh-CN sort keys without touching 'last updated'", async () => {
    const prisma = database().prisma;
    const slug = minmetalsPortfolio.projects[1].slug;
    const { updatedAt } = await prisma.project.findUniqueOrThrow({ where: { slug } });
    await prisma.$executeRaw`UPDATE "Project" SET "nameSortKeyZh" = NULL WHERE slug = ${slug}`;
    expect(await backfillPinyinSortKeys(prisma)).toBe(1);
    const row = await prisma.project.findUniqueOrThrow({ where: { slug } });
    expect(row.nameSortKeyZh).toBeTruthy();
    expect(row.updatedAt).toEqual(updatedAt);
  });
});
