import { getFormatter, getTranslations } from "next-intl/server";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Message } from "@/lib/i18n/message";
import type { UserRow } from "@/lib/auth/admin-users";
import { ROLES } from "@/lib/auth/permissions";
import { archiveUnitAction, createUnitAction, moveProjectsAction, moveUnitAction, renameUnitAction, roleAssignmentAction } from "@/lib/org/actions";
import type { OrgUnitNode } from "@/lib/org/org-units";
import type { ProjectName } from "@/lib/projects/list-project-names";
import { AdminHeader } from "./admin-nav";
import { ENUMERATION } from "@/lib/i18n/list-format";

const input = "mt-1 block w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm";
const button = "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2";
const card = "space-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow-xs";

/** The organization admin page: the tree, and one plain form per change (each audited on the server). */
export async function OrgAdmin({
  units,
  users,
  projects,
  done,
  error,
}: {
  units: OrgUnitNode[];
  users: UserRow[];
  projects: ProjectName[];
  done: boolean;
  error: Message[] | null;
}) {
  const t = await getTranslations("org");
  const tServer = await getTranslations("serverMessages");
  const format = await getFormatter();
  const tRole = await getTranslations("roles");
  const label = (u: OrgUnitNode) => `${"— ".repeat(u.depth)}${u.code} · ${u.nameEn}`;
  const active = units.filter((u) => !u.archived);
  const unitOptions = (list: OrgUnitNode[], withVersion: boolean) =>
    list.map((u) => (
      <option key={u.code} value={withVersion ? `${u.code}@${u.version}` : u.code}>
        {label(u)}
      </option>
    ));
  const reason = (id: string) => (
    <label className="block text-sm font-medium text-slate-800" htmlFor={id}>
      {t("reason")}
      <input id={id} name="reason" maxLength={2000} className={input} />
    </label>
  );
  return (
    <div className="space-y-6">
      <AdminHeader current="organization" title={t("title")} intro={t("intro")} />
      <div role="status" className="min-h-6 text-sm font-medium text-emerald-800">
        {done && t("done")}
      </div>
      {error && (
        <div role="alert" className="text-sm font-medium text-red-700">
          {t("failed", { message: error.map((m) => formatMessage(tServer, m)).join(" ") })}
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("treeCaption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {(["code", "name", "nameZh", "currency", "projects", "state"] as const).map((k) => (
                <th key={k} scope="col" className="border-b border-slate-300 px-3 py-2 font-semibold">
                  {t(`columns.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-2 font-mono font-medium" style={{ paddingLeft: `${0.75 + u.depth * 1.25}rem` }}>
                  {u.code}
                </th>
                <td className="px-3 py-2">{u.nameEn}</td>
                <td className="px-3 py-2">{u.nameZh ?? ""}</td>
                <td className="px-3 py-2">{u.currency}</td>
                <td className="px-3 py-2">{u.projectCount}</td>
                <td className="px-3 py-2">{u.archived ? t("archived") : t("active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <form action={createUnitAction} className={card} aria-labelledby="org-create">
          <h2 id="org-create" className="font-semibold">
            {t("create.heading")}
          </h2>
          <label className="block text-sm font-medium" htmlFor="create-parent">
            {t("parent")}
            <select id="create-parent" name="parentCode" required className={input}>
              {unitOptions(active, false)}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="create-code">
            {t("code")}
            <input id="create-code" name="code" required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9\-]*" className={input} />
          </label>
          <label className="block text-sm font-medium" htmlFor="create-name">
            {t("nameEn")}
            <input id="create-name" name="nameEn" required maxLength={200} className={input} />
          </label>
          <label className="block text-sm font-medium" htmlFor="create-name-zh">
            {t("nameZh")}
            <input id="create-name-zh" name="nameZh" maxLength={200} className={input} lang="zh-CN" />
          </label>
          <label className="block text-sm font-medium" htmlFor="create-currency">
            {t("currency")}
            <input id="create-currency" name="currency" defaultValue="CNY" required maxLength={3} className={input} />
          </label>
          {reason("create-reason")}
          <button type="submit" className={button}>
            {t("create.submit")}
          </button>
        </form>

        <form action={renameUnitAction} className={card} aria-labelledby="org-rename">
          <h2 id="org-rename" className="font-semibold">
            {t("rename.heading")}
          </h2>
          <label className="block text-sm font-medium" htmlFor="rename-unit">
            {t("unit")}
            <select id="rename-unit" name="unit" required className={input}>
              {unitOptions(units, true)}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="rename-name">
            {t("nameEn")}
            <input id="rename-name" name="nameEn" required maxLength={200} className={input} />
          </label>
          <label className="block text-sm font-medium" htmlFor="rename-name-zh">
            {t("nameZh")}
            <input id="rename-name-zh" name="nameZh" maxLength={200} className={input} lang="zh-CN" />
          </label>
          {reason("rename-reason")}
          <button type="submit" className={button}>
            {t("rename.submit")}
          </button>
        </form>

        <form action={moveUnitAction} className={card} aria-labelledby="org-move" aria-describedby="org-move-hint">
          <h2 id="org-move" className="font-semibold">
            {t("move.heading")}
          </h2>
          <p id="org-move-hint" className="text-xs text-slate-600">
            {t("move.hint")}
          </p>
          <label className="block text-sm font-medium" htmlFor="move-unit">
            {t("unit")}
            <select id="move-unit" name="unit" required className={input}>
              {unitOptions(
                units.filter((u) => u.depth > 0),
                true,
              )}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="move-parent">
            {t("newParent")}
            <select id="move-parent" name="parentCode" required className={input}>
              {unitOptions(active, false)}
            </select>
          </label>
          {reason("move-reason")}
          <button type="submit" className={button}>
            {t("move.submit")}
          </button>
        </form>

        <form action={archiveUnitAction} className={card} aria-labelledby="org-archive" aria-describedby="org-archive-hint">
          <h2 id="org-archive" className="font-semibold">
            {t("archive.heading")}
          </h2>
          <p id="org-archive-hint" className="text-xs text-slate-600">
            {t("archive.hint")}
          </p>
          <label className="block text-sm font-medium" htmlFor="archive-unit">
            {t("unit")}
            <select id="archive-unit" name="unit" required className={input}>
              {unitOptions(
                units.filter((u) => u.depth > 0),
                true,
              )}
            </select>
          </label>
          {reason("archive-reason")}
          <div className="flex gap-2">
            <button type="submit" name="intent" value="archive" className={button}>
              {t("archive.archive")}
            </button>
            <button type="submit" name="intent" value="restore" className={button}>
              {t("archive.restore")}
            </button>
          </div>
        </form>

        <form action={moveProjectsAction} className={card} aria-labelledby="org-move-projects">
          <h2 id="org-move-projects" className="font-semibold">
            {t("moveProjects.heading")}
          </h2>
          <label className="block text-sm font-medium" htmlFor="move-projects">
            {t("moveProjects.projects")}
            <select id="move-projects" name="slugs" multiple required size={8} className={input}>
              {projects.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.nameEn}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="move-projects-target">
            {t("moveProjects.target")}
            <select id="move-projects-target" name="toCode" required className={input}>
              {unitOptions(active, false)}
            </select>
          </label>
          {reason("move-projects-reason")}
          <button type="submit" className={button}>
            {t("moveProjects.submit")}
          </button>
        </form>

        <form action={roleAssignmentAction} className={card} aria-labelledby="org-roles">
          <h2 id="org-roles" className="font-semibold">
            {t("roles.heading")}
          </h2>
          <label className="block text-sm font-medium" htmlFor="role-user">
            {t("roles.user")}
            <select id="role-user" name="userId" required className={input}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>{`${u.name} <${u.email}>`}</option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="role-unit">
            {t("unit")}
            <select id="role-unit" name="unitCode" required className={input}>
              {unitOptions(units, false)}
            </select>
          </label>
          <label className="block text-sm font-medium" htmlFor="role-role">
            {t("roles.role")}
            <select id="role-role" name="role" required className={input}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRole(r)}
                </option>
              ))}
            </select>
          </label>
          {reason("role-reason")}
          <div className="flex gap-2">
            <button type="submit" name="intent" value="assign" className={button}>
              {t("roles.assign")}
            </button>
            <button type="submit" name="intent" value="remove" className={button}>
              {t("roles.remove")}
            </button>
          </div>
        </form>
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="px-3 py-2 text-left font-semibold">{t("roles.caption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("roles.user")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("roles.heading")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium">{`${u.name} <${u.email}>`}</th>
                <td className="px-3 py-2">
                  {u.assignments.length
                    ? format.list(
                        u.assignments.map((a) => `${tRole(a.role)} @ ${a.unitCode}`),
                        ENUMERATION,
                      )
                    : t("roles.none")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
