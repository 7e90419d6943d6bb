import "server-only";
import { can, grantPaths } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";

/** What a list shows of a token: never the token or its hash. */
export const tokenRowSelect = {
  id: true,
  kind: true,
  name: true,
  prefix: true,
  scope: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  unit: { select: { code: true, nameEn: true, nameZh: true } },
} as const;

export interface TokenRow {
  id: string;
  kind: "personal" | "service";
  name: string;
  prefix: string;
  scope: "read" | "write";
  unitCode: string | null;
  role: string | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
}

type SelectedRow = {
  id: string;
  kind: "PERSONAL" | "SERVICE";
  name: string;
  prefix: string;
  scope: "READ" | "WRITE";
  role: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  unit: { code: string } | null;
};

export function toTokenRow(r: SelectedRow, now = new Date()): TokenRow {
  return {
    id: r.id,
    kind: r.kind === "PERSONAL" ? "personal" : "service",
    name: r.name,
    prefix: r.prefix,
    scope: r.scope === "READ" ? "read" : "write",
    unitCode: r.unit?.code ?? null,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    status: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active",
  };
}

/**
 * The viewer's personal tokens, or (kind "service") the service tokens on
 * units the viewer's admin role covers; newest first, revoked ones included
 * so their last use stays visible.
 */
export async function listApiTokens({
  viewer,
  kind,
  now = new Date(),
}: {
  viewer: Viewer | null;
  kind: "personal" | "service";
  now?: Date;
}): Promise<TokenRow[]> {
  if (!viewer) return [];
  const prisma = await db();
  if (kind === "personal") {
    const rows = await prisma.apiToken.findMany({
      where: { userId: viewer.id, kind: "PERSONAL" },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: tokenRowSelect,
    });
    return rows.map((r) => toTokenRow(r, now));
  }
  if (!can(viewer, "token:service")) return [];
  const paths = grantPaths(viewer, "token:service").full;
  const rows = await prisma.apiToken.findMany({
    where: { kind: "SERVICE", unit: { OR: paths.map((p) => ({ path: { startsWith: p } })) } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: tokenRowSelect,
  });
  return rows.map((r) => toTokenRow(r, now));
}
