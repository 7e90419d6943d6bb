"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ImportPlan, RowPlan } from "@/lib/import/import-plan";
import { ENUMERATION } from "@/lib/i18n/list-format";

type Kind = "portfolio" | "users";
type State =
  | { kind: "idle" }
  | { kind: "busy"; mode: "check" | "apply" }
  | { kind: "checked"; plan: ImportPlan }
  | { kind: "applied"; plan: ImportPlan }
  | { kind: "error"; message: string; plan?: ImportPlan };

interface ErrorBody {
  error?: { code?: string; message?: string; key?: string; cells?: string[]; columns?: string[]; sheet?: string; plan?: ImportPlan };
}

/**
 * One import (projects and milestones, or users): the file goes to
 * POST /api/admin/import as the body. "Check" is the dry run; "Apply" is
 * enabled once a check of the chosen file found no error.
 */
export function ImportPanel({ kind }: { kind: Kind }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  const fileMessage = (body: ErrorBody["error"]) => {
    if (!body) return t("unexpected", { message: "" });
    if (body.code === "PAYLOAD_TOO_LARGE") return t("file.tooLarge");
    if (body.key && body.key in FILE_KEYS)
      return t(`file.${body.key as keyof typeof FILE_KEYS}`, {
        cells: format.list(body.cells ?? [], ENUMERATION),
        columns: format.list(
          (body.columns ?? []).map((c) => (c in FIELD_KEYS ? t(`fields.${c as keyof typeof FIELD_KEYS}`) : c)),
          ENUMERATION,
        ),
        sheet: body.sheet && body.sheet in SHEET_KEYS ? t(`sheets.${body.sheet as keyof typeof SHEET_KEYS}`) : "",
      });
    return body.message ?? t("unexpected", { message: "" });
  };

  const run = async (mode: "check" | "apply") => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setState({ kind: "error", message: t("file.noFile") });
    setState({ kind: "busy", mode });
    try {
      const q = new URLSearchParams({ kind, mode, fileName: file.name });
      const res = await fetch(`/api/admin/import?${q}`, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
      const body = (await res.json().catch(() => ({}))) as ImportPlan & ErrorBody;
      if (res.ok) setState({ kind: mode === "check" ? "checked" : "applied", plan: body });
      else
        setState({
          kind: "error",
          message: body.error?.plan ? t("checkedWithErrors", { count: body.error.plan.errorRows }) : fileMessage(body.error),
          plan: body.error?.plan,
        });
    } catch (err) {
      setState({ kind: "error", message: t("unexpected", { message: err instanceof Error ? err.message : "" }) });
    }
  };

  const plan = state.kind === "checked" || state.kind === "applied" || state.kind === "error" ? state.plan : undefined;
  const canApply = state.kind === "checked" && state.plan.errorRows === 0;
  const busy = state.kind === "busy";
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3 rounded border border-slate-200 p-4">
      <h2 id={`${id}-h`} className="text-lg font-medium text-slate-900">
        {kind === "portfolio" ? t("portfolioTitle") : t("usersTitle")}
      </h2>
      <p className="text-sm text-slate-700">{kind === "portfolio" ? t("portfolioHint") : t("usersHint")}</p>
      <p className="flex flex-wrap gap-4 text-sm">
        <a className="text-blue-800 underline" href={`/api/admin/import/template?kind=${kind}&lang=en`} download>
          {t("templateEn")}
        </a>
        <a className="text-blue-800 underline" href={`/api/admin/import/template?kind=${kind}&lang=zh`} download>
          {t("templateZh")}
        </a>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={`${id}-file`} className="flex flex-col text-sm">
          {t("fileLabel")}
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="text-sm"
            onChange={() => setState({ kind: "idle" })}
          />
        </label>
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => run("check")}>
          {state.kind === "busy" && state.mode === "check" ? t("checking") : t("check")}
        </button>
        <button type="button" className="btn-primary disabled:opacity-50" disabled={busy || !canApply} onClick={() => run("apply")}>
          {state.kind === "busy" && state.mode === "apply" ? t("applying") : t("apply")}
        </button>
      </div>
      <div aria-live="polite">
        {state.kind === "checked" && (
          <p role="status" className="text-sm">
            {state.plan.errorRows ? t("checkedWithErrors", { count: state.plan.errorRows }) : t("checkedOk", state.plan.counts)}
          </p>
        )}
        {state.kind === "applied" && (
          <p role="status" className="text-sm text-green-800">
            {t("applied", state.plan.counts)}
          </p>
        )}
        {state.kind === "error" && (
          <p role="alert" className="text-sm text-red-800">
            {state.message}
          </p>
        )}
      </div>
      {plan && plan.rows.length > 0 && <PlanTable plan={plan} linkProjects={state.kind === "applied"} />}
    </section>
  );
}

// The message keys the panel may look up (the server sends codes; unknown ones are shown as sent).
const FILE_KEYS = {
  noFile: 1,
  unsupportedFile: 1,
  unreadableFile: 1,
  tooManyRows: 1,
  inflatesTooLarge: 1,
  formulas: 1,
  noSheet: 1,
  missingColumns: 1,
  emptySheet: 1,
} as const;
const SHEET_KEYS = { projects: 1, milestones: 1, users: 1 } as const;
const FIELD_KEYS = {
  key: 1,
  nameEn: 1,
  nameZh: 1,
  unit: 1,
  kind: 1,
  businessLine: 1,
  stage: 1,
  region: 1,
  countryCode: 1,
  plannedStart: 1,
  plannedStartPrecision: 1,
  plannedFinish: 1,
  plannedFinishPrecision: 1,
  summary: 1,
  summaryZh: 1,
  project: 1,
  title: 1,
  titleZh: 1,
  state: 1,
  baseline: 1,
  baselinePrecision: 1,
  forecast: 1,
  forecastPrecision: 1,
  actual: 1,
  actualPrecision: 1,
  email: 1,
  name: 1,
  role: 1,
} as const;

function PlanTable({ plan, linkProjects }: { plan: ImportPlan; linkProjects: boolean }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const field = (f: string | undefined) => (f && f in FIELD_KEYS ? t(`fields.${f as keyof typeof FIELD_KEYS}`) : (f ?? ""));
  const historyField = (f: string) => field(f.replace(/^milestone\./, ""));
  const describe = (r: RowPlan) =>
    r.errors.map((e) => t(`errors.${e.code}`, { value: "", allowed: "", expected: "", rows: "", max: "", current: "", ...e.params, field: field(e.field) }));
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="text-left font-medium">{t("tableCaption", { file: plan.fileName })}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              {t("sheet")}
            </th>
            <th scope="col" className="pr-4 text-left">
              {t("row")}
            </th>
            <th scope="col" className="pr-4 text-left">
              {t("key")}
            </th>
            <th scope="col" className="pr-4 text-left">
              {t("result")}
            </th>
            <th scope="col" className="text-left">
              {t("problems")}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((r) => (
            <tr key={`${r.sheet}-${r.row}`} className="border-t border-slate-200 align-top">
              <td className="pr-4">{t(`sheets.${r.sheet}`)}</td>
              <th scope="row" className="pr-4 text-left font-normal">
                {r.row}
              </th>
              <td className="pr-4">
                {linkProjects && r.sheet === "projects" ? (
                  <Link className="text-blue-800 underline" href={`/projects/${r.key}`}>
                    {r.key}
                  </Link>
                ) : (
                  r.key
                )}
              </td>
              <td className={`pr-4 ${r.errors.length ? "font-medium text-red-800" : ""}`}>
                {t(`actions.${r.errors.length ? "error" : (r.action ?? "error")}`)}
              </td>
              <td>
                {r.errors.length > 0 ? (
                  <ul>
                    {describe(r).map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                ) : r.changes?.length ? (
                  t("changes", { fields: format.list(r.changes.map(historyField), ENUMERATION) })
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.unlisted > 0 && <p className="text-sm text-slate-700">{t("unlisted", { count: plan.unlisted })}</p>}
    </div>
  );
}
