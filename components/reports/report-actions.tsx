"use client";

import type { Message } from "@/lib/i18n/message";

import { useEffect, useId, useState, useSyncExternalStore, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import {
  createReportDraftAction,
  publishReportAction,
  returnReportAction,
  saveReportAction,
  submitReportAction,
  supersedeReportAction,
} from "@/lib/reports/actions";
import { NARRATIVE_FIELDS, type Narrative } from "@/lib/reports/report.validation";

type Result = { ok: true; data: { id: string; slug: string; version: number } } | { ok: false; error: { message: Message; fields?: Record<string, Message> } };

/**
 * The last success of a state change (submitted, returned, published): the
 * form that showed it is gone once the page refreshes into the new state, so
 * the page's <ReportFlash> (always rendered) keeps announcing it.
 */
let flash: string | null = null;
const flashListeners = new Set<() => void>();
function setFlash(message: string | null) {
  flash = message;
  for (const l of flashListeners) l();
}
function subscribeFlash(listener: () => void) {
  flashListeners.add(listener);
  return () => flashListeners.delete(listener);
}

/** Announces the last state change of the report (see setFlash). */
export function ReportFlash() {
  const message = useSyncExternalStore(
    subscribeFlash,
    () => flash,
    () => null,
  );
  // Another report's page starts silent.
  useEffect(() => () => setFlash(null), []);
  return (
    <p aria-live="polite" className="text-sm text-emerald-800">
      {message}
    </p>
  );
}

/** Runs a server action, shows its error or success, and refreshes the page. */
function useAction() {
  const router = useRouter();
  const translate = useMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, Message>>({});
  const [done, setDone] = useState<string | null>(null);
  const run = (action: () => Promise<Result>, success: string, then?: (r: Extract<Result, { ok: true }>) => void) =>
    start(async () => {
      setDone(null);
      setFlash(null);
      const r = await action();
      if (!r.ok) {
        setError(translate(r.error.message));
        setFields(r.error.fields ?? {});
        return;
      }
      setError(null);
      setFields({});
      if (then) {
        setDone(success);
        then(r);
      } else {
        setFlash(success);
        router.refresh();
      }
    });
  return { pending, error, fields, done, run, translate };
}

function Status({ error, done }: { error: string | null; done: string | null }) {
  return (
    <div aria-live="polite" className="text-sm">
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error}
        </p>
      )}
      {done && <p className="text-emerald-800">{done}</p>}
    </div>
  );
}

const BTN = "min-h-11 disabled:cursor-not-allowed disabled:opacity-60";

/** The manager's editor: the bilingual narrative, saved as a draft or submitted for review. */
export function ReportEditor({ reportId, version, narrative, canSubmit }: { reportId: string; version: number; narrative: Narrative; canSubmit: boolean }) {
  const t = useTranslations("reports");
  const id = useId();
  const [values, setValues] = useState<Narrative>(narrative);
  const { pending, error, fields, done, run, translate } = useAction();
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("editor.title")}
      </h2>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => saveReportAction(reportId, { version, narrative: values }), t("editor.saved"));
        }}
      >
        {NARRATIVE_FIELDS.map((f) => (
          <fieldset key={f} className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-1 font-medium text-slate-900">{t(`narrative.${f}`)}</legend>
            {(["En", "Zh"] as const).map((lang) => {
              const key: keyof Narrative = `${f}${lang}`;
              const fieldId = `${id}-${key}`;
              const err = fields[`narrative.${key}`];
              return (
                <div key={key}>
                  <label htmlFor={fieldId} className="block text-sm text-slate-700">
                    {t(lang === "En" ? "narrative.en" : "narrative.zh", { field: t(`narrative.${f}`) })}
                  </label>
                  <textarea
                    id={fieldId}
                    lang={lang === "En" ? "en" : "zh-CN"}
                    rows={3}
                    className="field-control h-auto py-2"
                    value={values[key] ?? ""}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `${fieldId}-error` : undefined}
                    onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                  />
                  {err && (
                    <p id={`${fieldId}-error`} className="mt-1 text-sm text-red-700">
                      {translate(err)}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={`btn-secondary ${BTN}`} disabled={pending}>
            {pending ? t("editor.saving") : t("editor.save")}
          </button>
          {canSubmit && (
            <button
              type="button"
              className={`btn-primary ${BTN}`}
              disabled={pending}
              onClick={() =>
                run(async () => {
                  // Save what is on screen first, then submit that version.
                  const saved = (await saveReportAction(reportId, { version, narrative: values })) as Result;
                  if (!saved.ok) return saved;
                  return submitReportAction(reportId, { version: saved.data.version });
                }, t("editor.submitted"))
              }
            >
              {t("editor.submit")}
            </button>
          )}
        </div>
        <Status error={error} done={done} />
      </form>
    </section>
  );
}

/** The PMO's review of a submitted report: publish it, or return it with a comment. */
export function ReportReview({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("reports.review");
  const id = useId();
  const [comment, setComment] = useState("");
  const { pending, error, fields, done, run, translate } = useAction();
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-slate-300 p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <button
        type="button"
        className={`btn-primary ${BTN}`}
        disabled={pending}
        onClick={() => run(() => publishReportAction(reportId, { version }), t("published"))}
      >
        {t("publish")}
      </button>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => returnReportAction(reportId, { version, comment }), t("returned"));
        }}
      >
        <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-800">
          {t("comment")}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          className="field-control h-auto py-2"
          value={comment}
          aria-invalid={fields.comment ? true : undefined}
          aria-describedby={fields.comment ? `${id}-comment-error` : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
        {fields.comment && (
          <p id={`${id}-comment-error`} className="text-sm text-red-700">
            {translate(fields.comment)}
          </p>
        )}
        <button type="submit" className={`btn-secondary ${BTN}`} disabled={pending}>
          {t("return")}
        </button>
      </form>
      <Status error={fields.comment ? null : error} done={done} />
    </section>
  );
}

/** Starts a correction of a published report (a new version, with a reason). */
export function ReportCorrection({ reportId, slug }: { reportId: string; slug: string }) {
  const t = useTranslations("reports.correct");
  const id = useId();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const { pending, error, done, run } = useAction();
  return (
    <details className="rounded-md border border-slate-300 p-4">
      <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("title")}</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => supersedeReportAction(reportId, { reason }),
            "",
            (r) => router.push(`/projects/${slug}/reports/${r.data.id}`),
          );
        }}
      >
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
          {t("reason")}
        </label>
        <textarea id={`${id}-reason`} rows={2} className="field-control h-auto py-2" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className={`btn-secondary ${BTN}`} disabled={pending}>
          {t("start")}
        </button>
        <Status error={error} done={done || null} />
      </form>
    </details>
  );
}

/** Starts the period's draft and opens it. */
export function StartReport({ slug, periodId }: { slug: string; periodId: string }) {
  const t = useTranslations("reports.start");
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={`btn-primary ${BTN}`}
        disabled={pending}
        onClick={() =>
          run(
            () => createReportDraftAction(slug, { periodId }),
            "",
            (r) => router.push(`/projects/${slug}/reports/${r.data.id}`),
          )
        }
      >
        {t("button")}
      </button>
      <Status error={error} done={null} />
    </div>
  );
}
