"use client";

import type { Message } from "@/lib/i18n/message";

import { useMessage } from "@/components/ui/form";

import { useId, useRef, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { uploadSheetAction } from "@/lib/capex/actions";
import type { SheetKind, SheetResult } from "@/lib/capex/upload-sheet";
import { ENUMERATION } from "@/lib/i18n/list-format";

type State =
  | { kind: "idle" }
  | { kind: "checked"; result: SheetResult }
  | { kind: "applied"; result: SheetResult }
  | { kind: "error"; message: Message | string; rows?: SheetResult["rows"] };

/**
 * Upload of a cost sheet or KPI sheet (XLSX or CSV): "Check" is the dry run and
 * lists every row's errors; "Apply" is enabled once a check found none, and
 * applies the same file in one transaction.
 */
export function SheetUpload({ slug, kind }: { slug: string; kind: SheetKind }) {
  const t = useTranslations("capex.upload");
  const translate = useMessage();
  const format = useFormatter();
  const tErr = useTranslations("capex.upload.errors");
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [pending, start] = useTransition();

  const run = (mode: "check" | "apply") => {
    const file = fileRef.current?.files?.[0];
    const form = new FormData();
    if (file) form.set("file", file);
    start(async () => {
      const r = await uploadSheetAction(slug, kind, mode, form);
      if (r.ok) setState({ kind: mode === "check" ? "checked" : "applied", result: r.data });
      else {
        const details = r.error.details as { key?: string; columns?: string[]; rows?: SheetResult["rows"] } | undefined;
        const message = details?.key ? tErr(details.key as "noFile", { columns: format.list(details.columns ?? [], ENUMERATION) }) : r.error.message;
        setState({ kind: "error", message, rows: details?.rows });
      }
    });
  };

  const rows = state.kind === "checked" || state.kind === "applied" ? state.result.rows : state.kind === "error" ? state.rows : undefined;
  const bad = rows?.filter((r) => r.errors.length) ?? [];
  const canApply = state.kind === "checked" && state.result.errorRows === 0;
  const heading = kind === "costs" ? t("costsTitle") : t("kpisTitle");
  return (
    <div className="space-y-3 rounded border border-slate-200 p-4">
      <h3 className="font-medium text-slate-900" id={`${id}-h`}>
        {heading}
      </h3>
      <p className="text-sm text-slate-700">{kind === "costs" ? t("costsHint") : t("kpisHint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={`${id}-file`} className="flex flex-col text-sm">
          {kind === "costs" ? t("costsFile") : t("kpisFile")}
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            name="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="text-sm"
            onChange={() => setState({ kind: "idle" })}
          />
        </label>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => run("check")}>
          {kind === "costs" ? t("checkCosts") : t("checkKpis")}
        </button>
        <button type="button" className="btn-primary disabled:opacity-50" disabled={pending || !canApply} onClick={() => run("apply")}>
          {kind === "costs" ? t("applyCosts") : t("applyKpis")}
        </button>
      </div>
      <div aria-live="polite">
        {state.kind === "checked" && (
          <p role="status" className="text-sm">
            {state.result.errorRows ? t("checkedWithErrors", { count: state.result.errorRows }) : t("checkedOk", { ...state.result.counts })}
          </p>
        )}
        {state.kind === "applied" && (
          <p role="status" className="text-sm text-green-800">
            {t("applied", { ...state.result.counts })}
          </p>
        )}
        {state.kind === "error" && (
          <p role="alert" className="text-sm text-red-800">
            {translate(state.message)}
          </p>
        )}
      </div>
      {bad.length > 0 && (
        <table className="text-sm">
          <caption className="text-left font-medium">{t("rowErrors", { count: bad.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                {t("row")}
              </th>
              <th scope="col" className="text-left">
                {t("problems")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bad.map((r) => (
              <tr key={r.row} className="border-t border-slate-200">
                <th scope="row" className="pr-4 text-left font-normal">
                  {r.row}
                </th>
                <td>
                  <ul>
                    {r.errors.map((e, i) => (
                      <li key={i}>{tErr(e.code, { field: e.field ?? "", value: "", expected: "", rows: "", project: "", currency: "", ...e.params })}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
