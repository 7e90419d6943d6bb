"use client";

import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { ErrorSummary, FieldError, type SummaryItem } from "@/components/ui/form";
import { describedBy, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { signInSchema } from "@/lib/auth/sign-in.validation";
import { SsoSignIn } from "./sso-sign-in";

/**
 * Email and password, posted to the sign-in server action (works without
 * JavaScript too). With JavaScript the same schema as the server's checks the
 * fields first; either way errors appear next to their field and in a summary
 * that takes focus. With single sign-on configured its button comes first;
 * with password sign-in turned off it is the only way in.
 */
export function SignInForm({ next, password = true, sso = null }: { next: string; password?: boolean; sso?: { name: string; error: string | null } | null }) {
  const t = useTranslations("auth.signIn");
  const tSso = useTranslations("sso");
  const id = useId();
  const [state, formAction, isPending] = useActionState<SignInState, FormData>(signInAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // Controlled, so a failed attempt keeps the address (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  const summaryRef = useRef<HTMLDivElement>(null);

  const errors: FieldErrors = clientErrors ?? state?.error.fields ?? {};
  const message = clientErrors ? null : (state?.error.message ?? null);

  // A failed sign-in (answered by the server) moves focus to the summary.
  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    setEmail(String(data.get("email") ?? "")); // what was typed, even before React took over the field
    const parsed = signInSchema.safeParse({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? ""), next });
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(zodFieldErrors(parsed.error));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setClientErrors(null);
  }

  const ids = { email: `${id}-email`, password: `${id}-password` };
  const items: SummaryItem[] = [
    ...(message ? [{ targetId: null, message }] : []),
    ...(["email", "password"] as const).filter((f) => errors[f]).map((f) => ({ targetId: ids[f], message: errors[f] })),
  ];

  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{password ? t("intro") : tSso("intro")}</p>
      <div className="mt-6 space-y-4 rounded-lg border border-slate-300 bg-white p-6 shadow-xs">
        {sso && <SsoSignIn name={sso.name} next={next} error={sso.error} />}
        {sso && password && <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">{tSso("orPassword")}</p>}
        {password && <ErrorSummary ref={summaryRef} id={`${id}-summary`} items={items} />}
        {password && (
          <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
            <input type="hidden" name="next" value={next} />
            <div>
              <label htmlFor={ids.email} className="field-label">
                {t("email")}
              </label>
              <input
                id={ids.email}
                name="email"
                type="email"
                autoComplete="username"
                required
                maxLength={320}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={describedBy(errors.email && `${ids.email}-error`)}
                className="field-control"
              />
              <FieldError id={`${ids.email}-error`} message={errors.email} />
            </div>
            <div>
              <label htmlFor={ids.password} className="field-label">
                {t("password")}
              </label>
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={128}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy(errors.password && `${ids.password}-error`)}
                className="field-control"
              />
              <FieldError id={`${ids.password}-error`} message={errors.password} />
            </div>
            <button type="submit" disabled={isPending} className="btn-primary w-full disabled:opacity-60">
              {isPending ? t("submitting") : t("submit")}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
