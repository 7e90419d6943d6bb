"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { createApiToken, revokeApiToken } from "./token-mutations";

export async function createTokenAction(input: unknown) {
  const r = await createApiToken({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath(r.data.token.kind === "service" ? "/admin/tokens" : "/profile/tokens");
  return r;
}

export async function revokeTokenAction(input: unknown) {
  const r = await revokeApiToken({ viewer: await getViewer(), input });
  if (r.ok) revalidatePath(r.data.token.kind === "service" ? "/admin/tokens" : "/profile/tokens");
  return r;
}
