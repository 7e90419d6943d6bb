import { randomUUID } from "node:crypto";

/**
 * The database ceiling replays the SQL a request sent (captured from the app
 * by the preload scripts/bench/sql-capture.mjs) straight to the database: the
 * same statements with the same parameters, one after another, with nothing of
 * the app around them. Pure parts here; the drivers in ceiling.ts.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Parses the capture file's lines ({"sql", "params"} with params as Prisma's JSON string); skips Prisma's comment-only markers. */
export function parseCapture(text: string): Statement[] {
  const out: Statement[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const { sql, params } = JSON.parse(line) as { sql: string; params: string | unknown[] };
    if (/^\s*--/.test(sql) && !sql.includes("\n")) continue; // -- Implicit "COMMIT" query via underlying driver
    if (/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql)) continue; // the replay brackets writes itself
    out.push({ sql, params: typeof params === "string" ? (JSON.parse(params) as unknown[]) : params });
  }
  return out;
}

export const isWrite = (s: Statement) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(s.sql);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function uuidsIn(value: unknown, out: Set<string>): void {
  if (typeof value === "string") for (const m of value.matchAll(UUID)) out.add(m[0].toLowerCase());
  else if (Array.isArray(value)) for (const v of value) uuidsIn(v, out);
}

/**
 * A replay of writes runs inside a transaction that is rolled back, so it
 * changes nothing. The captured INSERTs carry ids the capture already
 * committed: ids that first appear in an INSERT (new rows) get fresh ones on
 * each replay, consistently across the statements that reference them.
 */
export function freshIds(statements: readonly Statement[]): Statement[] {
  const seen = new Set<string>();
  const fresh = new Set<string>();
  for (const s of statements) {
    const here = new Set<string>();
    uuidsIn(s.params, here);
    if (/^\s*INSERT\b/i.test(s.sql)) for (const id of here) if (!seen.has(id)) fresh.add(id);
    for (const id of here) seen.add(id);
  }
  if (!fresh.size) return [...statements];
  const map = new Map([...fresh].map((id) => [id, randomUUID()]));
  const swap = (value: unknown): unknown =>
    typeof value === "string" ? value.replace(UUID, (m) => map.get(m.toLowerCase()) ?? m) : Array.isArray(value) ? value.map(swap) : value;
  return statements.map((s) => ({ sql: s.sql, params: s.params.map(swap) }));
}
