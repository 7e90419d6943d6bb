"use server";

import { redirect } from "next/navigation";
import { signInWithPassword, signOutCurrentUser, type SignInResult } from "@/lib/auth/sign-in";
import { safeReturnPath } from "@/lib/auth/sign-in.validation";

export type SignInState = Exclude<SignInResult, { ok: true }> | null;

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signInWithPassword({
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
    next: formData.get("next") ? String(formData.get("next")) : undefined,
  });
  if (!result.ok) return result;
  redirect(safeReturnPath(result.next));
}

export async function signOutAction(): Promise<void> {
  await signOutCurrentUser();
  redirect("/");
}
