import type { SeedProject } from "../db/seed-types";

/**
 * Builds seed projects for tests. Tests load them with the same loader as the
 * real seed (lib/db/seed.ts), so what they check is what the app stores.
 */
let n = 0;

export function buildProject(overrides: Partial<SeedProject> = {}): SeedProject {
  n += 1;
  const slug = overrides.slug ?? `test-project-${n}`;
  return {
    slug,
    nameEn: `Test Project ${n}`,
    summary: "A project made by a test factory.",
    kind: "OWNED_ASSET",
    businessLine: "BASE_METALS",
    commodities: ["copper"],
    countryCode: "CN",
    stage: "CONSTRUCTION",
    health: "ON_TRACK",
    milestones: [],
    quotes: [],
    history: [],
    ...overrides,
  };
}
