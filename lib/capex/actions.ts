"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { approveBudgetVersion, createBudgetVersion, createCostCategory, createRateSet, setBudgetLine, setCostLine } from "./capex-mutations";
import { createKpiDefinition, setKpiActual, setKpiTarget } from "../kpis/kpi-mutations";
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

export async function setBudgetLineAction(slug: string, versionId: string, input: unknown) {
  const result = await setBudgetLine({ viewer: await getViewer(), slug, versionId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function setCostLineAction(slug: string, input: unknown) {
  const result = await setCostLine({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function setKpiActualAction(slug: string, input: unknown) {
  const result = await setKpiActual({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function setKpiTargetAction(slug: string, input: unknown) {
  const result = await setKpiTarget({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

// Reference data (admins): the pages under /admin/capex.
export async function createCostCategoryAction(input: unknown) {
  const result = await createCostCategory({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin/capex");
  return result;
}

export async function createKpiDefinitionAction(input: unknown) {
  const result = await createKpiDefinition({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin/capex");
  return result;
}

export async function createRateSetAction(input: unknown) {
  const result = await createRateSet({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin/capex");
  return result;
}
