import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { grantPaths } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { AppError } from "../errors";
import { isWithin } from "../org/org-path";
import { mutate, type MutationResult } from "../server/mutation";
import { toTokenRow, tokenRowSelect, type TokenRow } from "./list-tokens";
import { generateApiToken } from "./token-secret";
import { tokenCreateSchema, tokenRevokeSchema } from "./token.validation";

/** A service token acts as this role on its unit (docs/decisions/0064). */
export const SERVICE_ROLE = { read: "staff", write: "pmo" } as const;
/** Active personal tokens one user may hold: a bound on what a leaked session could mint. */
const MAX_ACTIVE_PERSONAL = 20;
const DAY_MS = 86_400_000;

function refuseTokenCaller(viewer: Viewer): void {
  // A token never mints or revokes tokens: a leaked one cannot make itself permanent or lock its owner out.
  if (viewer.token) throw new AppError("FORBIDDEN", "tokenCannotManageTokens");
}

/**
 * Creates a personal or a service token. The token itself is in the result
 * once and never again: only its sha256 is stored.
 */
export function createApiToken({
  viewer,
  input,
  now = new Date(),
}: {
  viewer: Viewer | null;
  input: unknown;
  now?: Date;
}): Promise<MutationResult<{ token: TokenRow; secret: string }>> {
  const service = (input as { kind?: unknown } | null)?.kind === "service";
  return mutate({
    name: "createApiToken",
    schema: tokenCreateSchema,
    input,
    viewer,
    permission: service ? "token:service" : "token:personal",
    run: async ({ tx, viewer, input }) => {
      refuseTokenCaller(viewer);
      const { token, prefix, hash } = generateApiToken();
      const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
      let userId = viewer.id;
      let unit: { id: string; code: string; path: string } | null = null;
      let role: string | null = null;
      if (input.kind === "service") {
        const found = await tx.orgUnit.findUnique({ where: { code: input.unitCode! }, select: { id: true, code: true, path: true, archivedAt: true } });
        if (!found) throw new AppError("NOT_FOUND", { key: "noUnitWithCode", params: { code: input.unitCode ?? "" } }, { unitCode: "noSuchUnit" });
        if (!grantPaths(viewer, "token:service").full.some((p) => isWithin(found.path, p))) throw new AppError("FORBIDDEN", "unitNotCovered");
        if (found.archivedAt) throw new AppError("BAD_REQUEST", "archivedUnitNoTokens", { unitCode: "unitArchived" });
        unit = found;
        role = SERVICE_ROLE[input.scope];
        // The service account: a user the audit trail and history can name, who cannot sign in (no password, disabled).
        userId = `svc_${randomUUID()}`;
        await tx.user.create({
          data: {
            id: userId,
            name: `Service: ${input.name}`.slice(0, 200),
            email: `${userId}@service.lodestone.invalid`,
            banned: true,
            banReason: "API service account: cannot sign in",
          },
        });
      } else {
        const active = await tx.apiToken.count({ where: { userId: viewer.id, kind: "PERSONAL", revokedAt: null, expiresAt: { gt: now } } });
        if (active >= MAX_ACTIVE_PERSONAL) throw new AppError("BAD_REQUEST", { key: "tooManyActiveTokens", params: { max: MAX_ACTIVE_PERSONAL } });
      }
      const created = await tx.apiToken.create({
        data: {
          kind: input.kind === "service" ? "SERVICE" : "PERSONAL",
          name: input.name,
          prefix,
          hash,
          scope: input.scope === "write" ? "WRITE" : "READ",
          userId,
          unitId: unit?.id ?? null,
          role,
          createdById: viewer.id,
          expiresAt,
        },
        select: tokenRowSelect,
      });
      await recordAudit(tx, viewer, {
        action: "token.create",
        entityType: "ApiToken",
        entityId: created.id,
        before: null,
        // never the token or its hash
        after: {
          kind: input.kind,
          name: input.name,
          prefix,
          scope: input.scope,
          expiresAt: expiresAt.toISOString(),
          ...(unit ? { unit: unit.code, role, serviceAccount: userId } : { owner: viewer.id }),
        },
      });
      return { token: toTokenRow(created, now), secret: token };
    },
  });
}

/** Revokes a token: one's own personal token, or a service token on a unit one's admin role covers. Revoking twice changes nothing. */
export function revokeApiToken({
  viewer,
  input,
  now = new Date(),
}: {
  viewer: Viewer | null;
  input: unknown;
  now?: Date;
}): Promise<MutationResult<{ token: TokenRow }>> {
  return mutate({
    name: "revokeApiToken",
    schema: tokenRevokeSchema,
    input,
    viewer,
    permission: "token:personal",
    run: async ({ tx, viewer, input }) => {
      refuseTokenCaller(viewer);
      const row = await tx.apiToken.findUnique({
        where: { id: input.id },
        select: { ...tokenRowSelect, userId: true, unit: { select: { code: true, nameEn: true, nameZh: true, path: true } } },
      });
      const mayRevoke =
        row &&
        (row.kind === "PERSONAL" ? row.userId === viewer.id : !!row.unit && grantPaths(viewer, "token:service").full.some((p) => isWithin(row.unit!.path, p)));
      // someone else's token is as unknown as a missing one
      if (!row || !mayRevoke) throw new AppError("NOT_FOUND", "noSuchToken");
      if (row.revokedAt) return { token: toTokenRow(row, now) };
      const updated = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: now, revokedById: viewer.id }, select: tokenRowSelect });
      await recordAudit(tx, viewer, {
        action: "token.revoke",
        entityType: "ApiToken",
        entityId: row.id,
        before: { revokedAt: null },
        after: { revokedAt: now.toISOString(), prefix: row.prefix, kind: row.kind.toLowerCase() },
      });
      return { token: toTokenRow(updated, now) };
    },
  });
}
