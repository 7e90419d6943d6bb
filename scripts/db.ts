/**
 * Database commands, offline (see docs/decisions/0002-offline-migrations.md):
 *   tsx scripts/db.ts migrate                 apply pending migrations
 *   tsx scripts/db.ts status                  show applied / pending migrations
 *   tsx scripts/db.ts migration:create NAME   write the next migration from schema.prisma
 *   tsx scripts/db.ts seed [--synthetic N] [--reset]
 *   tsx scripts/db.ts backup FILE             embedded: PGlite dump (.tar.gz); PostgreSQL: pg_dump custom format
 *   tsx scripts/db.ts restore FILE            into an empty data folder / empty database
 */
import { closeDatabase, getDatabase } from "../lib/db/client";
import { applyPendingMigrations, createMigration, migrationStatus } from "../lib/db/migrate";
import { refreshStatisticsIfEmbedded } from "../lib/db/planner-statistics";
import { backupDatabase, restoreDatabase, tableChecksums } from "../lib/db/backup";
import { databaseTarget } from "../lib/env";
import { runCli } from "./cli";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "migration:create": {
      const dir = await createMigration(rest.join("_"));
      console.log(dir ? `Created ${dir}` : "schema.prisma matches prisma/migrations: no migration needed.");
      return 0;
    }
    case "migrate": {
      const database = await getDatabase();
      const applied = await applyPendingMigrations(database);
      await refreshStatisticsIfEmbedded(database);
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "No pending migrations.");
      return 0;
    }
    case "status": {
      const s = await migrationStatus(await getDatabase());
      console.log(`${s.applied} of ${s.total} migrations applied.`);
      if (s.pending.length) console.log(`Pending: ${s.pending.join(", ")}`);
      if (s.problem) console.log(s.problem);
      return s.pending.length || s.problem ? 1 : 0;
    }
    case "backup": {
      if (!rest[0]) return usage();
      const database = await getDatabase();
      await backupDatabase(database, rest[0]);
      const sums = await tableChecksums(database.prisma);
      console.log(
        `Backed up to ${rest[0]}: ${Object.entries(sums)
          .map(([t, s]) => `${t} ${s.rows}`)
          .join(", ")}`,
      );
      return 0;
    }
    case "restore": {
      if (!rest[0]) return usage();
      await restoreDatabase(databaseTarget(), rest[0]);
      const sums = await tableChecksums((await getDatabase()).prisma);
      console.log(
        `Restored from ${rest[0]}: ${Object.entries(sums)
          .map(([t, s]) => `${t} ${s.rows}`)
          .join(", ")}`,
      );
      return 0;
    }
    case "seed": {
      const { seedCommand } = await import("./seed-command");
      return seedCommand(rest);
    }
    default:
      return usage();
  }
}

function usage(): number {
  console.error("usage: db.ts migrate | status | migration:create NAME | seed [--synthetic N] [--reset] | backup FILE | restore FILE");
  return 2;
}

runCli(() => main(process.argv.slice(2)), closeDatabase);
