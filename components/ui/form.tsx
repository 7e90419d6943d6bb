"use client";

import type { ReactNode, Ref } from "react";
import { useTranslations } from "next-intl";
import { recognizeServerMessage } from "@/lib/i18n/server-messages";

/** A message from a schema or the server (English) in the interface's language, when it is a known one. */
export function useServerMessage(): (message: string) => string {
  const t = useTranslations("serverMessages");
  return (message) => {
    const known = recognizeServerMessage(message);
    return known ? t(known.key, known.values as never) : message;
  };
}

/** The error shown under a field; its id is what the control's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const translate = useServerMessage();
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
  message: string;
}

/**
 * The list of problems after a failed submit. The form focuses it (tabIndex
 * -1) so keyboard and screen reader users land on it; each item links to its field.
 */
export function ErrorSummary({ id, items, ref }: { id: string; items: SummaryItem[]; ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations("forms");
  const translate = useServerMessage();
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
            ) : (
              translate(item.message)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
