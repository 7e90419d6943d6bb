"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import type { Message } from "@/lib/i18n/message";
import { useTranslations } from "next-intl";
import { HistoryEntryView } from "@/components/projects/detail/history-entry";
import type { HistoryEntry } from "@/lib/projects/types";
import { useMessage } from "@/components/ui/form";

interface ConflictPanelProps {
  message: Message | string;
  /** the record's current values, as label → rendered value */
  current: { label: string; value: ReactNode }[];
  changesSince: HistoryEntry[];
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Shown when someone else saved first: nothing of the user's edit was written.
 * It shows what the record is now and what changed meanwhile; "Re-apply my
 * edit" puts the user's changes on top of the current version to save again.
 */
export function ConflictPanel({ message, current, changesSince, onReapply, onDiscard }: ConflictPanelProps) {
  const translate = useMessage();
  const t = useTranslations("edit.conflict");
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Every change meanwhile was the viewer's own (another tab or window): not "someone else".
  const self = changesSince.length > 0 && changesSince.every((e) => e.byViewer);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-700"
    >
      <div>
        <h3 id={`${id}-title`} className="text-base font-semibold text-amber-950">
          {self ? t("titleSelf") : t("title")}
        </h3>
        <p className="mt-1 text-amber-950">{translate(message)}</p>
        <p className="mt-1 text-amber-950">{t("nothingSaved")}</p>
      </div>
      <div>
        <h4 className="font-semibold">{t("currentValues")}</h4>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {current.map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-slate-700">{row.label}</dt>
              <dd className="font-medium">{row.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <h4 className="font-semibold">{t("changesSince")}</h4>
        {changesSince.length === 0 ? (
          <p className="mt-1 text-slate-700">{t("noDetails")}</p>
        ) : (
          <ol aria-label={t("changesSince")} className="mt-2 space-y-3">
            {changesSince.map((entry) => (
              <li key={entry.id} className="rounded-md bg-white p-3 ring-1 ring-amber-200">
                <HistoryEntryView entry={entry} />
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={onReapply}>
          {t("reapply")}
        </button>
        <button type="button" className="btn-secondary" onClick={onDiscard}>
          {t("discard")}
        </button>
      </div>
      <p className="text-xs text-slate-700">{t("reapplyHint")}</p>
    </div>
  );
}
