import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file. Migrations run through our own
// offline runner (scripts/db.ts), because the Prisma CLI downloads its schema
// engine from the internet; see docs/decisions/0002-offline-migrations.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
