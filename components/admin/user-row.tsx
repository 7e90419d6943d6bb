"use client";

import type { Message } from "@/lib/i18n/message";

import { useId, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setManagerAssignmentAction, setUserDisabledAction, setUserRoleAction } from "@/lib/auth/actions";
import { Dialog } from "@/components/ui/dialog";
import { LocalizedText } from "@/components/ui/localized-text";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { UserRow } from "@/lib/auth/admin-users";
import { localizedString } from "@/lib/i18n/bilingual";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { ProjectName } from "@/lib/projects/list-project-names";
import type { MutationResult } from "@/lib/server/mutation";
/** What the admin table announces after a change (null: nothing to say). */
export type Feedback = { kind: "ok" | "error"; message: Message | string } | null;

interface UserRowProps {
  user: UserRow;
  projects: ProjectName[];
  isSelf: boolean;
  onFeedback: (feedback: Feedback) => void;
}

/** One user: role (select + save), state (disable with confirmation / enable) and, for managers, assigned projects. */
export function UserRowView({ user, projects, isSelf, onFeedback }: UserRowProps) {
  const t = useTranslations("admin");
  const tRole = useTranslations("roles");
  const locale = useLocale();
  const name = (p: { nameEn: string; nameZh: string | null }) => localizedString({ en: p.nameEn, zh: p.nameZh }, locale);
  const id = useId();
  const [isPending, startTransition] = useTransition();
  // Every control here calls a server action from JavaScript: inert until React runs.
  const hydrated = useHydrated();
  const busy = isPending || !hydrated;
  const [role, setRole] = useState<Role | "">(user.role ?? "");
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [assignSlug, setAssignSlug] = useState("");
  const assigned = new Set(user.managedProjects.map((p) => p.slug));
  const assignable = projects.filter((p) => !assigned.has(p.slug));

  function run<T>(action: () => Promise<MutationResult<T>>, success: string, after?: () => void) {
    onFeedback(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        onFeedback({ kind: "ok", message: success });
        after?.();
      } else onFeedback({ kind: "error", message: result.error.message });
    });
  }

  const roleLabel = user.role ? tRole(user.role) : tRole("none");

  return (
    <tr className="border-b border-slate-200 align-top last:border-b-0" aria-busy={isPending || undefined}>
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <span className="block font-medium text-slate-900">
          {user.name}
          {isSelf && <span className="ml-1 text-slate-600">{t("you")}</span>}
        </span>
        <span className="block text-slate-600">{user.email}</span>
      </th>

      <td className="px-3 py-3">
        {isSelf ? (
          <span>{roleLabel}</span>
        ) : (
          <form
            className="flex items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!role || role === user.role) return;
              run(() => setUserRoleAction({ userId: user.id, role }), t("roleChanged", { name: user.name, role: tRole(role) }));
            }}
          >
            <label htmlFor={`${id}-role`} className="sr-only">
              {t("roleOf", { name: user.name })}
            </label>
            <select id={`${id}-role`} disabled={!hydrated} value={role} onChange={(e) => setRole(e.target.value as Role)} className="field-control h-9 w-36">
              {!user.role && <option value="">{tRole("none")}</option>}
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRole(r)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              disabled={busy || !role || role === user.role}
              className="btn-secondary h-9 px-3 disabled:cursor-not-allowed disabled:opacity-50"
              aria-label={t("saveRoleOf", { name: user.name })}
            >
              {t("saveRole")}
            </button>
          </form>
        )}
      </td>

      <td className="px-3 py-3">
        <p className={user.disabled ? "font-medium text-red-800" : "text-slate-800"}>{user.disabled ? t("disabled") : t("active")}</p>
        {!isSelf &&
          (user.disabled ? (
            <button
              type="button"
              disabled={busy}
              className="btn-secondary mt-2 h-8 px-3"
              aria-label={t("enableUser", { name: user.name })}
              onClick={() => run(() => setUserDisabledAction({ userId: user.id, disabled: false }), t("enabled", { name: user.name }))}
            >
              {t("enable")}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              className="btn-secondary mt-2 h-8 px-3"
              aria-label={t("disableUser", { name: user.name })}
              onClick={() => setConfirmDisable(true)}
            >
              {t("disable")}
            </button>
          ))}
        {/* A modal rather than an inline panel: confirming never re-flows the table under the pointer. */}
        <Dialog open={confirmDisable} onClose={() => setConfirmDisable(false)} labelledBy={`${id}-disable-title`}>
          <div className="space-y-4 p-5">
            <h2 id={`${id}-disable-title`} className="text-lg font-semibold text-slate-900">
              {t("confirmDisableLabel", { name: user.name })}
            </h2>
            <p className="text-sm text-slate-800">{t("confirmDisable", { name: user.name })}</p>
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" data-autofocus className="btn-secondary h-9 px-3" onClick={() => setConfirmDisable(false)}>
                {t("keepActive")}
              </button>
              <button
                type="button"
                disabled={busy}
                className="btn h-9 bg-red-700 px-3 text-white hover:bg-red-800"
                onClick={() =>
                  run(
                    () => setUserDisabledAction({ userId: user.id, disabled: true }),
                    t("disabledDone", { name: user.name }),
                    () => setConfirmDisable(false),
                  )
                }
              >
                {t("confirmDisableButton")}
              </button>
            </div>
          </div>
        </Dialog>
      </td>

      <td className="px-3 py-3">
        {user.role !== "manager" ? (
          <p className="text-slate-600">{t("notManager")}</p>
        ) : (
          <div className="space-y-2">
            {user.managedProjects.length === 0 ? (
              <p className="text-slate-600">{t("noProjects")}</p>
            ) : (
              <ul aria-label={t("projectsOf", { name: user.name })} className="space-y-1">
                {user.managedProjects.map((p) => (
                  <li key={p.slug} className="flex items-center justify-between gap-2">
                    <span>
                      <LocalizedText value={{ en: p.nameEn, zh: p.nameZh }} />
                    </span>
                    <button
                      type="button"
                      disabled={busy}
                      className="link text-xs"
                      aria-label={t("unassign", { name: user.name, project: name(p) })}
                      onClick={() =>
                        run(
                          () => setManagerAssignmentAction({ userId: user.id, projectSlug: p.slug, assigned: false }),
                          t("unassigned", { name: user.name, project: name(p) }),
                        )
                      }
                    >
                      {t("unassignButton")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form
              className="flex flex-wrap items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const project = projects.find((p) => p.slug === assignSlug);
                if (!project) return;
                run(
                  () => setManagerAssignmentAction({ userId: user.id, projectSlug: project.slug, assigned: true }),
                  t("assigned", { name: user.name, project: name(project) }),
                  () => setAssignSlug(""),
                );
              }}
            >
              <label htmlFor={`${id}-assign`} className="sr-only">
                {t("assignTo", { name: user.name })}
              </label>
              <select
                id={`${id}-assign`}
                disabled={!hydrated}
                value={assignSlug}
                onChange={(e) => setAssignSlug(e.target.value)}
                className="field-control h-9 w-64 max-w-full"
              >
                <option value="">{t("chooseProject")}</option>
                {assignable.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {name(p)}
                  </option>
                ))}
              </select>
              <button
                type="submit"
                disabled={busy || !assignSlug}
                className="btn-secondary h-9 px-3 disabled:cursor-not-allowed disabled:opacity-50"
                aria-label={t("assignButtonLabel", { name: user.name })}
              >
                {t("assign")}
              </button>
            </form>
          </div>
        )}
      </td>
    </tr>
  );
}
