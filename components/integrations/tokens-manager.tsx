"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { createTokenAction, revokeTokenAction } from "@/lib/tokens/actions";
import type { TokenRow } from "@/lib/tokens/list-tokens";
import { TOKEN_DAY_CHOICES } from "@/lib/tokens/token.validation";

const INPUT = "mt-1 rounded border border-slate-400 px-2 py-1 font-normal";

/**
 * Create (the token is shown once, here), list and revoke API tokens: one's
 * own on the profile, service tokens (with their unit) in the admin.
 */
export function TokensManager({ kind, rows, units = [] }: { kind: "personal" | "service"; rows: TokenRow[]; units?: { code: string; label: string }[] }) {
  const t = useTranslations("integrations.tokens");
  const translate = useMessage();
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [days, setDays] = useState<number>(90);
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? "");
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setStatus(null);
    startTransition(async () => {
      const r = await createTokenAction({ kind, name, scope, expiresInDays: days, ...(kind === "service" ? { unitCode } : {}) });
      if (r.ok) {
        setCreated({ name: r.data.token.name, secret: r.data.secret });
        setName("");
        router.refresh();
      } else setError(translate(Object.values(r.error.fields ?? {})[0] ?? r.error.message));
    });
  }

  function revoke(row: TokenRow) {
    if (!window.confirm(t("confirmRevoke", { name: row.name }))) return;
    setError(null);
    startTransition(async () => {
      const r = await revokeTokenAction({ id: row.id });
      if (r.ok) {
        setStatus(t("revoked", { name: row.name }));
        router.refresh();
      } else setError(translate(r.error.message));
    });
  }

  const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : t("never"));

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-new`} className="max-w-3xl space-y-2">
        <h2 id={`${id}-new`} className="text-lg font-semibold text-slate-900">
          {t("newTitle")}
        </h2>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-medium text-slate-800">
            {t("name")}
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={`${INPUT} w-64`} />
          </label>
          <label className="flex flex-col text-sm font-medium text-slate-800">
            {t("scope")}
            <select value={scope} onChange={(e) => setScope(e.target.value as "read" | "write")} className={INPUT}>
              <option value="read">{t("scopes.read")}</option>
              <option value="write">{t("scopes.write")}</option>
            </select>
          </label>
          <label className="flex flex-col text-sm font-medium text-slate-800">
            {t("expiresIn")}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))} className={INPUT}>
              {TOKEN_DAY_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {t("days", { count: d })}
                </option>
              ))}
            </select>
          </label>
          {kind === "service" && (
            <label className="flex flex-col text-sm font-medium text-slate-800">
              {t("unit")}
              <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)} className={INPUT}>
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="submit"
            disabled={isPending || !hydrated}
            className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {t("create")}
          </button>
        </form>
        {kind === "service" && <p className="text-sm text-slate-600">{t("serviceRoleNote")}</p>}
        <div role="alert" className="text-sm font-medium text-red-700 empty:hidden">
          {error}
        </div>
        <div role="status" className="text-sm font-medium text-emerald-800 empty:hidden">
          {status}
        </div>
        {created && (
          <div className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
            <p className="font-medium text-slate-900">{t("shownOnce", { name: created.name })}</p>
            <label className="mt-2 flex flex-col font-medium text-slate-800">
              {t("yourToken")}
              <input readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} className={`${INPUT} w-full font-mono`} />
            </label>
            <button type="button" onClick={() => setCreated(null)} className="mt-2 rounded border border-slate-500 px-2 py-1">
              {t("done")}
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-list`} className="space-y-2">
        <h2 id={`${id}-list`} className="text-lg font-semibold text-slate-900">
          {t("listTitle")}
        </h2>
        {rows.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-300">
                <tr>
                  {(["name", "prefix", "scope", ...(kind === "service" ? (["unit"] as const) : []), "expires", "lastUsed", "status"] as const).map((k) => (
                    <th key={k} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${k}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-4 font-medium">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {r.name}
                    </th>
                    <td className="py-2 pr-4 font-mono">{r.prefix}…</td>
                    <td className="py-2 pr-4">{t(`scopes.${r.scope}`)}</td>
                    {kind === "service" && <td className="py-2 pr-4">{r.unitCode}</td>}
                    <td className="py-2 pr-4 whitespace-nowrap">{when(r.expiresAt)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{when(r.lastUsedAt)}</td>
                    <td className="py-2 pr-4">{t(`statuses.${r.status}`)}</td>
                    <td className="py-2 pr-4">
                      {r.status === "active" && (
                        <button
                          type="button"
                          disabled={isPending || !hydrated}
                          onClick={() => revoke(r)}
                          className="rounded border border-red-700 px-2 py-0.5 text-red-800 disabled:opacity-60"
                          aria-label={t("revokeNamed", { name: r.name })}
                        >
                          {t("revoke")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
