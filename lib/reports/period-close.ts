import "server-only";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { mutate, type MutationResult } from "../server/mutation";
import { closePeriodSchema } from "./period-close.validation";
import { periodBounds } from "./periods";

export interface PeriodClose {
  periodId: string;
  closedAt: string;
  closedByName: string | null;
}

/** When a period was closed, and by whom; null while it is open (or was never used). */
export async function getPeriodClose({ periodId }: { periodId: string }): Promise<PeriodClose | null> {
  const prisma = await db();
  const p = await prisma.reportingPeriod.findUnique({ where: { id: periodId }, select: { closedAt: true, closedByName: true } });
  return p?.closedAt ? { periodId, closedAt: p.closedAt.toISOString(), closedByName: p.closedByName } : null;
}

/** Which of these months are closed (a quarter's or a year's pack shows each). */
export async function listPeriodCloses({ periodIds }: { periodIds: string[] }): Promise<PeriodClose[]> {
  const prisma = await db();
  const rows = await prisma.reportingPeriod.findMany({
    where: { id: { in: periodIds }, closedAt: { not: null } },
    select: { id: true, closedAt: true, closedByName: true },
    orderBy: { id: "asc" },
  });
  return rows.map((p) => ({ periodId: p.id, closedAt: p.closedAt!.toISOString(), closedByName: p.closedByName }));
}

/** For the UI (it only hides the control; closePeriod checks again): may this viewer close the group's periods? */
export async function canClosePeriods(viewer: Viewer | null): Promise<boolean> {
  if (!viewer || !can(viewer, "report:close")) return false;
  const prisma = await db();
  return can(viewer, "report:close", { unitPath: await rootPath(prisma) });
}

async function rootPath(tx: Prisma.TransactionClient | Awaited<ReturnType<typeof db>>): Promise<string> {
  const root = await tx.orgUnit.findFirst({ where: { parentId: null }, select: { path: true } });
  return root?.path ?? "/";
}

/**
 * Closes a month for the whole group (docs/decisions/0073): from now on only
 * corrections of its published reports move forward; the pack shows it closed.
 * Only an admin who holds the role at the group's root may close (an admin of
 * one subsidiary may not close the group's month); a month is closed only after
 * it has ended, and once (the database refuses to reopen it).
 */
export function closePeriod({ viewer, input, now = new Date() }: { viewer: Viewer | null; input: unknown; now?: Date }): Promise<MutationResult<PeriodClose>> {
  return mutate({
    name: "closePeriod",
    schema: closePeriodSchema,
    input,
    viewer,
    permission: "report:close",
    run: async ({ tx, viewer, input }) => {
      if (!can(viewer, "report:close", { unitPath: await rootPath(tx) })) throw new AppError("FORBIDDEN", "roleNoChange");
      const { startsOn, endsOn } = periodBounds(input.periodId);
      if (now.getTime() < endsOn.getTime() + 86_400_000) throw new AppError("CONFLICT", "periodNotEnded");
      await tx.reportingPeriod.upsert({ where: { id: input.periodId }, create: { id: input.periodId, startsOn, endsOn }, update: {} });
      const closed = await tx.reportingPeriod.updateMany({ where: { id: input.periodId, closedAt: null }, data: { closedAt: now, closedByName: viewer.name } });
      if (closed.count !== 1) throw new AppError("CONFLICT", "periodAlreadyClosed");
      // What the close left unreported stays so: the audit records how many, for the reader of the trail.
      const [published, open] = await Promise.all([
        tx.statusReport.count({ where: { periodId: input.periodId, state: "PUBLISHED" } }),
        tx.statusReport.count({ where: { periodId: input.periodId, state: { not: "PUBLISHED" }, supersedesId: null } }),
      ]);
      await recordAudit(tx, viewer, {
        action: "report.period.close",
        entityType: "ReportingPeriod",
        entityId: input.periodId,
        before: { closedAt: null },
        after: { closedAt: now.toISOString(), published, openReports: open },
      });
      return { periodId: input.periodId, closedAt: now.toISOString(), closedByName: viewer.name };
    },
  });
}
