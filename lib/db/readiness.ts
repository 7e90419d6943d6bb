import "server-only";
import { getDatabase } from "./client";
import { log } from "../log/logger";
import { loadMigrationsList } from "./migrations-dir";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  pending?: string[];
}

/**
 * Ready = the database answers and every committed migration is applied.
 * Reads _prisma_migrations directly: cheap enough to poll every few seconds.
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const { prisma } = await getDatabase();
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    log().warn({ err }, "readiness: database unreachable");
    return { ready: false, database: "unreachable", migrations: "unknown" };
  }
  const pending = loadMigrationsList()
    .migrationDirectories.map((d) => d.path)
    .filter((name) => !applied.has(name));
  return pending.length ? { ready: false, database: "ok", migrations: "pending", pending } : { ready: true, database: "ok", migrations: "current" };
}
