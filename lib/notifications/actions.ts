"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { markNotificationsRead } from "./mark-read";

export async function markNotificationsReadAction(input: unknown) {
  const r = await markNotificationsRead({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath("/notifications");
  return r;
}
