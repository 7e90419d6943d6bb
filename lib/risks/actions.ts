"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { assessRisk, createRisk, createRiskAction, updateRisk, updateRiskAction } from "./risk-mutations";

// Thin: the domain functions validate, authorize and write; these add the
// viewer from the session and refresh the pages that show the change.

export async function createRiskFormAction(slug: string, input: unknown) {
  const result = await createRisk({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function updateRiskFormAction(slug: string, riskId: string, input: unknown) {
  const result = await updateRisk({ viewer: await getViewer(), slug, riskId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`, "layout");
  return result;
}

export async function assessRiskFormAction(slug: string, riskId: string, input: unknown) {
  const result = await assessRisk({ viewer: await getViewer(), slug, riskId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`, "layout");
  return result;
}

export async function createRiskActionFormAction(slug: string, riskId: string, input: unknown) {
  const result = await createRiskAction({ viewer: await getViewer(), slug, riskId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`, "layout");
  return result;
}

export async function updateRiskActionFormAction(slug: string, riskId: string, actionId: string, input: unknown) {
  const result = await updateRiskAction({ viewer: await getViewer(), slug, riskId, actionId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`, "layout");
  return result;
}
