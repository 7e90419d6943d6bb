import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { describe, expect, it } from "vitest";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { getProject } from "../projects/get-project";
import { listProjects } from "../projects/list-projects";
import { projectListParamsSchema } from "../projects/list-params";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { loadPortfolio } from "./seed";
import { statedFacts } from "./seed-basis";

const { projects } = minmetalsPortfolio;
const programme = projects.find((p) => p.kind === "PROGRAMME")!;
const parts = projects.filter((p) => p.programme === programme.slug);

describe.each(testBackends())("fact bases and programmes on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("stores one basis per stated fact, quote-backed ones only as SOURCE", async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, minmetalsPortfolio);
    expect(await prisma.factBasis.count()).toBe(projects.reduce((n, p) => n + statedFacts(p).length, 0));
    const lasBambas = await getProject({ slug: "las-bambas-copper-mine", viewer: null });
    const stage = lasBambas!.bases.find((b) => b.fact === "stage");
    expect(stage?.kind).toBe("PUBLIC_FACT");
    expect(stage?.note.length).toBeGreaterThan(10);
    // its quote no longer claims the stage
    expect(lasBambas!.quotes.some((q) => q.supports.includes("stage"))).toBe(false);
    const kinsevere = await getProject({ slug: "kinsevere-copper-expansion", viewer: null });
    expect(kinsevere!.bases.find((b) => b.fact === "health")).toMatchObject({ kind: "SOURCE", note: "" });
    const milestone = kinsevere!.bases.find((b) => b.fact === "milestone");
    expect(milestone?.milestoneTitle).toBe(kinsevere!.milestones[0].title);
  });

  it("refuses a basis the database rules out: a public fact without its statement, a quote-based fact with a note", async () => {
    const prisma = database().prisma;
    const project = await prisma.project.findUniqueOrThrow({ where: { slug: "las-bambas-copper-mine" }, select: { id: true } });
    const before = await prisma.factBasis.count();
    await expect(prisma.factBasis.create({ data: { projectId: project.id, fact: "country", kind: "PUBLIC_FACT", note: "" } })).rejects.toThrow();
    await expect(prisma.factBasis.create({ data: { projectId: project.id, fact: "country", kind: "SOURCE", note: "because" } })).rejects.toThrow();
    await expect(
      prisma.factBasis.create({ data: { projectId: project.id, fact: "milestone", kind: "INFERENCE", note: "no milestone named" } }),
    ).rejects.toThrow();
    expect(await prisma.factBasis.count()).toBe(before);
  });

  it("links a programme and its parts, both ways, and filters the list by programme", async () => {
    const detail = await getProject({ slug: programme.slug, viewer: null });
    expect(detail!.programme).toBeNull();
    expect(detail!.parts.map((p) => p.slug).sort()).toEqual(parts.map((p) => p.slug).sort());
    const part = await getProject({ slug: parts[0].slug, viewer: null });
    expect(part!.programme).toEqual({ slug: programme.slug, nameEn: programme.nameEn, nameZh: programme.nameZh ?? null });
    expect(part!.parts).toEqual([]);

    const listed = await listProjects(projectListParamsSchema.parse({ programme: [programme.slug], pageSize: 100 }), { scope: WHOLE_PORTFOLIO });
    expect(listed.rows.map((r) => r.slug).sort()).toEqual(parts.map((p) => p.slug).sort());
    expect(listed.total).toBe(parts.length);
    const none = await listProjects(projectListParamsSchema.parse({ programme: ["no-such-programme"] }), { scope: WHOLE_PORTFOLIO });
    expect(none.total).toBe(0);
  });

  it("refuses a part whose programme is not in the portfolio, and a project that is its own programme", async () => {
    const prisma = database().prisma;
    const before = await prisma.project.count();
    await expect(loadPortfolio(prisma, { projects: [buildProject({ programme: "nowhere" })] })).rejects.toThrow(/unknown programme nowhere/);
    const p = await prisma.project.findUniqueOrThrow({ where: { slug: programme.slug }, select: { id: true } });
    await expect(prisma.project.update({ where: { id: p.id }, data: { programmeId: p.id } })).rejects.toThrow();
    expect(await prisma.project.count()).toBe(before);
  });
});
