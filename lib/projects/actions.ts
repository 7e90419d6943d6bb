"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/session";
import { updateProjectStatus } from "@/lib/projects/update-project";

// Thin: the domain function validates, authorizes and writes; this only adds the
// viewer from the session and refreshes the page after a successful save.

export async function updateProjectAction(slug: string, input: unknown) {
  const result = await updateProjectStatus({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}
