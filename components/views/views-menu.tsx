"use client";

import type { MutationResult } from "@/lib/server/mutation";

import type { Message } from "@/lib/i18n/message";

import { useMessage } from "@/components/ui/form";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { createViewAction, deleteViewAction, setDefaultViewAction, updateViewAction } from "@/lib/views/actions";
import type { SavedViewSummary } from "@/lib/views/types";
import type { TableSettingsState } from "@/components/projects/table-settings";
import { useDismissableDetails } from "@/components/ui/use-dismissable";

interface ViewsMenuProps {
  views: SavedViewSummary[];
  current: SavedViewSummary | null;
  /** the list's query string now (filters and sort), saved with the view */
  query: string;
  group: string | undefined;
  settings: TableSettingsState;
  signedIn: boolean;
}

const viewHref = (id: string) => `/projects?view=${id}`;

/** Open a saved view, save the current state as one, share it, make it the default, delete it. */
export function ViewsMenu({ views, current, query, group, settings, signedIn }: ViewsMenuProps) {
  const t = useTranslations("projects.views");
  const translate = useMessage();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: Message | string } | null>(null);
  const openMenu = useDismissableDetails();
  const saveMenu = useDismissableDetails();

  // Not signed in: a shared view's link still opens (its name says which), saving needs a session.
  if (!signedIn)
    return (
      <p className="text-sm text-slate-600">
        {current && <span className="mr-2 font-medium text-slate-800">{t("current", { name: current.name })}</span>}
        {t("signIn")}
      </p>
    );

  const mine = views.filter((v) => v.mine);
  const shared = views.filter((v) => !v.mine);
  const payload = { query, columns: settings.columns, columnWidths: settings.columnWidths, density: settings.density, groupBy: group ?? null };

  function run(action: () => Promise<MutationResult<unknown>>, ok: string, after?: (data: unknown) => void) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setMessage({ kind: "ok", text: ok });
      if (after) after(result.data);
      else router.refresh();
    });
  }

  function onSave(form: FormData) {
    const name = String(form.get("name") ?? "");
    const share = form.get("shared") === "on";
    const makeDefault = form.get("default") === "on";
    run(
      () => createViewAction({ ...payload, name, shared: share }),
      t("savedAs", { name }),
      async (data) => {
        const view = data as SavedViewSummary;
        if (makeDefault) await setDefaultViewAction(view.id);
        router.push(`/projects?${query ? `${query}&` : ""}view=${view.id}`);
      },
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <nav aria-label={t("label")}>
        <details ref={openMenu} className="relative">
          <summary className="btn-secondary h-9 cursor-pointer px-3">{current ? t("current", { name: current.name }) : t("open")}</summary>
          <div className="absolute left-0 z-10 mt-2 w-80 rounded-lg border border-slate-300 bg-white p-3 shadow-lg">
            {views.length === 0 && <p className="text-sm text-slate-600">{t("none")}</p>}
            {[
              [t("mine"), mine],
              [t("shared"), shared],
            ].map(([heading, list]) =>
              (list as SavedViewSummary[]).length ? (
                <div key={heading as string} className="mb-2">
                  <h2 className="text-xs font-semibold text-slate-600 uppercase">{heading as string}</h2>
                  <ul>
                    {(list as SavedViewSummary[]).map((v) => (
                      <li key={v.id}>
                        <Link href={viewHref(v.id)} className="link text-sm" aria-current={current?.id === v.id ? "page" : undefined}>
                          {v.mine ? v.name : t("sharedBy", { name: v.name, owner: v.ownerName })}
                        </Link>
                        {v.isDefault && <span className="ml-1 text-xs text-slate-600">({t("default")})</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          </div>
        </details>
      </nav>

      <details ref={saveMenu} className="relative">
        <summary className="btn-secondary h-9 cursor-pointer px-3">{t("save")}</summary>
        <form action={onSave} className="absolute left-0 z-10 mt-2 w-80 space-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow-lg">
          <div>
            <label htmlFor={`${id}-name`} className="field-label">
              {t("name")}
            </label>
            <input id={`${id}-name`} name="name" required maxLength={120} className="field-control" defaultValue={current?.mine ? current.name : ""} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" /> {t("share")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="default" /> {t("makeDefault")}
          </label>
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? t("saving") : t("saveAs")}
          </button>
        </form>
      </details>

      {current?.mine && (
        <>
          <button
            type="button"
            className="btn-secondary h-9 px-3"
            disabled={pending}
            onClick={() => run(() => updateViewAction(current.id, payload), t("savedAs", { name: current.name }))}
          >
            {t("update")}
          </button>
          <button
            type="button"
            className="btn-secondary h-9 px-3"
            disabled={pending}
            onClick={() =>
              run(
                () => updateViewAction(current.id, { shared: !current.shared }),
                current.shared ? t("nowPrivate", { name: current.name }) : t("nowShared", { name: current.name }),
              )
            }
            aria-pressed={current.shared}
          >
            {/* The state in words and a mark, not only aria-pressed: on and off looked the same. */}
            <span
              aria-hidden="true"
              className={`mr-1 inline-flex h-4 w-4 items-center justify-center rounded-sm border text-[11px] ${current.shared ? "border-blue-700 bg-blue-700 text-white" : "border-slate-500 bg-white"}`}
            >
              {current.shared ? "✓" : ""}
            </span>
            {t("share")}
            <span aria-hidden="true" className="ml-1 text-slate-600">
              {current.shared ? t("shareOn") : t("shareOff")}
            </span>
          </button>
          <button
            type="button"
            className="btn-secondary h-9 px-3 text-red-800"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("deleteConfirm", { name: current.name })))
                run(
                  () => deleteViewAction(current.id),
                  t("deleted"),
                  () => router.push("/projects?view=none"),
                );
            }}
          >
            {t("delete")}
          </button>
        </>
      )}
      {current && (
        <button
          type="button"
          className="btn-secondary h-9 px-3"
          disabled={pending}
          aria-pressed={current.isDefault}
          onClick={() => run(() => setDefaultViewAction(current.isDefault ? null : current.id), t("savedAs", { name: current.name }))}
        >
          {current.isDefault ? t("clearDefault") : t("makeDefault")}
        </button>
      )}
      <p role="status" className={`text-sm ${message?.kind === "error" ? "text-red-800" : "text-slate-700"}`}>
        {message && translate(message.text)}
      </p>
    </div>
  );
}
