import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getViewer } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/sign-in.validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = (await searchParams).next;
  const next = safeReturnPath(typeof raw === "string" ? raw : undefined);
  // Already signed in: nothing to do here.
  if (await getViewer()) redirect(next);
  return <SignInForm next={next} />;
}
