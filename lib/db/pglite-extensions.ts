import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * The extensions every embedded database is opened with. A database that has
 * an extension (the search migration creates pg_trgm) must always be opened
 * with it, or PGlite refuses (58P01): so the app, the migration scratch
 * databases and restores all use this one list.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
