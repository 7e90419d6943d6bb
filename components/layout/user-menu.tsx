import { Suspense } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/auth/actions";
import type { Role } from "@/lib/auth/permissions";
import { SignInLink } from "./sign-in-link";

const SIGN_IN_CLASS =
  "inline-flex h-9 items-center rounded-md bg-amber-400 px-3 text-sm font-semibold whitespace-nowrap text-slate-900 hover:bg-amber-300 focus-visible:outline-amber-300";

/**
 * Who is signed in (name and role) with a "Sign out" button, a plain form
 * posting the sign-out action (works without JavaScript); "Sign in" otherwise.
 */
export function UserMenu({ viewer }: { viewer: { name: string; role: Role | null } | null }) {
  const t = useTranslations("layout.user");
  const tRole = useTranslations("roles");
  const tInt = useTranslations("integrations.tokens");
  if (!viewer)
    return (
      // The link reads the query string (to come back to it); until then it points at the plain sign-in page.
      <Suspense
        fallback={
          <Link href="/sign-in" className={SIGN_IN_CLASS}>
            {t("signIn")}
          </Link>
        }
      >
        <SignInLink label={t("signIn")} className={SIGN_IN_CLASS} />
      </Suspense>
    );
  return (
    <div className="flex items-center gap-3 text-sm">
      <p className="hidden max-w-48 text-right leading-tight whitespace-nowrap sm:block">
        <span className="sr-only">{t("signedInAs")} </span>
        <span className="block truncate font-medium text-white">{viewer.name}</span>
        <span className="block truncate text-xs text-slate-300">{viewer.role ? tRole(viewer.role) : tRole("none")}</span>
      </p>
      <Link href="/profile/tokens" className="text-slate-200 underline-offset-2 hover:underline focus-visible:outline-amber-300">
        {tInt("menuLink")}
      </Link>
      <form action={signOutAction}>
        <button
          type="submit"
          className="inline-flex h-9 items-center rounded-md border border-slate-500 px-3 text-sm font-medium whitespace-nowrap text-slate-100 hover:border-slate-300 hover:bg-slate-800 focus-visible:outline-amber-300"
        >
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
