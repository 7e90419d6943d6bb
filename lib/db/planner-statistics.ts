import type { Database } from "./client";
import type { PrismaClient } from "./generated/client";

/**
 * Refreshes the query planner's statistics. PGlite runs no autovacuum, so
 * without this its statistics stay as they were when the tables were empty and
 * it picks bad plans: at 20,000 projects the list's milestone look-up took
 * 50–110 ms before ANALYZE and 9 ms after. PostgreSQL's autovacuum gets there
 * by itself, but only after a while, so bulk loads analyze on both.
 */
export async function analyzeTables(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`ANALYZE "Project", "Milestone", "StatusUpdate", "FieldChange", "SourceQuote", "Source", "FactBasis"`);
}

/** At start-up: on the embedded database, where nothing else keeps statistics current. */
export async function refreshStatisticsIfEmbedded(database: Database): Promise<boolean> {
  if (database.target.kind !== "pglite") return false;
  await analyzeTables(database.prisma);
  return true;
}
