"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { unlockSignInAction } from "@/lib/auth/login-unlock.actions";

/** Admins clear an account's failed sign-ins (lib/auth/login-unlock.ts), so its owner need not wait out the delay. */
export function SignInUnlock() {
  const t = useTranslations("signInUnlock");
  const translate = useMessage();
  const id = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [email, setEmail] = useState("");
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; message: string } | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFeedback(null);
    startTransition(async () => {
      const result = await unlockSignInAction({ email });
      if (result.ok) {
        setFeedback({ kind: "ok", message: t("done", { email: result.data.email, count: result.data.cleared }) });
        setEmail("");
      } else setFeedback({ kind: "error", message: translate(result.error.fields?.email ?? result.error.message) });
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="mt-8 max-w-xl space-y-2">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-medium text-slate-800">
          {t("email")}
          <input
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <button type="submit" disabled={isPending || !hydrated} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t("submit")}
        </button>
      </form>
      <div role="status" className="min-h-5 text-sm font-medium text-emerald-800">
        {feedback?.kind === "ok" && feedback.message}
      </div>
      <div role="alert" className="text-sm font-medium text-red-700 empty:hidden">
        {feedback?.kind === "error" && feedback.message}
      </div>
    </section>
  );
}
