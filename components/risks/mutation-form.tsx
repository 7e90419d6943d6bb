"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary, FieldError, type SummaryItem } from "@/components/ui/form";
import type { Message } from "@/lib/i18n/message";
import type { MutationResult } from "@/lib/server/mutation";

/**
 * A small form for one mutation, described by plain data from a server
 * component (labels already translated) and a bound server action. The
 * server validates with the shared schema; its field errors show under the
 * fields and in a summary. On success the page refreshes.
 */
export type FieldSpec = {
  name: string;
  label: string;
  kind: "text" | "textarea" | "select" | "date" | "number" | "hidden" | "multiselect";
  /** "number" sends a number, "string" (default) a string; empty optional fields are left out */
  valueType?: "string" | "number" | "stringArray";
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string;
  hint?: string;
};

export function MutationForm({
  title,
  submitLabel,
  doneMessage,
  fields,
  action,
  fixed,
  resetOnDone = true,
}: {
  title: string;
  submitLabel: string;
  doneMessage: string;
  fields: FieldSpec[];
  action: (input: unknown) => Promise<MutationResult<unknown>>;
  /** values always sent (e.g. the version the edit is based on) */
  fixed?: Record<string, unknown>;
  resetOnDone?: boolean;
}) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, Message | string>>({});
  const [formError, setFormError] = useState<Message | string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: Record<string, unknown> = { ...fixed };
    for (const f of fields) {
      if (f.valueType === "stringArray") {
        input[f.name] = data.getAll(f.name).map(String).filter(Boolean);
        continue;
      }
      const raw = String(data.get(f.name) ?? "").trim();
      if (raw === "") continue;
      const value = f.valueType === "number" ? Number(raw) : raw;
      const path = f.name.split(".");
      let target = input;
      for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[path[path.length - 1]] = value;
    }
    setNotice(null);
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setErrors({});
        setFormError(null);
        setNotice(doneMessage);
        if (resetOnDone) formRef.current?.reset();
        router.refresh();
        return;
      }
      setErrors(result.error.fields ?? {});
      setFormError(result.error.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  const items: SummaryItem[] = [
    ...(formError && !Object.keys(errors).some((k) => fields.some((f) => f.name === k || k.startsWith(`${f.name}.`)))
      ? [{ targetId: null, message: formError }]
      : []),
    ...Object.entries(errors).flatMap(([k, message]) => {
      const f = fields.find((x) => x.name === k || k.startsWith(`${x.name}.`) || x.name.startsWith(`${k}.`));
      return [{ targetId: f ? `${id}-${f.name}` : null, message }];
    }),
  ];

  return (
    <form ref={formRef} onSubmit={submit} aria-labelledby={`${id}-heading`} className="space-y-3 rounded-md border border-slate-300 bg-white p-4" noValidate>
      <h3 id={`${id}-heading`} className="font-semibold text-slate-900">
        {title}
      </h3>
      <ErrorSummary id={`${id}-summary`} items={items} ref={summaryRef} />
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const fid = `${id}-${f.name}`;
          const error = errors[f.name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f.name}.`) || f.name.startsWith(`${k}.`))?.[1];
          const describedBy = [f.hint ? `${fid}-hint` : null, error ? `${fid}-error` : null].filter(Boolean).join(" ") || undefined;
          if (f.kind === "hidden") return <input key={f.name} type="hidden" name={f.name} defaultValue={f.defaultValue} />;
          const common = {
            id: fid,
            name: f.name,
            defaultValue: f.defaultValue,
            "aria-invalid": error ? true : undefined,
            "aria-describedby": describedBy,
            required: f.required,
          };
          return (
            <div key={f.name} className={f.kind === "textarea" || f.kind === "multiselect" ? "sm:col-span-2" : undefined}>
              <label htmlFor={fid} className="field-label">
                {f.label}
              </label>
              {f.kind === "textarea" ? (
                <textarea {...common} rows={3} className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-sm text-slate-900" />
              ) : f.kind === "select" ? (
                <select {...common} className="field-control">
                  {!f.required && <option value="" />}
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.kind === "multiselect" ? (
                <select
                  {...common}
                  defaultValue={f.defaultValue ? f.defaultValue.split(",") : []}
                  multiple
                  className="block h-28 w-full rounded-md border border-slate-500 bg-white px-3 py-1 text-sm text-slate-900"
                >
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...common} type={f.kind === "date" ? "date" : f.kind === "number" ? "number" : "text"} className="field-control" />
              )}
              {f.hint && (
                <p id={`${fid}-hint`} className="mt-1 text-xs text-slate-600">
                  {f.hint}
                </p>
              )}
              <FieldError id={`${fid}-error`} message={error} />
            </div>
          );
        })}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {submitLabel}
        </button>
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
      </div>
    </form>
  );
}
