"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { encodeMessages } from "@/lib/i18n/format-message";
import { getViewer } from "../auth/session";
import type { MutationResult } from "../server/mutation";
import { archiveOrgUnit, createOrgUnit, moveOrgUnit, moveProjectsToUnit, renameOrgUnit, setRoleAssignment } from "./org-mutations";

/**
 * The organization page's forms (plain forms: they work before hydration).
 * Each runs the audited mutation and comes back to the page with its outcome
 * in the URL, which the page announces.
 */
const PAGE = "/admin/organization";

function text(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

/** A unit picker's value is "CODE@version": the version the admin saw, for optimistic concurrency. */
function unitAndVersion(form: FormData, key = "unit"): { code: string; version: number } {
  const [code, version] = text(form, key).split("@");
  return { code: code ?? "", version: Number(version) };
}

async function finish(result: MutationResult<unknown>): Promise<never> {
  if (result.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?done=1`);
  }
  // By key, so the page words it in the reader's language (lib/i18n/format-message.ts).
  redirect(`${PAGE}?error=${encodeURIComponent(encodeMessages([result.error.message, ...Object.values(result.error.fields ?? {})]))}`);
}

export async function createUnitAction(form: FormData): Promise<void> {
  await finish(
    await createOrgUnit({
      viewer: await getViewer(),
      input: {
        parentCode: text(form, "parentCode"),
        code: text(form, "code"),
        nameEn: text(form, "nameEn"),
        nameZh: text(form, "nameZh"),
        currency: text(form, "currency") || "CNY",
        reason: text(form, "reason"),
      },
    }),
  );
}

export async function renameUnitAction(form: FormData): Promise<void> {
  const { code, version } = unitAndVersion(form);
  await finish(
    await renameOrgUnit({
      viewer: await getViewer(),
      input: { code, version, nameEn: text(form, "nameEn"), nameZh: text(form, "nameZh"), reason: text(form, "reason") },
    }),
  );
}

export async function moveUnitAction(form: FormData): Promise<void> {
  const { code, version } = unitAndVersion(form);
  await finish(await moveOrgUnit({ viewer: await getViewer(), input: { code, version, parentCode: text(form, "parentCode"), reason: text(form, "reason") } }));
}

export async function archiveUnitAction(form: FormData): Promise<void> {
  const { code, version } = unitAndVersion(form);
  await finish(
    await archiveOrgUnit({ viewer: await getViewer(), input: { code, version, archived: text(form, "intent") !== "restore", reason: text(form, "reason") } }),
  );
}

export async function moveProjectsAction(form: FormData): Promise<void> {
  const slugs = form.getAll("slugs").filter((v): v is string => typeof v === "string");
  await finish(await moveProjectsToUnit({ viewer: await getViewer(), input: { slugs, toCode: text(form, "toCode"), reason: text(form, "reason") } }));
}

export async function roleAssignmentAction(form: FormData): Promise<void> {
  await finish(
    await setRoleAssignment({
      viewer: await getViewer(),
      input: {
        userId: text(form, "userId"),
        unitCode: text(form, "unitCode"),
        role: text(form, "role"),
        assigned: text(form, "intent") !== "remove",
        reason: text(form, "reason"),
      },
    }),
  );
}
