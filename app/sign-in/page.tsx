import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getViewer } from "@/lib/auth/session";
import { safeReturnPath, ssoErrorCode } from "@/lib/auth/sign-in.validation";
import { oidcSettings, passwordSignInEnabled } from "@/lib/env";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === "string" ? params.next : undefined);
  // Already signed in: nothing to do here.
  if (await getViewer()) redirect(next);
  const sso = oidcSettings();
  const error = ssoErrorCode(typeof params.error === "string" ? params.error : undefined);
  return (
    <ClientMessages route="sign-in">
      <SignInForm next={next} password={passwordSignInEnabled()} sso={sso ? { name: sso.displayName, error } : null} />
    </ClientMessages>
  );
}
