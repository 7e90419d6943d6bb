"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { approveBudgetVersion, createBudgetVersion } from "./capex-mutations";
import { runSheetUpload, type SheetKind } from "./upload-sheet";

// Thin: the domain functions validate, authorize and write; these add the viewer and refresh the page.

export async function uploadSheetAction(slug: string, kind: SheetKind, mode: "check" | "apply", formData: FormData) {
  const file = formData.get("file");
  const result = await runSheetUpload({ viewer: await getViewer(), kind, mode, file: file instanceof File ? file : null });
  if (result.ok && mode === "apply") revalidatePath(`/projects/${slug}`);
  return result;
}

export async function createBudgetVersionAction(slug: string, input: unknown) {
  const result = await createBudgetVersion({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function approveBudgetVersionAction(slug: string, versionId: string, input: unknown) {
  const result = await approveBudgetVersion({ viewer: await getViewer(), slug, versionId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}
