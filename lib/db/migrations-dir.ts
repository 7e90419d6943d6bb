import fs from "node:fs";
import path from "node:path";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";

/** The committed schema and migrations, read from disk. */
// The repository root: npm scripts, tests and `next start` all run there. (Inside
// Next's server bundle this module's own URL points into .next/, so it cannot be used.)
export const PROJECT_ROOT = process.cwd();
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");

export function readSchema(): string {
  return fs.readFileSync(SCHEMA_PATH, "utf8");
}

export function loadMigrationsList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const directories: MigrationDirectory[] = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .map((name) => {
          const file = path.join(dir, name, "migration.sql");
          return {
            path: name,
            migrationFile: {
              path: "migration.sql",
              content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: `missing ${file}` },
            },
          };
        })
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories,
  };
}
