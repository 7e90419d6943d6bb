"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { updateProjectAction } from "@/lib/projects/actions";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ErrorSummary, FieldError, FieldHint, summaryItems, useForm } from "@/components/ui/form";
import { describedBy, type FieldErrors } from "@/components/ui/form-errors";
import type { Message } from "@/lib/i18n/message";
import { HEALTHS, STAGES, type Health, type Stage } from "@/lib/projects/enums";
import type { ProjectState } from "@/lib/projects/project-state";
import { COMMENT_MAX, commentRequiredReason, projectUpdateSchema } from "@/lib/projects/project-update.validation";
import type { HistoryEntry } from "@/lib/projects/types";
import { ConflictPanel } from "./conflict-panel";
import { FuzzyDateInput, fromFuzzyValue, toFuzzyValue, type FuzzyDateValue } from "./fuzzy-date-input";
import { sameFuzzy, validFuzzy } from "./fuzzy-compare";

type Base = Omit<ProjectState, "slug">;

// While a conflict is shown (or before hydration) the fields are disabled: make that visible.
const CONTROL = "field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";

interface Values {
  stage: Stage;
  health: Health;
  progress: string;
  forecast: FuzzyDateValue;
}

type EditableField = keyof Values;
const FIELDS: EditableField[] = ["stage", "health", "progress", "forecast"];

function toValues(base: Base): Values {
  return {
    stage: base.stage,
    health: base.health,
    progress: base.progressPercent === null ? "" : String(base.progressPercent),
    forecast: toFuzzyValue(base.forecastFinish),
  };
}

function parseProgress(raw: string): number | null {
  return raw.trim() === "" ? null : Number(raw);
}

/** Which fields the user changed against the version they are editing. */
function changedFields(base: Base, values: Values): EditableField[] {
  return FIELDS.filter((f) => {
    switch (f) {
      case "stage":
        return values.stage !== base.stage;
      case "health":
        return values.health !== base.health;
      case "progress":
        return parseProgress(values.progress) !== base.progressPercent;
      case "forecast":
        return !sameFuzzy(fromFuzzyValue(values.forecast), base.forecastFinish);
    }
  });
}

/** The update to send: the version, the changed fields only, and the comment. */
function buildInput(base: Base, values: Values, comment: string) {
  const changed = changedFields(base, values);
  return {
    changed,
    input: {
      version: base.version,
      ...(changed.includes("stage") ? { stage: values.stage } : {}),
      ...(changed.includes("health") ? { health: values.health } : {}),
      ...(changed.includes("progress") ? { progressPercent: parseProgress(values.progress) } : {}),
      ...(changed.includes("forecast") ? { forecastFinish: fromFuzzyValue(values.forecast) } : {}),
      comment,
    },
  };
}

interface Conflict {
  message: Message;
  current: ProjectState;
  changesSince: HistoryEntry[];
}

/**
 * The manager's status update: stage, health, progress, forecast finish and a
 * comment. One save is one transaction and one history entry. Validated with
 * the server's schema before sending; server errors land next to the same fields.
 */
export function StatusForm({ slug, project }: { slug: string; project: Base }) {
  const t = useTranslations("edit.status");
  const tForms = useTranslations("forms");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const id = useId();
  // Saving needs JavaScript: before hydration a click would only reload the page.
  const hydrated = useHydrated();

  const [base, setBase] = useState<Base>(project);
  const [values, setValues] = useState<Values>(() => toValues(project));
  const [comment, setComment] = useState("");
  const { error, errors, fail, formError, isPending, submit, summaryRef, validate } = useForm();
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // A newer version arrived from the server (someone saved; the page
  // refreshed): show it, unless the user is in the middle of an edit.
  const [seenVersion, setSeenVersion] = useState(project.version);
  if (project.version !== seenVersion) {
    setSeenVersion(project.version);
    if (project.version > base.version && !conflict && changedFields(base, values).length === 0 && !comment) {
      setBase(project);
      setValues(toValues(project));
    }
  }

  const changed = changedFields(base, values);
  const candidateForecast = changed.includes("forecast") ? validFuzzy(fromFuzzyValue(values.forecast)) : undefined;
  const reason = commentRequiredReason(
    { health: base.health, forecastFinish: base.forecastFinish },
    {
      health: changed.includes("health") ? values.health : undefined,
      forecastFinish: candidateForecast === null && values.forecast.date ? undefined : candidateForecast,
    },
  );

  const ids = {
    stage: `${id}-stage`,
    health: `${id}-health`,
    progress: `${id}-progress`,
    forecast: `${id}-forecast`,
    comment: `${id}-comment`,
  };
  const fieldError = {
    stage: error("stage"),
    health: error("health"),
    progress: error("progressPercent"),
    forecast: error("forecastFinish"),
    comment: error("comment"),
  };

  function set<K extends EditableField>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const { changed, input } = buildInput(base, values, comment);
    if (!changed.length) return fail({}, t("nothingChanged"));
    const local: FieldErrors = {};
    if (changed.includes("progress") && Number.isNaN(input.progressPercent)) local.progressPercent = t("progressNumber");
    // Report a missing comment together with any other problem, not one round later.
    const parsed = projectUpdateSchema.safeParse(input);
    const why = parsed.success ? commentRequiredReason(base, parsed.data) : reason;
    if (why && !comment.trim() && !parsed.error?.issues.some((i) => i.path[0] === "comment")) local.comment = t(`commentRequired.${why}`);
    const data = validate(projectUpdateSchema, input, local);
    if (!data) return;

    submit(() => updateProjectAction(slug, data), {
      onOk: (next) => {
        setBase(next);
        setValues(toValues(next));
        setComment("");
        setSaved(t("saved"));
      },
      onError: ({ code, message, details }) => {
        if (code !== "CONFLICT" || !details || typeof details !== "object" || !("current" in details)) return false;
        setConflict({ message, ...(details as { current: ProjectState; changesSince: HistoryEntry[] }) });
        router.refresh(); // the page behind the form shows the other person's change too
        return true;
      },
    });
  }

  function reapply() {
    if (!conflict) return;
    const mine = changedFields(base, values);
    const current = conflict.current;
    const fresh = toValues(current);
    setBase(current);
    setValues({ ...fresh, ...Object.fromEntries(mine.map((f) => [f, values[f]])) });
    setConflict(null);
    setSaved(t("reapplied"));
    requestAnimationFrame(() => document.getElementById(ids.stage)?.focus());
  }

  function discard() {
    if (!conflict) return;
    setBase(conflict.current);
    setValues(toValues(conflict.current));
    setComment("");
    setConflict(null);
    setSaved(t("discarded"));
  }

  const summary = summaryItems(errors, formError, {
    stage: ids.stage,
    health: ids.health,
    progressPercent: ids.progress,
    forecastFinish: ids.forecast,
    comment: ids.comment,
  });

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg border border-slate-300 bg-white p-5 shadow-xs">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>

      {conflict && (
        <ConflictPanel
          message={conflict.message}
          current={[
            { label: t("stage"), value: tEnum(`stage.${conflict.current.stage}`) },
            { label: t("health"), value: tEnum(`health.${conflict.current.health}`) },
            {
              label: t("progress"),
              value: conflict.current.progressPercent === null ? t("notSet") : tCommon("percent", { value: conflict.current.progressPercent }),
            },
            { label: t("forecastFinish"), value: conflict.current.forecastFinish ? <FuzzyDateText value={conflict.current.forecastFinish} /> : t("notSet") },
          ]}
          changesSince={conflict.changesSince}
          onReapply={reapply}
          onDiscard={discard}
        />
      )}

      <ErrorSummary ref={summaryRef} id={`${id}-summary`} items={summary} />

      <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="space-y-4">
        <fieldset disabled={!!conflict || !hydrated} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_minmax(20rem,1.4fr)]">
            <div>
              <label htmlFor={ids.stage} className="field-label">
                {t("stage")}
              </label>
              <select
                id={ids.stage}
                value={values.stage}
                onChange={(e) => set("stage", e.target.value as Stage)}
                aria-invalid={fieldError.stage ? true : undefined}
                aria-describedby={describedBy(fieldError.stage && `${ids.stage}-error`)}
                className={CONTROL}
              >
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {tEnum(`stage.${s}`)}
                  </option>
                ))}
              </select>
              <FieldError id={`${ids.stage}-error`} message={fieldError.stage} />
            </div>
            <div>
              <label htmlFor={ids.health} className="field-label">
                {t("health")}
              </label>
              <select
                id={ids.health}
                value={values.health}
                onChange={(e) => set("health", e.target.value as Health)}
                aria-invalid={fieldError.health ? true : undefined}
                aria-describedby={describedBy(fieldError.health && `${ids.health}-error`)}
                className={CONTROL}
              >
                {HEALTHS.map((h) => (
                  <option key={h} value={h}>
                    {tEnum(`health.${h}`)}
                  </option>
                ))}
              </select>
              <FieldError id={`${ids.health}-error`} message={fieldError.health} />
            </div>
            <div>
              <label htmlFor={ids.progress} className="field-label">
                {t("progressPercent")}
              </label>
              <input
                id={ids.progress}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={values.progress}
                onChange={(e) => set("progress", e.target.value)}
                aria-invalid={fieldError.progress ? true : undefined}
                aria-describedby={describedBy(`${ids.progress}-hint`, fieldError.progress && `${ids.progress}-error`)}
                className={CONTROL}
              />
              <FieldHint id={`${ids.progress}-hint`}>{t("progressHint")}</FieldHint>
              <FieldError id={`${ids.progress}-error`} message={fieldError.progress} />
            </div>
            <FuzzyDateInput
              id={ids.forecast}
              legend={t("forecastFinish")}
              value={values.forecast}
              onChange={(v) => set("forecast", v)}
              error={fieldError.forecast}
            />
          </div>

          <div>
            <label htmlFor={ids.comment} className="field-label">
              {reason ? t("commentRequiredLabel") : t("comment")}
            </label>
            <textarea
              id={ids.comment}
              rows={3}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setSaved(null);
              }}
              aria-required={reason ? true : undefined}
              aria-invalid={fieldError.comment ? true : undefined}
              aria-describedby={describedBy(!fieldError.comment && `${ids.comment}-hint`, fieldError.comment && `${ids.comment}-error`)}
              className={`${CONTROL} h-auto py-2`}
            />
            {/* Once the error says why a comment is needed, the hint would only say it again. */}
            {!fieldError.comment && (
              <FieldHint id={`${ids.comment}-hint`}>
                {reason ? <strong className="font-semibold text-amber-900">{t(`commentWhy.${reason}`)}</strong> : t("commentHint", { max: COMMENT_MAX })}
              </FieldHint>
            )}
            <FieldError id={`${ids.comment}-error`} message={fieldError.comment} />
          </div>

          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="btn-primary disabled:opacity-60" disabled={isPending}>
              {isPending ? tForms("saving") : t("submit")}
            </button>
            <p role="status" className="text-sm font-medium text-emerald-800">
              {saved}
            </p>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
