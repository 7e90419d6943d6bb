"use server";

import { revalidatePath } from "next/cache";
import { setManagerAssignment, setUserDisabled, setUserRole } from "@/lib/auth/admin-users";
import { getViewer } from "@/lib/auth/session";

export async function setUserRoleAction(input: unknown) {
  const result = await setUserRole({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin");
  return result;
}

export async function setUserDisabledAction(input: unknown) {
  const result = await setUserDisabled({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin");
  return result;
}

export async function setManagerAssignmentAction(input: unknown) {
  const result = await setManagerAssignment({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin");
  return result;
}
