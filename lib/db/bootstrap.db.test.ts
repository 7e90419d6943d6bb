import { describe, expect, it } from "vitest";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { testBackends, withTestDatabase } from "../test/database";
import { getProject } from "../projects/get-project";
import { bootstrapDatabase } from "./bootstrap";
import { clearPortfolio, loadPortfolio } from "./seed";
import { buildProject } from "../test/factories";

describe.each(testBackends())("bootstrap and seed on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("seeds the Minmetals portfolio into an empty database, once", async () => {
    const first = await bootstrapDatabase(database());
    expect(first).toEqual({ appliedMigrations: [], seeded: true, demoUsersCreated: [] });
    const projects = await database().prisma.project.count();
    expect(projects).toBe(minmetalsPortfolio.projects.length);
    expect(await bootstrapDatabase(database())).toEqual({ appliedMigrations: [], seeded: false, demoUsersCreated: [] });
    expect(await database().prisma.project.count()).toBe(projects);
  });

  it("stores every seeded fact with its quote and an import history entry dated by the source", async () => {
    const prisma = database().prisma;
    const quotes = await prisma.sourceQuote.count();
    expect(quotes).toBe(minmetalsPortfolio.projects.reduce((n, p) => n + p.quotes.length, 0));
    const withoutHistory = await prisma.project.count({ where: { statusUpdates: { none: {} } } });
    expect(withoutHistory).toBe(0);
    const source = await prisma.source.findUniqueOrThrow({ where: { key: minmetalsPortfolio.source.key } });
    expect(source.publishedOn.toISOString().slice(0, 10)).toBe("2025-01-23");
    const kinsevere = minmetalsPortfolio.projects.find((p) => p.slug.startsWith("kinsevere"))!;
    const detail = await getProject({ slug: kinsevere.slug, viewer: null });
    expect(detail?.countryCode).toBe("CD");
    expect(detail?.region).toBe("AFRICA");
    expect(detail?.quotes.some((q) => q.text.includes("ahead of schedule"))).toBe(true);
    expect(detail?.milestones.every((m) => m.actual?.precision === "YEAR" && m.actual.date === "2024-01-01")).toBe(true);
  });

  it("writes a batch all or nothing", async () => {
    const prisma = database().prisma;
    const before = await prisma.project.count();
    // the second project repeats a seeded slug: the whole batch must roll back
    const duplicate = minmetalsPortfolio.projects[0].slug;
    await expect(loadPortfolio(prisma, { projects: [buildProject({ slug: "brand-new" }), buildProject({ slug: duplicate })] })).rejects.toThrow();
    expect(await prisma.project.count()).toBe(before);
    expect(await prisma.project.findUnique({ where: { slug: "brand-new" } })).toBeNull();
  });

  it("clears the portfolio", async () => {
    await clearPortfolio(database().prisma);
    expect(await database().prisma.project.count()).toBe(0);
    expect(await database().prisma.statusUpdate.count()).toBe(0);
  });
});
