"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { DENSITIES, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, PROJECT_COLUMNS, type Density, type ProjectColumnId } from "@/lib/projects/columns";
import { GROUP_KEYS, type GroupKey } from "@/lib/projects/list-params";
import { useDismissableDetails } from "@/components/ui/use-dismissable";

export interface TableSettingsState {
  columns: ProjectColumnId[];
  columnWidths: Partial<Record<ProjectColumnId, number>>;
  density: Density;
}

interface TableSettingsProps {
  state: TableSettingsState;
  onChange: (next: TableSettingsState) => void;
  group: GroupKey | undefined;
  groupHref: (group: GroupKey | undefined) => string;
  onGroup: (href: string) => void;
  signedIn: boolean;
}

/**
 * Column chooser (show/hide, move up/down, width), density and grouping. Plain
 * buttons and inputs, so every action works from the keyboard.
 */
export function TableSettings({ state, onChange, group, groupHref, onGroup, signedIn }: TableSettingsProps) {
  const t = useTranslations("projects.table");
  const tCol = useTranslations("projects.columns");
  const id = useId();
  // Rendered only while open: its many per-column labels ("Show Stage", …) stay out of the page's label lookups.
  const [open, setOpen] = useState(false);
  const popover = useDismissableDetails();
  const hidden = PROJECT_COLUMNS.filter((c) => !state.columns.includes(c));
  const ordered: ProjectColumnId[] = [...state.columns, ...hidden];

  const move = (column: ProjectColumnId, by: -1 | 1) => {
    const cols = [...state.columns];
    const i = cols.indexOf(column);
    const j = i + by;
    if (i < 1 || j < 1 || j >= cols.length) return; // the name stays first
    [cols[i], cols[j]] = [cols[j], cols[i]];
    onChange({ ...state, columns: cols });
  };
  const show = (column: ProjectColumnId, on: boolean) =>
    onChange({
      ...state,
      columns: on ? [...state.columns, column] : state.columns.filter((c) => c !== column),
    });
  const width = (column: ProjectColumnId, value: string) => {
    const n = Number(value);
    const widths = { ...state.columnWidths };
    if (!value) delete widths[column];
    else if (Number.isInteger(n) && n >= MIN_COLUMN_WIDTH && n <= MAX_COLUMN_WIDTH) widths[column] = n;
    else return;
    onChange({ ...state, columnWidths: widths });
  };

  return (
    <details ref={popover} className="relative" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="btn-secondary h-9 cursor-pointer px-3">{t("settings")}</summary>
      {open && (
        <div className="absolute right-0 z-10 mt-2 w-[26rem] max-w-[90vw] space-y-4 rounded-lg border border-slate-300 bg-white p-4 shadow-lg print:hidden">
          <fieldset>
            <legend className="field-label">{t("columns")}</legend>
            <p className="mb-2 text-xs text-slate-600">{signedIn ? t("columnsHint") : t("signInToKeep")}</p>
            <ul className="space-y-1">
              {ordered.map((column) => {
                const visible = state.columns.includes(column);
                const index = state.columns.indexOf(column);
                const label = tCol(column);
                return (
                  <li key={column} className="flex items-center gap-2 text-sm">
                    <input
                      id={`${id}-${column}`}
                      type="checkbox"
                      checked={visible}
                      disabled={column === "name"}
                      onChange={(e) => show(column, e.target.checked)}
                      aria-label={t("show", { column: label })}
                    />
                    <label htmlFor={`${id}-${column}`} className="flex-1">
                      {label}
                    </label>
                    {visible && column !== "name" && (
                      <>
                        <button
                          type="button"
                          className="btn-secondary h-7 px-2"
                          disabled={index <= 1}
                          onClick={() => move(column, -1)}
                          aria-label={t("moveUp", { column: label })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="btn-secondary h-7 px-2"
                          disabled={index === state.columns.length - 1}
                          onClick={() => move(column, 1)}
                          aria-label={t("moveDown", { column: label })}
                        >
                          ↓
                        </button>
                      </>
                    )}
                    {visible && (
                      <input
                        type="number"
                        min={MIN_COLUMN_WIDTH}
                        max={MAX_COLUMN_WIDTH}
                        step={10}
                        placeholder={t("widthAuto")}
                        defaultValue={state.columnWidths[column] ?? ""}
                        onBlur={(e) => width(column, e.target.value)}
                        aria-label={t("width", { column: label })}
                        className="field-control h-7 w-20"
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            <button type="button" className="link mt-2 text-sm" onClick={() => onChange({ ...state, columns: [], columnWidths: {} })}>
              {t("resetColumns")}
            </button>
          </fieldset>
          <fieldset>
            <legend className="field-label">{t("density")}</legend>
            <div className="flex gap-4 text-sm">
              {DENSITIES.map((d) => (
                <label key={d} className="flex items-center gap-2">
                  <input type="radio" name={`${id}-density`} checked={state.density === d} onChange={() => onChange({ ...state, density: d })} />
                  {t(d === "compact" ? "densityCompact" : "densityComfortable")}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-group`} className="field-label">
              {t("groupBy")}
            </label>
            <select
              id={`${id}-group`}
              className="field-control"
              value={group ?? ""}
              onChange={(e) => onGroup(groupHref((e.target.value || undefined) as GroupKey | undefined))}
            >
              <option value="">{t("groupNone")}</option>
              {GROUP_KEYS.map((g) => (
                <option key={g} value={g}>
                  {tCol(g)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </details>
  );
}
