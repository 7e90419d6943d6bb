import { ensureDemoUsers, type NewUser } from "../auth/users";
import type { Database } from "./client";
import { backfillPinyinSortKeys } from "./backfill-sort-keys";
import { applyPendingMigrations } from "./migrate";
import { refreshStatisticsIfEmbedded } from "./planner-statistics";
import { loadPortfolio } from "./seed";
import { ensureRiskAndGateReferenceData } from "../risks/ensure-reference-data";

export interface BootstrapResult {
  appliedMigrations: string[];
  seeded: boolean;
  /** demo users created now (embedded demo only) */
  demoUsersCreated: NewUser[];
}

/** Brings a database up to date: pending migrations, then the real seed if it holds no project. */
export async function bootstrapDatabase(database: Database, { seed = true, demoUsers = false } = {}): Promise<BootstrapResult> {
  const appliedMigrations = await applyPendingMigrations(database);
  // What follows checks, then writes (reference data, the seed when empty, demo users): instances starting together
  // on one database would both see "missing" and collide on a unique key. They take turns.
  return database.exclusive("bootstrap", () => afterMigrations(database, appliedMigrations, { seed, demoUsers }));
}

async function afterMigrations(
  database: Database,
  appliedMigrations: string[],
  { seed, demoUsers }: { seed: boolean; demoUsers: boolean },
): Promise<BootstrapResult> {
  await backfillPinyinSortKeys(database.prisma);
  await ensureRiskAndGateReferenceData(database.prisma);
  let seeded = false;
  if (seed && (await database.prisma.project.count()) === 0) {
    const { minmetalsPortfolio } = await import("../../prisma/seed/minmetals-2024");
    const { ORG_UNITS, PROJECT_OWNER_CODES } = await import("../../prisma/seed/org-units");
    await loadPortfolio(database.prisma, { ...minmetalsPortfolio, orgUnits: ORG_UNITS }, { owners: PROJECT_OWNER_CODES });
    seeded = true;
  }
  if (!seeded) await refreshStatisticsIfEmbedded(database); // a seed has just analyzed
  const demoUsersCreated = demoUsers ? await ensureDemoUsers(database.prisma) : [];
  return { appliedMigrations, seeded, demoUsersCreated };
}
