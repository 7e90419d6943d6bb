import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { expect, test } from "./fixtures";

const seeded = minmetalsPortfolio.projects;
const kinsevere = seeded.find((p) => p.slug.startsWith("kinsevere"))!;

test.describe("GET /api/projects", () => {
  test("lists the seeded portfolio in the result shape", async ({ request, projectsBeyondSeed }) => {
    // The seed's projects, and those other specs add meanwhile (e2e/fixtures.ts).
    const seededSlugs = new Set(seeded.map((p) => p.slug));
    await expect(async () => {
      const res = await request.get("/api/projects?pageSize=100");
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(["page", "pageSize", "rows", "total"]);
      expect(body.total).toBe(seeded.length + (await projectsBeyondSeed()));
      const listed = body.rows.map((r: { slug: string }) => r.slug).filter((slug: string) => seededSlugs.has(slug));
      expect(listed.sort()).toEqual([...seededSlugs].sort());
    }).toPass({ timeout: 20_000 });
  });

  test("filters by region, stage and a Chinese search term", async ({ request }) => {
    const africa = await (await request.get("/api/projects?region=AFRICA")).json();
    expect(africa.total).toBe(seeded.filter((p) => ["BW", "CD"].includes(p.countryCode ?? "")).length);
    const prospecting = await (await request.get("/api/projects?stage=PROSPECTING&region=CHINA")).json();
    expect(prospecting.total).toBe(seeded.filter((p) => p.stage === "PROSPECTING" && p.countryCode === "CN").length);
    const copper = await (await request.get(`/api/projects?q=${encodeURIComponent("铜矿")}`)).json();
    expect(copper.total).toBe(seeded.filter((p) => p.nameZh?.includes("铜矿")).length);
    expect(copper.total).toBeGreaterThanOrEqual(2);
  });

  test("answers bad parameters with 400 and a JSON error naming them", async ({ request }) => {
    const res = await request.get("/api/projects?stage=NOPE&pageSize=5000&foo=1");
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain("stage");
    expect(Object.keys(body.error.fields).sort()).toEqual(["foo", "pageSize", "stage"]);
  });
});

test.describe("GET /api/projects/[slug]", () => {
  test("returns a project with milestones, history and quotes", async ({ request }) => {
    const res = await request.get(`/api/projects/${kinsevere.slug}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ slug: kinsevere.slug, countryCode: "CD", stage: kinsevere.stage, health: kinsevere.health });
    expect(body.milestones.length).toBe(kinsevere.milestones.length);
    expect(body.quotes.length).toBe(kinsevere.quotes.length);
    expect(body.history.length).toBeGreaterThan(0);
  });

  test("answers an unknown slug with a 404 JSON error", async ({ request }) => {
    const res = await request.get("/api/projects/no-such-project");
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: 'No project with slug "no-such-project".' } });
  });
});

test.describe("operations endpoints", () => {
  test("health and readiness answer, with security headers", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: "ok", migrations: "current" });
    const page = await request.get("/projects");
    expect(page.headers()["x-content-type-options"]).toBe("nosniff");
    expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(page.headers()["x-powered-by"]).toBeUndefined();
  });
});
