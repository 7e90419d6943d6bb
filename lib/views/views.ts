import "server-only";
import { z } from "zod";
import type { Viewer } from "../auth/session";
import { can } from "../auth/permissions";
import { db } from "../db/client";
import { publicReadAllowed } from "../env";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { DENSITIES, normalizeColumns, type Density, type ProjectColumnId } from "../projects/columns";
import { GROUP_KEYS, parseListParamsLenient, toSearchParams, type GroupKey } from "../projects/list-params";
import { mutate, type MutationResult } from "../server/mutation";
import type { SavedViewSummary, TablePreferences } from "./types";
import { defaultViewSchema, preferencesSchema, viewInputSchema, viewUpdateSchema } from "./view.validation";

/**
 * Saved views of the projects table and each user's table preferences.
 * Authorization lives in the where: a viewer reads their own views and shared
 * ones, and changes only their own.
 */
const visibleTo = (viewerId: string): Prisma.SavedViewWhereInput => ({ OR: [{ ownerId: viewerId }, { shared: true }] });

const viewSelect = {
  id: true,
  name: true,
  query: true,
  columns: true,
  columnWidths: true,
  groupBy: true,
  density: true,
  shared: true,
  ownerId: true,
  owner: { select: { name: true } },
} satisfies Prisma.SavedViewSelect;

type ViewRecord = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;

function toSummary(v: ViewRecord, viewerId: string, defaultViewId: string | null): SavedViewSummary {
  return {
    id: v.id,
    name: v.name,
    query: v.query,
    columns: normalizeColumns(v.columns),
    columnWidths: widths(v.columnWidths),
    groupBy: (GROUP_KEYS as readonly string[]).includes(v.groupBy ?? "") ? (v.groupBy as GroupKey) : null,
    density: (DENSITIES as readonly string[]).includes(v.density ?? "") ? (v.density as Density) : null,
    shared: v.shared,
    ownerName: v.owner.name,
    mine: v.ownerId === viewerId,
    isDefault: v.id === defaultViewId,
  };
}

function widths(json: Prisma.JsonValue | null): Partial<Record<ProjectColumnId, number>> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter(([, w]) => typeof w === "number"));
}

/**
 * A view stores the list's filters and sort in their canonical form, without
 * the page (a view opens at its first page) or a view reference.
 */
export function canonicalViewQuery(query: string): string {
  const { params } = parseListParamsLenient(new URLSearchParams(query));
  return toSearchParams({ ...params, page: 1, view: undefined }).toString();
}

/** The views a viewer may open: their own, then everyone's shared ones, by name. */
export async function listViews(opts: { viewer: Viewer | null }): Promise<SavedViewSummary[]> {
  if (!opts.viewer) return [];
  const viewerId = opts.viewer.id;
  const prisma = await db();
  const [views, pref] = await Promise.all([
    prisma.savedView.findMany({ where: visibleTo(viewerId), select: viewSelect, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    prisma.userPreference.findUnique({ where: { userId: viewerId }, select: { defaultViewId: true } }),
  ]);
  const summaries = views.map((v) => toSummary(v, viewerId, pref?.defaultViewId ?? null));
  return [...summaries.filter((v) => v.mine), ...summaries.filter((v) => !v.mine)];
}

/**
 * One view, if this viewer may open it (own or shared); null otherwise, never
 * "exists but forbidden". A view shared with everyone also opens for a reader
 * who is not signed in, where public reading lets them read projects at all
 * (docs/decisions/0066-shared-views-for-public-readers.md): a view holds
 * filters and columns, never rows, and the rows are the reader's scope's.
 * Its owner's name is not shown to them.
 */
export async function getView(opts: { viewer: Viewer | null; id: string }): Promise<SavedViewSummary | null> {
  if (!isUuid(opts.id)) return null;
  if (!opts.viewer) {
    if (!publicReadAllowed()) return null;
    const prisma = await db();
    const view = await prisma.savedView.findFirst({ where: { id: opts.id, shared: true }, select: viewSelect });
    return view ? { ...toSummary(view, "", null), ownerName: "" } : null;
  }
  const viewerId = opts.viewer.id;
  const prisma = await db();
  const [view, pref] = await Promise.all([
    prisma.savedView.findFirst({ where: { id: opts.id, ...visibleTo(viewerId) }, select: viewSelect }),
    prisma.userPreference.findUnique({ where: { userId: viewerId }, select: { defaultViewId: true } }),
  ]);
  return view ? toSummary(view, viewerId, pref?.defaultViewId ?? null) : null;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

async function assertNameFree(tx: Prisma.TransactionClient, ownerId: string, name: string, exceptId?: string) {
  const clash = await tx.savedView.findFirst({ where: { ownerId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", { key: "viewNameTaken", params: { name } }, { name: "viewNameTakenField" });
}

function assertMayShare(viewer: Viewer, shared: boolean | undefined) {
  if (shared && !can(viewer, "view:share")) throw new AppError("FORBIDDEN", "roleNoSharing");
}

export async function createView(opts: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<SavedViewSummary>> {
  return mutate({
    name: "createView",
    schema: viewInputSchema,
    input: opts.input,
    viewer: opts.viewer,
    permission: "view:create",
    run: async ({ tx, viewer, input }) => {
      assertMayShare(viewer, input.shared);
      await assertNameFree(tx, viewer.id, input.name);
      const view = await tx.savedView.create({
        data: {
          ownerId: viewer.id,
          name: input.name,
          query: canonicalViewQuery(input.query),
          columns: input.columns,
          columnWidths: input.columnWidths ?? undefined,
          groupBy: input.groupBy ?? null,
          density: input.density ?? null,
          shared: input.shared,
        },
        select: viewSelect,
      });
      return toSummary(view, viewer.id, null);
    },
  });
}

/** Changes one's own view; another user's (even shared) is NOT_FOUND. */
export async function updateView(opts: { viewer: Viewer | null; id: string; input: unknown }): Promise<MutationResult<SavedViewSummary>> {
  return mutate({
    name: "updateView",
    schema: viewUpdateSchema,
    input: opts.input,
    viewer: opts.viewer,
    permission: "view:create",
    run: async ({ tx, viewer, input }) => {
      const own = isUuid(opts.id) && (await tx.savedView.findFirst({ where: { id: opts.id, ownerId: viewer.id }, select: { id: true } }));
      if (!own) throw new AppError("NOT_FOUND", "noSuchViewOfYours");
      assertMayShare(viewer, input.shared);
      if (input.name !== undefined) await assertNameFree(tx, viewer.id, input.name, opts.id);
      const view = await tx.savedView.update({
        where: { id: opts.id, ownerId: viewer.id },
        data: {
          name: input.name,
          query: input.query === undefined ? undefined : canonicalViewQuery(input.query),
          columns: input.columns,
          columnWidths: input.columnWidths,
          groupBy: input.groupBy,
          density: input.density,
          shared: input.shared,
        },
        select: viewSelect,
      });
      const pref = await tx.userPreference.findUnique({ where: { userId: viewer.id }, select: { defaultViewId: true } });
      return toSummary(view, viewer.id, pref?.defaultViewId ?? null);
    },
  });
}

/** Deletes one's own view. Whoever had it as default falls back to none (the schema's ON DELETE SET NULL). */
export async function deleteView(opts: { viewer: Viewer | null; id: string }): Promise<MutationResult<{ id: string }>> {
  return mutate({
    name: "deleteView",
    schema: z.object({}),
    input: {},
    viewer: opts.viewer,
    permission: "view:create",
    run: async ({ tx, viewer }) => {
      const { count } = isUuid(opts.id) ? await tx.savedView.deleteMany({ where: { id: opts.id, ownerId: viewer.id } }) : { count: 0 };
      if (!count) throw new AppError("NOT_FOUND", "noSuchViewOfYours");
      return { id: opts.id };
    },
  });
}

/** Sets (or with null clears) the viewer's default view: one they may open. */
export async function setDefaultView(opts: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ defaultViewId: string | null }>> {
  return mutate({
    name: "setDefaultView",
    schema: defaultViewSchema,
    input: opts.input,
    viewer: opts.viewer,
    permission: "view:create",
    run: async ({ tx, viewer, input }) => {
      if (input.viewId && !(await tx.savedView.findFirst({ where: { id: input.viewId, ...visibleTo(viewer.id) }, select: { id: true } })))
        throw new AppError("NOT_FOUND", "noSuchView");
      await tx.userPreference.upsert({
        where: { userId: viewer.id },
        create: { userId: viewer.id, defaultViewId: input.viewId },
        update: { defaultViewId: input.viewId },
      });
      return { defaultViewId: input.viewId };
    },
  });
}

const NO_PREFERENCES: TablePreferences = { columns: normalizeColumns([]), columnWidths: {}, density: "comfortable", defaultViewId: null };

/** The viewer's table settings; defaults for anonymous readers and users who never chose. */
export async function getPreferences(opts: { viewer: Viewer | null }): Promise<TablePreferences> {
  if (!opts.viewer) return NO_PREFERENCES;
  const prisma = await db();
  const pref = await prisma.userPreference.findUnique({ where: { userId: opts.viewer.id } });
  if (!pref) return NO_PREFERENCES;
  return {
    columns: normalizeColumns(pref.columns),
    columnWidths: widths(pref.columnWidths),
    density: pref.density === "compact" ? "compact" : "comfortable",
    defaultViewId: pref.defaultViewId,
  };
}

export async function savePreferences(opts: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<TablePreferences>> {
  return mutate({
    name: "savePreferences",
    schema: preferencesSchema,
    input: opts.input,
    viewer: opts.viewer,
    permission: "view:create",
    run: async ({ tx, viewer, input }) => {
      const data = {
        columns: input.columns,
        columnWidths: input.columnWidths === null ? ({} as Prisma.InputJsonValue) : input.columnWidths,
        density: input.density,
      };
      const pref = await tx.userPreference.upsert({
        where: { userId: viewer.id },
        create: { userId: viewer.id, columns: data.columns ?? [], columnWidths: data.columnWidths, density: data.density ?? null },
        update: data,
      });
      return {
        columns: normalizeColumns(pref.columns),
        columnWidths: widths(pref.columnWidths),
        density: pref.density === "compact" ? "compact" : "comfortable",
        defaultViewId: pref.defaultViewId,
      };
    },
  });
}
