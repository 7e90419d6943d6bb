"use client";

import type { Message } from "@/lib/i18n/message";

import { useMessage } from "@/components/ui/form";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { approveBudgetVersionAction, createBudgetVersionAction } from "@/lib/capex/actions";
import { BUDGET_KINDS } from "@/lib/capex/capex.validation";

export function BudgetVersionActions({ slug, versionId, version, label }: { slug: string; versionId: string; version: number; label: string }) {
  const t = useTranslations("capex");
  const translate = useMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<Message | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary text-xs"
        disabled={pending}
        aria-label={t("approveVersion", { label })}
        onClick={() =>
          start(async () => {
            if (!window.confirm(t("approveConfirm", { label }))) return;
            const r = await approveBudgetVersionAction(slug, versionId, { version });
            setError(r.ok ? null : r.error.message);
          })
        }
      >
        {t("approve")}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-800">
          {translate(error)}
        </span>
      )}
    </span>
  );
}

export function NewBudgetVersionForm({ slug, hasApproved }: { slug: string; hasApproved: boolean }) {
  const t = useTranslations("capex");
  const tKind = useTranslations("capex.kind");
  const translate = useMessage();
  const id = useId();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: Message | string } | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-3 text-sm"
      aria-label={t("newVersion")}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const r = await createBudgetVersionAction(slug, { kind: form.get("kind"), label: form.get("label"), copyCurrent: form.get("copyCurrent") === "on" });
          setMessage(r.ok ? { ok: true, text: t("versionCreated") } : { ok: false, text: r.error.message });
        });
      }}
    >
      <label className="flex flex-col" htmlFor={`${id}-label`}>
        {t("versionLabel")}
        <input id={`${id}-label`} name="label" required maxLength={200} className="field-control" />
      </label>
      <label className="flex flex-col" htmlFor={`${id}-kind`}>
        {t("versionKind")}
        <select id={`${id}-kind`} name="kind" className="field-control" defaultValue={hasApproved ? "REVISION" : "ORIGINAL"}>
          {BUDGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {tKind(k)}
            </option>
          ))}
        </select>
      </label>
      {hasApproved && (
        <label className="inline-flex items-center gap-1.5">
          <input type="checkbox" name="copyCurrent" defaultChecked /> {t("copyCurrent")}
        </label>
      )}
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("newVersion")}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-800"}>
          {translate(message.text)}
        </p>
      )}
    </form>
  );
}
