"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";
import { HISTORY_FILTERS, type HistoryFilter } from "./history-groups";

export interface HistoryListItem {
  id: string;
  groups: HistoryFilter[];
  content: ReactNode;
}

/**
 * The timeline's entries with a "Show changes to" filter. Filtering happens
 * here, in the browser: the page already holds the project's whole history.
 */
export function HistoryList({ items }: { items: HistoryListItem[] }) {
  const t = useTranslations("projectDetail.history");
  const id = useId();
  const [filter, setFilter] = useState<HistoryFilter>("all");
  // Filtering runs in the browser: the select works once React does.
  const hydrated = useHydrated();
  const shown = filter === "all" ? items : items.filter((item) => item.groups.includes(filter));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-filter`} className="field-label">
            {t("filter.label")}
          </label>
          <select
            id={`${id}-filter`}
            value={filter}
            disabled={!hydrated}
            onChange={(e) => setFilter(e.target.value as HistoryFilter)}
            className="field-control w-56"
          >
            {HISTORY_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filter.options.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <p role="status" className="pb-2 text-sm text-slate-600">
          {filter === "all" ? t("filter.countAll", { count: items.length }) : t("filter.count", { shown: shown.length, total: items.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t("filter.none")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-0 border-l-2 border-slate-300 pl-5">
          {shown.map((item) => (
            <li key={item.id} className="relative pb-6 last:pb-0">
              <span aria-hidden="true" className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-slate-500" />
              {item.content}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
