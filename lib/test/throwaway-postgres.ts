import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A new, empty database on the PostgreSQL server at adminUrl (a user allowed
 * to create databases), for one test suite; drop() removes it even while
 * connections remain. Shared by the database tests and the system tests.
 */
export async function createThrowawayPostgres(adminUrl: string, prefix: string): Promise<{ url: URL; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url,
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
