"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ssoSignInAction, type SsoSignInState } from "@/lib/auth/actions";
import { ErrorSummary, type SummaryItem } from "@/components/ui/form";

/** What the provider callback's ?error=<code> means to the user; codes come from Better Auth and lib/auth/sso.ts. */
const ERROR_KEYS: Record<
  string,
  "email_not_verified" | "BANNED_USER" | "issuer_mismatch" | "state" | "unverified" | "access_denied" | "account_not_linked" | "role_mapping_failed"
> = {
  email_not_verified: "email_not_verified",
  BANNED_USER: "BANNED_USER",
  issuer_mismatch: "issuer_mismatch",
  issuer_missing: "issuer_mismatch",
  state_mismatch: "state",
  state_not_found: "state",
  state_invalid: "state",
  state_security_mismatch: "state",
  please_restart_the_process: "state",
  invalid_callback_request: "state",
  unable_to_get_user_info: "unverified",
  invalid_code: "unverified",
  nonce_binding_missing: "unverified",
  access_denied: "access_denied",
  account_not_linked: "account_not_linked",
  role_mapping_failed: "role_mapping_failed",
};

/**
 * The "Sign in with <provider>" button: a server action starts the
 * authorization code flow and sends the browser to the provider. A failed
 * return from the provider lands here with ?error=<code>, shown in the summary.
 */
export function SsoSignIn({ name, next, error }: { name: string; next: string; error: string | null }) {
  const t = useTranslations("sso");
  const [state, formAction, isPending] = useActionState<SsoSignInState, FormData>(ssoSignInAction, null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const key = error ? ERROR_KEYS[error] : undefined;
  const message = state?.error.message ?? (error ? (key ? t(`errors.${key}`) : t("errors.other", { code: error })) : null);
  const items: SummaryItem[] = message ? [{ targetId: null, message }] : [];

  useEffect(() => {
    if (message) summaryRef.current?.focus();
  }, [message]);

  return (
    <div className="space-y-4">
      <ErrorSummary ref={summaryRef} id="sso-summary" items={items} />
      <form action={formAction}>
        <input type="hidden" name="next" value={next} />
        <button type="submit" disabled={isPending} className="btn-primary w-full disabled:opacity-60">
          {isPending ? t("redirecting", { name }) : t("signInWith", { name })}
        </button>
      </form>
    </div>
  );
}
