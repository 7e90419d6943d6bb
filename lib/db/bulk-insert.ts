import type { Prisma } from "./generated/client";

/**
 * Inserts many rows in one statement per chunk: the rows travel as a single
 * JSON parameter and PostgreSQL expands them with json_populate_recordset.
 * Measured on 20,000 projects: 1.6 s on PGlite and 1.0 s on PostgreSQL, against
 * about 54 s for Prisma's createMany on PGlite, whose cost is per bound value.
 *
 * json_populate_recordset fills absent keys with NULL, not the column default,
 * so every NOT NULL column with a default must be given (DEFAULTS below).
 */
type Table = "Project" | "Milestone" | "StatusUpdate" | "FieldChange" | "SourceQuote" | "FactBasis" | "CostLine" | "BudgetLine" | "AuditEntry";

function defaults(table: Table, now: string): Record<string, unknown> {
  switch (table) {
    case "Project":
      return { summary: "", commodities: [], health: "NOT_ASSESSED", version: 1, createdAt: now, updatedAt: now };
    case "Milestone":
      return { state: "PLANNED", sortOrder: 0, version: 1, createdAt: now, updatedAt: now };
    case "StatusUpdate":
      return { recordedAt: now, comment: "" };
    case "SourceQuote":
      return { supports: [] };
    case "FieldChange":
      return {};
    case "FactBasis":
      return { note: "" };
    case "CostLine":
      return { version: 1, createdAt: now, updatedAt: now };
    case "BudgetLine":
      return {};
    case "AuditEntry":
      return { at: now, reason: "" };
  }
}

const CHUNK = 2_000;

export async function bulkInsert(tx: Prisma.TransactionClient, table: Table, rows: object[]): Promise<void> {
  if (!rows.length) return;
  const base = defaults(table, new Date().toISOString());
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...base, ...stripUndefined(r) }));
    // The table name comes from the closed Table union above, never from input.
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, JSON.stringify(chunk));
  }
}

function stripUndefined(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

/**
 * Updates many rows by id, one statement per chunk, the same way: each row
 * carries its new `version`, and is written only if the stored version is the
 * one before it (optimistic concurrency, set-wise). Returns the rows written;
 * the caller compares it with how many it sent. `columns` are the caller's
 * own column names, never input.
 */
export async function bulkUpdate(
  tx: Prisma.TransactionClient,
  table: "Project" | "Milestone",
  columns: readonly string[],
  rows: readonly ({ id: string; version: number } & object)[],
): Promise<number> {
  if (!rows.length) return 0;
  const set = [...columns, "version"].map((c) => `"${c}" = j."${c}"`).join(", ");
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    written += await tx.$executeRawUnsafe(
      `UPDATE "${table}" AS t SET ${set}, "updatedAt" = now() FROM json_populate_recordset(NULL::"${table}", $1::json) AS j WHERE t."id" = j."id" AND t."version" = j."version" - 1`,
      JSON.stringify(rows.slice(i, i + CHUNK)),
    );
  }
  return written;
}
