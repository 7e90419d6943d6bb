"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/session";
import { createView, deleteView, savePreferences, setDefaultView, updateView } from "@/lib/views/views";

// Thin: lib/views validates, authorizes and writes; these add the viewer and refresh the list.

export async function createViewAction(input: unknown) {
  const result = await createView({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function updateViewAction(id: string, input: unknown) {
  const result = await updateView({ viewer: await getViewer(), id, input });
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function deleteViewAction(id: string) {
  const result = await deleteView({ viewer: await getViewer(), id });
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function setDefaultViewAction(viewId: string | null) {
  const result = await setDefaultView({ viewer: await getViewer(), input: { viewId } });
  if (result.ok) revalidatePath("/projects");
  return result;
}

export async function savePreferencesAction(input: unknown) {
  return savePreferences({ viewer: await getViewer(), input });
}
