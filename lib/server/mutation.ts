import "server-only";
import type { z } from "zod";
import type { Viewer } from "../auth/session";
import { grantPaths, type Permission } from "../auth/permissions";
import { db } from "../db/client";
import { isDatabaseUnavailable } from "../db/unavailable";
import type { Prisma } from "../db/generated/client";
import { AppError, type ErrorCode } from "../errors";
import { log } from "../log/logger";
import { currentRequestId } from "../log/request-context";
import { zodFieldErrors } from "../validation/field-errors";

/**
 * Every write goes this one way: parse with the shared schema → check the
 * caller's role → run the data-layer function (which scopes its own where to
 * what the caller may touch and writes the audit entry) in one transaction.
 * Server actions and API routes both call domain functions built on it.
 */
export type MutationError = { code: ErrorCode; message: string; fields?: Record<string, string>; details?: unknown; requestId?: string };
export type MutationResult<T> = { ok: true; data: T } | { ok: false; error: MutationError };

export interface MutationContext<I> {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  /**
   * true: the viewer holds the permission outright on some unit; "assigned":
   * only on projects they manage. Where exactly: findWritableProject and
   * projectWriteScope (lib/projects/project-scope.ts) read the viewer's
   * assignments for `permission`.
   */
  grant: true | "assigned";
  permission: Permission;
  input: I;
}

export async function mutate<S extends z.ZodType, T>(opts: {
  name: string;
  schema: S;
  input: unknown;
  viewer: Viewer | null;
  permission: Permission;
  /** a longer transaction than the client's default, for the few bulk writes that need it (a spreadsheet import) */
  transactionTimeoutMs?: number;
  run: (ctx: MutationContext<z.infer<S>>) => Promise<T>;
}): Promise<MutationResult<T>> {
  if (!opts.viewer) return fail("UNAUTHENTICATED", "Sign in to make changes.");
  // A read-only API token reads what its viewer may read and changes nothing, whatever the role behind it.
  if (opts.viewer.token?.scope === "read") return fail("FORBIDDEN", "This API token is read-only: it cannot make changes.");
  const parsed = opts.schema.safeParse(opts.input);
  if (!parsed.success) {
    return { ok: false, error: { code: "BAD_REQUEST", message: "Some fields need attention.", fields: zodFieldErrors(parsed.error) } };
  }
  const paths = grantPaths(opts.viewer, opts.permission);
  const grant = paths.full.length ? true : paths.assigned.length ? "assigned" : false;
  if (!grant) return fail("FORBIDDEN", "Your role does not allow this change.");
  // The permission travels with the viewer, so findWritableProject scopes to exactly it.
  const viewer: Viewer = { ...opts.viewer, actingPermission: opts.permission } as Viewer;
  try {
    const prisma = await db();
    const data = await prisma.$transaction(
      (tx) => opts.run({ tx, viewer, grant, permission: opts.permission, input: parsed.data }),
      opts.transactionTimeoutMs ? { timeout: opts.transactionTimeoutMs } : undefined,
    );
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, fields: err.fields, details: err.details } };
    // No connection or transaction slot in time, or the server went away: nothing was written, and trying again is the right move.
    const requestId = await currentRequestId();
    if (isDatabaseUnavailable(err)) {
      log().warn({ requestId, mutation: opts.name, viewer: viewer.id, err }, "database unavailable");
      return { ok: false, error: { code: "UNAVAILABLE", message: "The database is busy or unreachable; nothing was saved. Please try again.", requestId } };
    }
    log().error({ requestId, mutation: opts.name, viewer: viewer.id, err }, "unexpected error");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was saved. Please try again.", requestId } };
  }
}

function fail(code: ErrorCode, message: string): { ok: false; error: MutationError } {
  return { ok: false, error: { code, message } };
}
