import "server-only";
import type { z } from "zod";
import type { Viewer } from "../auth/session";
import { grantPaths, type Permission } from "../auth/permissions";
import { db } from "../db/client";
import { isDatabaseUnavailable } from "../db/unavailable";
import type { Prisma } from "../db/generated/client";
import { AppError, type ErrorCode, type MessageSpec } from "../errors";
import { englishMessage } from "../i18n/english";
import { message, type Message } from "../i18n/message";
import { log } from "../log/logger";
import { currentRequestId } from "../log/request-context";
import { zodFieldErrors } from "../validation/field-errors";

/**
 * Every write goes this one way: parse with the shared schema → check the
 * caller's role → run the data-layer function (which scopes its own where to
 * what the caller may touch and writes the audit entry) in one transaction.
 * Server actions and API routes both call domain functions built on it.
 */
export type MutationError = {
  code: ErrorCode;
  /** what went wrong, as a catalog key and parameters: forms render it in the user's language */
  message: Message;
  /** the same in English, for the JSON API and the logs */
  english: string;
  fields?: Record<string, Message>;
  details?: unknown;
  requestId?: string;
};
/** The result of every user action (server actions, sign-in, uploads): the data, or an expected error. */
export type MutationResult<T> = { ok: true; data: T } | { ok: false; error: MutationError };

/** An expected failure as a result (what a server action returns instead of throwing). */
export function failure(
  code: ErrorCode,
  spec: MessageSpec,
  extra: { fields?: Record<string, Message>; details?: unknown; requestId?: string } = {},
): { ok: false; error: MutationError } {
  const m = typeof spec === "string" ? message(spec) : spec;
  return { ok: false, error: { code, message: m, english: englishMessage(m), ...extra } };
}

/** An AppError as a result. */
export function failureOf(err: AppError): { ok: false; error: MutationError } {
  return failure(err.code, err.userMessage, { fields: err.fields, details: err.details });
}

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
  if (!opts.viewer) return failure("UNAUTHENTICATED", "signInToChange");
  // A read-only API token reads what its viewer may read and changes nothing, whatever the role behind it.
  if (opts.viewer.token?.scope === "read") return failure("FORBIDDEN", "tokenReadOnly");
  const parsed = opts.schema.safeParse(opts.input);
  if (!parsed.success) {
    return failure("BAD_REQUEST", "fieldsNeedAttention", { fields: zodFieldErrors(parsed.error) });
  }
  const paths = grantPaths(opts.viewer, opts.permission);
  const grant = paths.full.length ? true : paths.assigned.length ? "assigned" : false;
  if (!grant) return failure("FORBIDDEN", "roleNoChange");
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
    if (err instanceof AppError) return failureOf(err);
    // No connection or transaction slot in time, or the server went away: nothing was written, and trying again is the right move.
    const requestId = await currentRequestId();
    if (isDatabaseUnavailable(err)) {
      log().warn({ requestId, mutation: opts.name, viewer: viewer.id, err }, "database unavailable");
      return failure("UNAVAILABLE", "databaseBusy", { requestId });
    }
    log().error({ requestId, mutation: opts.name, viewer: viewer.id, err }, "unexpected error");
    return failure("INTERNAL", "unexpectedNothingSaved", { requestId });
  }
}
