"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createUser, setManagerAssignment, setUserDisabled, setUserRole } from "@/lib/auth/admin-users";
import { getViewer } from "@/lib/auth/session";
import { signInWithPassword, signOutCurrentUser, startSsoSignIn, type SignInResult, type SsoStartResult } from "@/lib/auth/sign-in";
import { landingPath } from "@/lib/projects/managed-projects";

// Server actions of the auth domain (sign-in, sign-out, the admin page's user changes). Thin: the domain
// functions validate, authorize and write; these add the viewer from the session and refresh the page.

export type SignInState = Exclude<SignInResult, { ok: true }> | null;

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signInWithPassword({
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    next: formData.get("next") ? String(formData.get("next")) : undefined,
  });
  if (!result.ok) return result;
  redirect(await landingPath({ userId: result.data.userId, next: result.data.next }));
}

export type SsoSignInState = Exclude<SsoStartResult, { ok: true }> | null;

/** The "Sign in with …" button: off to the identity provider. */
export async function ssoSignInAction(_prev: SsoSignInState, formData: FormData): Promise<SsoSignInState> {
  const result = await startSsoSignIn({ next: formData.get("next") ? String(formData.get("next")) : undefined });
  if (!result.ok) return result;
  redirect(result.data.url);
}

export async function signOutAction(): Promise<void> {
  await signOutCurrentUser();
  redirect("/");
}

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

/** The admin page's "New user": the same audited createUser as POST /api/admin/create-user and the CLI. */
export async function createUserAction(input: unknown) {
  const result = await createUser({ viewer: await getViewer(), input });
  if (result.ok) revalidatePath("/admin");
  return result;
}
