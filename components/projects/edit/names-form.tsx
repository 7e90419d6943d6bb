"use client";

import type { Message } from "@/lib/i18n/message";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { updateProjectAction } from "@/lib/projects/actions";
import { ErrorSummary, FieldError, FieldHint, type SummaryItem } from "@/components/ui/form";
import { describedBy, errorFor, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import { NAME_MAX, projectUpdateSchema, SUMMARY_MAX } from "@/lib/projects/project-update.validation";

const CONTROL = "field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";

export interface NamesBase {
  version: number;
  nameEn: string;
  nameZh: string | null;
  summary: string;
  summaryZh: string | null;
}

type Field = "nameEn" | "nameZh" | "summary" | "summaryZh";
const FIELDS: Field[] = ["nameEn", "nameZh", "summary", "summaryZh"];
type Values = Record<Field, string>;

const toValues = (b: NamesBase): Values => ({ nameEn: b.nameEn, nameZh: b.nameZh ?? "", summary: b.summary, summaryZh: b.summaryZh ?? "" });
const norm = (v: string | null) => (v ?? "").trim();

/**
 * The project's name and summary in English and Chinese (managers, admins).
 * The same update as the status form (schema, permission, one history entry
 * per save listing each changed field); a conflict reloads the latest values.
 */
export function NamesForm({ slug, project }: { slug: string; project: NamesBase }) {
  const t = useTranslations("edit.names");
  const tForms = useTranslations("forms");
  const id = useId();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [base, setBase] = useState(project);
  const [values, setValues] = useState<Values>(() => toValues(project));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<Message | string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A newer version from the server (a save here or elsewhere): take it unless mid-edit.
  const [seenVersion, setSeenVersion] = useState(project.version);
  if (project.version !== seenVersion) {
    setSeenVersion(project.version);
    const editing = FIELDS.some((f) => norm(values[f]) !== norm(base[f]));
    if (project.version > base.version && !editing) {
      setBase(project);
      setValues(toValues(project));
    }
  }

  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${id}-${f}`])) as Record<Field, string>;
  const fail = (fields: FieldErrors, message: Message | string | null) => {
    setErrors(fields);
    setFormError(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const changed = FIELDS.filter((f) => norm(values[f]) !== norm(base[f]));
    if (!changed.length) return fail({}, t("nothingChanged"));
    const parsed = projectUpdateSchema.safeParse({ version: base.version, ...Object.fromEntries(changed.map((f) => [f, values[f]])) });
    if (!parsed.success) return fail(zodFieldErrors(parsed.error), null);
    startTransition(async () => {
      const result = await updateProjectAction(slug, parsed.data);
      if (result.ok) {
        setBase(result.data);
        setValues(toValues(result.data));
        setErrors({});
        setFormError(null);
        setSaved(t("saved"));
        return;
      }
      const { code, message, fields, details } = result.error;
      if (code === "CONFLICT" && details && typeof details === "object" && "current" in details) {
        const current = (details as { current: NamesBase }).current;
        setBase(current);
        setValues(toValues(current));
        return fail({}, t("conflict"));
      }
      fail(fields ?? {}, message);
    });
  }

  const items: SummaryItem[] = [
    ...(formError ? [{ targetId: null, message: formError }] : []),
    ...FIELDS.flatMap((f) => {
      const message = errorFor(errors, f);
      return message ? [{ targetId: ids[f], message }] : [];
    }),
  ];

  const field = (f: Field, multiline: boolean, lang: string) => {
    const error = errorFor(errors, f);
    const props = {
      id: ids[f],
      lang,
      value: values[f],
      maxLength: f.startsWith("name") ? NAME_MAX : SUMMARY_MAX,
      onChange: (e: { target: { value: string } }) => {
        setValues((v) => ({ ...v, [f]: e.target.value }));
        setSaved(null);
      },
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(`${ids[f]}-hint`, error && `${ids[f]}-error`),
      "aria-required": f === "nameEn" ? true : undefined,
    };
    return (
      <div>
        <label htmlFor={ids[f]} className="field-label">
          {t(f)}
        </label>
        {multiline ? <textarea rows={3} {...props} className={`${CONTROL} h-auto py-2`} /> : <input type="text" {...props} className={CONTROL} />}
        <FieldHint id={`${ids[f]}-hint`}>{t(`${f}Hint`)}</FieldHint>
        <FieldError id={`${ids[f]}-error`} message={error} />
      </div>
    );
  };

  return (
    <details className="rounded-lg border border-slate-300 bg-white p-5 shadow-xs">
      <summary className="cursor-pointer text-lg font-semibold text-slate-900">{t("title")}</summary>
      <div className="mt-3 space-y-4">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <ErrorSummary ref={summaryRef} id={`${id}-summary`} items={items} />
        <form noValidate onSubmit={onSubmit} aria-label={t("title")} className="space-y-4">
          <fieldset disabled={!hydrated} className="grid gap-4 md:grid-cols-2">
            {field("nameEn", false, "en")}
            {field("nameZh", false, "zh-CN")}
            {field("summary", true, "en")}
            {field("summaryZh", true, "zh-CN")}
          </fieldset>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="btn-primary disabled:opacity-60" disabled={isPending || !hydrated}>
              {isPending ? tForms("saving") : t("submit")}
            </button>
            <p role="status" className="text-sm font-medium text-emerald-800">
              {saved}
            </p>
          </div>
        </form>
      </div>
    </details>
  );
}
