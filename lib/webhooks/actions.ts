"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { createWebhookEndpoint, deleteWebhookEndpoint, setWebhookActive } from "./webhook-endpoints";

export async function createWebhookAction(input: unknown) {
  const r = await createWebhookEndpoint({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath("/admin/webhooks");
  return r;
}

export async function setWebhookActiveAction(input: unknown) {
  const r = await setWebhookActive({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath("/admin/webhooks");
  return r;
}

export async function deleteWebhookAction(input: unknown) {
  const r = await deleteWebhookEndpoint({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath("/admin/webhooks");
  return r;
}
