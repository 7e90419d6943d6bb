import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { parseListParamsLenient } from "./list-params";
import { listProjects } from "./list-projects";
import { WHOLE_PORTFOLIO } from "./project-scope";
import { commoditiesMatching } from "./search-terms";
import { findSubdivision, subdivisionName, subdivisionsMatching } from "../i18n/subdivisions";

const slugs = async (q: string) =>
  (await listProjects(parseListParamsLenient(new URLSearchParams({ q, sort: "name" })).params, { scope: WHOLE_PORTFOLIO })).rows.map((r) => r.slug).sort();

describe("search terms", () => {
  it("turns commodity names in either language, and a mine of one, into stored values", () => {
    expect(commoditiesMatching("antimony")).toEqual(["antimony"]);
    expect(commoditiesMatching("锑")).toEqual(["antimony"]);
    expect(commoditiesMatching("铜矿")).toEqual(["copper"]);
    expect(commoditiesMatching("copper mine")).toEqual(["copper"]);
    expect(commoditiesMatching("铁")).toEqual(["iron ore", "steel", "iron-ore"]);
    // a short Latin fragment is not a commodity; a name that merely contains one is not either
    expect(commoditiesMatching("ti")).toEqual([]);
    expect(commoditiesMatching("Argentina")).toEqual([]);
  });

  it("names every subdivision the seed uses in both languages, and finds them by either name", () => {
    const seeded = minmetalsPortfolio.projects.flatMap((p) => (p.subdivision ? [p.subdivision] : []));
    expect(seeded.length).toBeGreaterThan(0);
    for (const stored of seeded) expect(findSubdivision(stored), stored).toBeDefined();
    expect(subdivisionName("Hunan", "zh-CN")).toEqual({ text: "湖南", fallback: false });
    expect(subdivisionName("Hunan", "en")).toEqual({ text: "Hunan", fallback: false });
    expect(subdivisionName("Atlantis", "zh-CN")).toEqual({ text: "Atlantis", fallback: true });
    expect(subdivisionsMatching("湖南省")).toEqual(["Hunan"]);
    expect(subdivisionsMatching("katanga")).toEqual(["Haut-Katanga"]);
    expect(subdivisionsMatching("apurimac")).toEqual(["Apurímac"]);
    expect(subdivisionsMatching("湖")).toEqual([]);
  });
});

describe.each(testBackends())("search by commodity and province on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    await loadPortfolio(database().prisma, {
      source: { key: "test-source", title: "Test source", publisher: "Tester", publishedOn: "2025-01-23" },
      projects: [
        buildProject({
          slug: "xks",
          nameEn: "Xikuangshan Prospecting",
          summary: "Deep prospecting.",
          commodities: ["antimony"],
          countryCode: "CN",
          subdivision: "Hunan",
        }),
        buildProject({
          slug: "kinsevere",
          nameEn: "Kinsevere Expansion",
          nameZh: "金塞维尔扩建项目",
          summary: "An expansion.",
          commodities: ["copper", "cobalt"],
          countryCode: "CD",
          subdivision: "Haut-Katanga",
        }),
        buildProject({ slug: "khoemacau", nameEn: "Khoemacau", summary: "Taken over.", commodities: ["copper"], countryCode: "BW" }),
        buildProject({
          slug: "anshan",
          nameEn: "Chentaigou Iron",
          summary: "An iron deposit.",
          commodities: ["iron ore"],
          countryCode: "CN",
          subdivision: "Liaoning",
        }),
      ],
    });
  });

  it("finds projects by commodity and province names in English and Chinese", async () => {
    expect(await slugs("antimony")).toEqual(["xks"]);
    expect(await slugs("锑")).toEqual(["xks"]);
    expect(await slugs("Hunan")).toEqual(["xks"]);
    expect(await slugs("湖南")).toEqual(["xks"]);
    expect(await slugs("Katanga")).toEqual(["kinsevere"]);
    expect(await slugs("上加丹加")).toEqual(["kinsevere"]);
    expect(await slugs("铜矿")).toEqual(["khoemacau", "kinsevere"]);
    expect(await slugs("辽宁")).toEqual(["anshan"]);
    // nothing found is still nothing
    expect(await slugs("锰")).toEqual([]);
  });
});
