"use client";

import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { createMilestoneAction, updateMilestoneAction } from "@/lib/milestones/actions";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { ErrorSummary, FieldError, FieldHint, summaryItems, useForm } from "@/components/ui/form";
import { describedBy, type FieldErrors } from "@/components/ui/form-errors";
import type { Message } from "@/lib/i18n/message";
import { portfolioToday } from "@/lib/dates/portfolio-day";
import { localizedString } from "@/lib/i18n/bilingual";
import { milestoneCreateSchema, milestoneEditRules, milestoneUpdateSchema, TITLE_MAX } from "@/lib/milestones/milestone.validation";
import { MILESTONE_STATES, type MilestoneState } from "@/lib/projects/enums";
import { COMMENT_MAX } from "@/lib/projects/project-update.validation";
import type { HistoryEntry, MilestoneView } from "@/lib/projects/types";
import { ConflictPanel } from "./conflict-panel";
import { FuzzyDateInput, fromFuzzyValue } from "./fuzzy-date-input";
import {
  changedMilestoneFields,
  EMPTY_MILESTONE,
  milestoneCommentReason,
  milestoneCreateInput,
  milestoneUpdateInput,
  milestoneValues,
  type MilestoneField,
  type MilestoneValues,
} from "./milestone-values";

// Disabled while a conflict is shown: make that visible.
const CONTROL = "field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";

/** create: a new milestone; edit: every field; achieve / cancel: the quick actions, with only what they need. */
export type MilestoneFormMode = "create" | "edit" | "achieve" | "cancel";

interface MilestoneFormProps {
  slug: string;
  mode: MilestoneFormMode;
  milestone: MilestoneView | null;
  canRebaseline: boolean;
  titleId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function initialValues(mode: MilestoneFormMode, m: MilestoneView | null): MilestoneValues {
  if (!m) return EMPTY_MILESTONE;
  const v = milestoneValues(m);
  if (mode === "achieve") return { ...v, state: "ACHIEVED", actual: v.actual.date ? v.actual : { date: portfolioToday(), precision: "DAY" } };
  if (mode === "cancel") return { ...v, state: "CANCELLED" };
  return v;
}

interface Conflict {
  message: Message;
  current: MilestoneView;
  changesSince: HistoryEntry[];
}

/** The milestone form shown in a dialog: validated with the server's schema, saved as one history entry. */
export function MilestoneForm({ slug, mode, milestone, canRebaseline, titleId, onDone, onCancel }: MilestoneFormProps) {
  const t = useTranslations("edit.milestone");
  const tForms = useTranslations("forms");
  const tEnum = useTranslations("enums.milestoneState");
  const locale = useLocale();
  const id = useId();
  const [base, setBase] = useState<MilestoneView | null>(milestone);
  const [values, setValues] = useState<MilestoneValues>(() => initialValues(mode, milestone));
  const [comment, setComment] = useState("");
  const { error, errors, fail, formError, isPending, submit, summaryRef, validate } = useForm();
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const show = (f: MilestoneField | "comment"): boolean =>
    mode === "create" || mode === "edit" ? true : mode === "achieve" ? f === "actual" || f === "comment" : f === "comment";
  const reason = milestoneCommentReason(base, values);
  const ids = {
    title: `${id}-title`,
    titleZh: `${id}-titleZh`,
    baseline: `${id}-baseline`,
    forecast: `${id}-forecast`,
    actual: `${id}-actual`,
    state: `${id}-state`,
    comment: `${id}-comment`,
  };
  const err = (f: keyof typeof ids) => error(f);

  function set<K extends MilestoneField>(key: K, value: MilestoneValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    if (!base) {
      const data = validate(milestoneCreateSchema, milestoneCreateInput(values, comment));
      if (!data) return;
      submit(() => createMilestoneAction(slug, data), {
        onOk: (m) => onDone(t("added", { title: localizedString({ en: m.title, zh: m.titleZh }, locale) })),
      });
      return;
    }

    const { changed, input } = milestoneUpdateInput(base, values, comment);
    if (!changed.length) return fail({}, t("nothingChanged"));
    const parsed = milestoneUpdateSchema.safeParse(input);
    const schemaFlags = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
    // The server's rules (milestoneEditRules), reported with any schema problem at once, not one round later.
    const rules = milestoneEditRules(base, {
      rebaseline: false,
      state: values.state,
      actual: values.actual.date ? fromFuzzyValue(values.actual) : null,
      comment,
    });
    const local: FieldErrors = {};
    if (reason && !comment.trim() && !schemaFlags.has("comment")) local.comment = t(`commentRequired.${reason}`);
    if (rules.actualMissing && !schemaFlags.has("actual")) local.actual = t("actualRequired");
    const data = validate(milestoneUpdateSchema, input, local);
    if (!data) return;

    const milestoneId = base.id;
    submit(() => updateMilestoneAction(slug, milestoneId, data), {
      onOk: (m) => {
        const done = { achieve: "achieved", cancel: "cancelled", edit: "saved", create: "saved" } as const;
        onDone(t(done[mode], { title: localizedString({ en: m.title, zh: m.titleZh }, locale) }));
      },
      onError: ({ code, message, details }) => {
        if (code !== "CONFLICT" || !details || typeof details !== "object" || !("current" in details)) return false;
        setConflict({ message, ...(details as { current: MilestoneView; changesSince: HistoryEntry[] }) });
        return true;
      },
    });
  }

  function reapply() {
    if (!conflict || !base) return;
    const mine = changedMilestoneFields(base, values);
    const fresh = milestoneValues(conflict.current);
    setBase(conflict.current);
    setValues({ ...fresh, ...Object.fromEntries(mine.map((f) => [f, values[f]])) });
    setConflict(null);
    setNotice(t("reapplied"));
  }

  function discard() {
    if (!conflict) return;
    setBase(conflict.current);
    setValues(milestoneValues(conflict.current));
    setComment("");
    setConflict(null);
    setNotice(t("discarded"));
  }

  const labels: Record<keyof typeof ids, string> = {
    title: t("titleField"),
    titleZh: t("titleZh"),
    baseline: t("baseline"),
    forecast: t("forecast"),
    actual: t("actual"),
    state: t("state"),
    comment: reason === "rebaseline" ? t("reasonRequiredLabel") : reason ? t("commentRequiredLabel") : t("comment"),
  };
  // A field this mode does not show is named in the summary instead of linked.
  const shownIds = Object.fromEntries((Object.keys(ids) as (keyof typeof ids)[]).filter((f) => show(f)).map((f) => [f, ids[f]]));
  const summary = summaryItems(errors, formError, shownIds, labels);
  const heading =
    mode === "create"
      ? t("addTitle")
      : mode === "achieve"
        ? t("achieveTitle", { title: localizedString({ en: milestone!.title, zh: milestone!.titleZh }, locale) })
        : mode === "cancel"
          ? t("cancelTitle", { title: localizedString({ en: milestone!.title, zh: milestone!.titleZh }, locale) })
          : t("editTitle", { title: localizedString({ en: milestone!.title, zh: milestone!.titleZh }, locale) });
  const submitLabel = { create: t("addSubmit"), edit: t("editSubmit"), achieve: t("achieveSubmit"), cancel: t("cancelSubmit") }[mode];

  const dateField = (f: "baseline" | "forecast" | "actual", extra?: { disabled?: boolean; hint?: string }) => (
    <FuzzyDateInput
      id={ids[f]}
      legend={labels[f]}
      value={values[f]}
      onChange={(v) => set(f, v)}
      error={err(f)}
      autoFocusDate={mode === "achieve" && f === "actual"}
      {...extra}
    />
  );

  return (
    <div className="space-y-4 p-5">
      <div className="flex items-start justify-between gap-4">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {heading}
        </h2>
        <button type="button" onClick={onCancel} className="btn-secondary h-8 px-2" aria-label={tForms("closeDialog")}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="m4 4 8 8M12 4l-8 8" />
          </svg>
        </button>
      </div>

      {mode === "cancel" && <p className="text-sm text-slate-700">{t("cancelIntro")}</p>}

      {conflict && (
        <ConflictPanel
          message={conflict.message}
          current={[
            { label: t("titleField"), value: conflict.current.title },
            { label: t("baseline"), value: <FuzzyDateText value={conflict.current.baseline} /> },
            { label: t("forecast"), value: <FuzzyDateText value={conflict.current.forecast} /> },
            { label: t("actual"), value: <FuzzyDateText value={conflict.current.actual} /> },
            { label: t("state"), value: tEnum(conflict.current.state) },
          ]}
          changesSince={conflict.changesSince}
          onReapply={reapply}
          onDiscard={discard}
        />
      )}

      <ErrorSummary ref={summaryRef} id={`${id}-summary`} items={summary} />
      {notice && (
        <p role="status" className="text-sm font-medium text-slate-800">
          {notice}
        </p>
      )}

      <form noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
        <fieldset disabled={!!conflict} className="space-y-4">
          {show("title") && (
            <div>
              <label htmlFor={ids.title} className="field-label">
                {labels.title}
              </label>
              <input
                id={ids.title}
                data-autofocus
                type="text"
                value={values.title}
                maxLength={TITLE_MAX}
                onChange={(e) => set("title", e.target.value)}
                aria-required="true"
                aria-invalid={err("title") ? true : undefined}
                aria-describedby={describedBy(err("title") && `${ids.title}-error`)}
                className={CONTROL}
              />
              <FieldError id={`${ids.title}-error`} message={err("title")} />
            </div>
          )}
          {show("titleZh") && (
            <div>
              <label htmlFor={ids.titleZh} className="field-label">
                {labels.titleZh}
              </label>
              <input
                id={ids.titleZh}
                type="text"
                lang="zh-CN"
                value={values.titleZh}
                maxLength={TITLE_MAX}
                onChange={(e) => set("titleZh", e.target.value)}
                aria-invalid={err("titleZh") ? true : undefined}
                aria-describedby={describedBy(err("titleZh") && `${ids.titleZh}-error`)}
                className={CONTROL}
              />
              <FieldError id={`${ids.titleZh}-error`} message={err("titleZh")} />
            </div>
          )}
          {(show("baseline") || show("forecast")) && (
            <div className="grid gap-4 sm:grid-cols-2">
              {show("baseline") &&
                dateField("baseline", base ? { disabled: !canRebaseline, hint: canRebaseline ? t("rebaselineHint") : t("rebaselineAdminOnly") } : undefined)}
              {show("forecast") && dateField("forecast")}
            </div>
          )}
          {(show("actual") || show("state")) && (
            <div className="grid gap-4 sm:grid-cols-2">
              {show("actual") && dateField("actual", mode === "achieve" ? { hint: t("actualHint") } : undefined)}
              {show("state") && (
                <div>
                  <label htmlFor={ids.state} className="field-label">
                    {labels.state}
                  </label>
                  <select
                    id={ids.state}
                    value={values.state}
                    onChange={(e) => set("state", e.target.value as MilestoneState)}
                    aria-invalid={err("state") ? true : undefined}
                    aria-describedby={describedBy(err("state") && `${ids.state}-error`)}
                    className={CONTROL}
                  >
                    {MILESTONE_STATES.map((s) => (
                      <option key={s} value={s}>
                        {tEnum(s)}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${ids.state}-error`} message={err("state")} />
                </div>
              )}
            </div>
          )}
          <div>
            <label htmlFor={ids.comment} className="field-label">
              {labels.comment}
            </label>
            <textarea
              id={ids.comment}
              data-autofocus={mode === "cancel" || undefined}
              rows={3}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-required={reason ? true : undefined}
              aria-invalid={err("comment") ? true : undefined}
              aria-describedby={describedBy(!err("comment") && `${ids.comment}-hint`, err("comment") && `${ids.comment}-error`)}
              className={`${CONTROL} h-auto py-2`}
            />
            {/* Once the error says why a comment is needed, the hint would only say it again. */}
            {!err("comment") && (
              <FieldHint id={`${ids.comment}-hint`}>
                {reason ? <strong className="font-semibold text-amber-900">{t(`commentWhy.${reason}`)}</strong> : t("commentHint")}
              </FieldHint>
            )}
            <FieldError id={`${ids.comment}-error`} message={err("comment")} />
          </div>
          <div className="flex flex-wrap justify-end gap-3 pt-2">
            <button type="button" onClick={onCancel} className="btn-secondary">
              {mode === "cancel" ? t("keep") : tForms("cancel")}
            </button>
            <button
              type="submit"
              disabled={isPending}
              className={mode === "cancel" ? "btn bg-red-700 text-white hover:bg-red-800 disabled:opacity-60" : "btn-primary disabled:opacity-60"}
            >
              {isPending ? tForms("saving") : submitLabel}
            </button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
