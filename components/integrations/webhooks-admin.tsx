"use client";

import type { Message } from "@/lib/i18n/message";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EVENT_KINDS, type EventKind } from "@/lib/jobs/webhook-events";
import { createWebhookAction, deleteWebhookAction, setWebhookActiveAction } from "@/lib/webhooks/actions";
import type { WebhookRow } from "@/lib/webhooks/webhook-endpoints";
import { ENUMERATION } from "@/lib/i18n/list-format";

const INPUT = "mt-1 rounded border border-slate-400 px-2 py-1 font-normal";

/** Webhook subscriptions: add (the signing secret is shown once), filter by kind of change, pause, delete. */
export function WebhooksAdmin({ rows }: { rows: WebhookRow[] }) {
  const t = useTranslations("integrations.webhooks");
  const format = useFormatter();
  const translate = useMessage();
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [url, setUrl] = useState("");
  const [kinds, setKinds] = useState<EventKind[]>([]);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const run = (fn: () => Promise<{ ok: boolean; error?: { message: Message; fields?: Record<string, Message> } }>, done: string | null) => {
    setError(null);
    setStatus(null);
    startTransition(async () => {
      const r = await fn();
      if (r.ok) {
        if (done) setStatus(done);
        router.refresh();
      } else setError(translate(Object.values(r.error?.fields ?? {})[0] ?? r.error?.message ?? ""));
    });
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const r = await createWebhookAction({ url, kinds });
      if (r.ok) {
        setCreated({ url: r.data.endpoint.url, secret: r.data.secret });
        setUrl("");
        setKinds([]);
        router.refresh();
      } else setError(translate(Object.values(r.error.fields ?? {})[0] ?? r.error.message));
    });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-new`} className="max-w-3xl space-y-2">
        <h2 id={`${id}-new`} className="text-lg font-semibold text-slate-900">
          {t("newTitle")}
        </h2>
        <form onSubmit={submit} className="space-y-3">
          <label className="flex flex-col text-sm font-medium text-slate-800">
            {t("url")}
            <input
              type="url"
              required
              maxLength={1000}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              className={`${INPUT} w-full max-w-xl`}
              placeholder="https://"
            />
          </label>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("kinds")}</legend>
            <p className="text-sm text-slate-600">{t("kindsHint")}</p>
            <div className="mt-1 flex flex-wrap gap-3">
              {EVENT_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={kinds.includes(k)}
                    onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
                  />
                  {t(`kindNames.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <button
            type="submit"
            disabled={isPending || !hydrated}
            className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {t("create")}
          </button>
        </form>
        <div role="alert" className="text-sm font-medium text-red-700 empty:hidden">
          {error}
        </div>
        <div role="status" className="text-sm font-medium text-emerald-800 empty:hidden">
          {status}
        </div>
        {created && (
          <div className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
            <p className="font-medium text-slate-900">{t("shownOnce", { url: created.url })}</p>
            <label className="mt-2 flex flex-col font-medium text-slate-800">
              {t("secret")}
              <input readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} className={`${INPUT} w-full font-mono`} />
            </label>
            <button type="button" onClick={() => setCreated(null)} className="mt-2 rounded border border-slate-500 px-2 py-1">
              {t("done")}
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-list`} className="space-y-2">
        <h2 id={`${id}-list`} className="text-lg font-semibold text-slate-900">
          {t("listTitle")}
        </h2>
        {rows.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-300">
                <tr>
                  {(["url", "kinds", "state", "backlog", "actions"] as const).map((k) => (
                    <th key={k} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium break-all">
                      {r.url}
                    </th>
                    <td className="py-2 pr-4">
                      {r.topics.length
                        ? format.list(
                            r.topics.map((k) => ((EVENT_KINDS as readonly string[]).includes(k) ? t(`kindNames.${k as EventKind}`) : k)),
                            ENUMERATION,
                          )
                        : t("allKinds")}
                    </td>
                    <td className="py-2 pr-4">{r.active ? t("active") : t("paused")}</td>
                    <td className="py-2 pr-4">{t("backlogCounts", { pending: r.pending, dead: r.dead })}</td>
                    <td className="flex gap-2 py-2 pr-4">
                      <button
                        type="button"
                        disabled={isPending || !hydrated}
                        onClick={() =>
                          run(
                            () => setWebhookActiveAction({ id: r.id, active: !r.active }),
                            r.active ? t("pausedDone", { url: r.url }) : t("resumedDone", { url: r.url }),
                          )
                        }
                        className="rounded border border-slate-500 px-2 py-0.5 disabled:opacity-60"
                        aria-label={r.active ? t("pauseNamed", { url: r.url }) : t("resumeNamed", { url: r.url })}
                      >
                        {r.active ? t("pause") : t("resume")}
                      </button>
                      <button
                        type="button"
                        disabled={isPending || !hydrated}
                        onClick={() =>
                          window.confirm(t("confirmDelete", { url: r.url })) && run(() => deleteWebhookAction({ id: r.id }), t("deletedDone", { url: r.url }))
                        }
                        className="rounded border border-red-700 px-2 py-0.5 text-red-800 disabled:opacity-60"
                        aria-label={t("deleteNamed", { url: r.url })}
                      >
                        {t("delete")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
