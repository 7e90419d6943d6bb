"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import type { MutationResult } from "@/lib/server/mutation";

/**
 * One single-line entry form (a budget line, a cost line, a KPI actual or
 * target), in the capex components' form pattern: the fields post through a
 * server action to the one audited write path. When the line exists, the
 * server answers with what is stored and its version; the form shows it and
 * replaces it only when its user says so, with that version (optimistic
 * concurrency: a change made meanwhile is a conflict, not overwritten).
 */
type Existing = { version: number; amount?: string; value?: string };
type Result = MutationResult<unknown>;

export function LineForm({
  label,
  submitLabel,
  submit,
  children,
}: {
  label: string;
  submitLabel: string;
  submit: (input: Record<string, unknown>) => Promise<Result>;
  children: ReactNode;
}) {
  const t = useTranslations("capexForms");
  const translate = useMessage();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [existing, setExisting] = useState<{ input: Record<string, unknown>; stored: Existing } | null>(null);

  const send = (input: Record<string, unknown>) =>
    start(async () => {
      const r = await submit(input);
      if (r.ok) {
        setExisting(null);
        setMessage({ ok: true, text: t("saved") });
        return;
      }
      const stored = (r.error.details as { existing?: Existing } | undefined)?.existing;
      if (stored && input.version === undefined) {
        setExisting({ input, stored });
        setMessage(null);
        return;
      }
      setExisting(null);
      setMessage({ ok: false, text: [r.error.message, ...Object.values(r.error.fields ?? {})].map(translate).join(" ") });
    });

  return (
    <form
      className="flex flex-wrap items-end gap-3 text-sm"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const input: Record<string, unknown> = {};
        for (const [k, v] of form.entries()) if (typeof v === "string" && v.trim() !== "") input[k] = v;
        send(input);
      }}
    >
      {children}
      <button type="submit" className="btn-secondary" disabled={pending}>
        {submitLabel}
      </button>
      {existing && (
        <div role="alert" className="basis-full rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p>
            {t("exists", {
              stored: existing.stored.amount ?? existing.stored.value ?? "",
              entered: String(existing.input.amount ?? existing.input.value ?? ""),
            })}
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => send({ ...existing.input, version: existing.stored.version })}>
              {t("replace")}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setExisting(null)}>
              {t("keep")}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`basis-full ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col" htmlFor={id}>
      {label}
      {children}
    </label>
  );
}
