"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/session";
import { createMilestone, updateMilestone } from "@/lib/milestones/milestone-mutations";

// Thin: the domain functions validate, authorize and write; these only add the
// viewer from the session and refresh the project page after a successful save.

export async function createMilestoneAction(slug: string, input: unknown) {
  const result = await createMilestone({ viewer: await getViewer(), slug, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}

export async function updateMilestoneAction(slug: string, milestoneId: string, input: unknown) {
  const result = await updateMilestone({ viewer: await getViewer(), slug, milestoneId, input });
  if (result.ok) revalidatePath(`/projects/${slug}`);
  return result;
}
