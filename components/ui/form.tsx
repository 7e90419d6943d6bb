"use client";

import { useRef, useState, useTransition, type ReactNode, type Ref } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Message } from "@/lib/i18n/message";
import type { MutationError, MutationResult } from "@/lib/server/mutation";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { errorFor, type FieldErrors } from "./form-errors";

/**
 * The one form mechanism: the state every form has (field errors, a
 * form-level message, the summary that takes focus after a failed submit,
 * the pending save) and the two steps every submit takes — validate with the
 * shared `*.validation.ts` schema (typed by its input), then run the server
 * action and show its errors next to the same fields. A form keeps only what
 * is its own (its values and, where it has one, its conflict panel).
 */
export function useForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<Message | string | null>(null);
  const [isPending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  function fail(fields: FieldErrors, message: Message | string | null = null) {
    setErrors(fields);
    setFormError(message);
    // After React renders the summary.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function clear() {
    setErrors({});
    setFormError(null);
  }

  /** The parsed input, or null after showing every problem (the schema's and the form's own `extra`) at once. */
  function validate<S extends z.ZodType>(schema: S, input: z.input<S>, extra: FieldErrors = {}): z.output<S> | null {
    const parsed = schema.safeParse(input);
    const fields = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...extra };
    if (!parsed.success || Object.keys(fields).length) {
      fail(fields);
      return null;
    }
    return parsed.data;
  }

  /**
   * Runs the action; its data goes to onOk. A failure is shown in the form,
   * unless onError takes it (a CONFLICT with the current record) and returns true.
   */
  function submit<T>(action: () => Promise<MutationResult<T>>, handlers: { onOk: (data: T) => void; onError?: (error: MutationError) => boolean }) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        clear();
        handlers.onOk(result.data);
        return;
      }
      if (handlers.onError?.(result.error)) {
        clear();
        return;
      }
      fail(result.error.fields ?? {}, result.error.message);
    });
  }

  return { errors, formError, isPending, summaryRef, fail, clear, validate, submit, error: (field: string) => errorFor(errors, field) };
}

/** The summary's items: the form-level message, then each field's error linked to its control (ids: field → control id). */
export function summaryItems(
  errors: FieldErrors,
  formError: Message | string | null,
  ids: Record<string, string>,
  labels?: Record<string, string>,
): SummaryItem[] {
  const items: SummaryItem[] = formError ? [{ targetId: null, message: formError }] : [];
  const shown = new Set<string>();
  for (const [field, target] of Object.entries(ids)) {
    const message = errorFor(errors, field);
    if (!message) continue;
    items.push({ targetId: target, message });
    for (const k of Object.keys(errors)) if (k === field || k.startsWith(`${field}.`)) shown.add(k);
  }
  // Errors on fields the form does not show (e.g. version) still need to be visible.
  for (const [key, message] of Object.entries(errors)) if (!shown.has(key)) items.push({ targetId: null, message, label: labels?.[key.split(".")[0]] });
  return items;
}

/**
 * A message from a schema or the server (a catalog key and parameters) in the
 * interface's language; a string is the form's own text, already in it.
 */
export function useMessage(): (message: Message | string) => string {
  const t = useTranslations("serverMessages");
  return (message) => formatMessage(t, message);
}

/** The error shown under a field; its id is what the control's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message: Message | string | undefined }) {
  const translate = useMessage();
  if (!message) return null;
  return (
    <p id={id} className="mt-1 flex items-start gap-1 text-sm font-medium text-red-700">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0" fill="currentColor">
        <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 3.5v4.5h1.5V4.5h-1.5Zm0 6v1.5h1.5V10.5h-1.5Z" />
      </svg>
      <span>{translate(message)}</span>
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-xs text-slate-600">
      {children}
    </p>
  );
}

export interface SummaryItem {
  /** id of the control the error belongs to (the link target), or null for a form-level message */
  targetId: string | null;
  message: Message | string;
  /** names the field when the form does not show it (so there is nothing to link to) */
  label?: string;
}

/**
 * The list of problems after a failed submit. The form focuses it (tabIndex
 * -1) so keyboard and screen reader users land on it; each item links to its field.
 */
export function ErrorSummary({ id, items, ref }: { id: string; items: SummaryItem[]; ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations("forms");
  const translate = useMessage();
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-title`}
      className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {t("errorSummary")}
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item, i) => (
          <li key={`${item.targetId ?? "form"}-${i}`}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                className="font-medium text-red-900 underline underline-offset-2"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.targetId!)?.focus();
                }}
              >
                {translate(item.message)}
              </a>
            ) : item.label ? (
              `${item.label}: ${translate(item.message)}`
            ) : (
              translate(item.message)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
