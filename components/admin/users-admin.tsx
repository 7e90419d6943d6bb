"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { UserRow } from "@/lib/auth/admin-users";
import type { ProjectName } from "@/lib/projects/list-project-names";
import { useMessage } from "@/components/ui/form";
import { NewUserDialog } from "./new-user-dialog";
import { UserRowView, type Feedback } from "./user-row";

/** The admin page: every user with their role, state and (for managers) projects, each editable in place. */
export function UsersAdmin({
  users,
  projects,
  viewerId,
  units,
}: {
  users: UserRow[];
  projects: ProjectName[];
  viewerId: string;
  units: { value: string; label: string }[];
}) {
  const t = useTranslations("admin");
  const translate = useMessage();
  const [feedback, setFeedback] = useState<Feedback>(null);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <NewUserDialog units={units} onFeedback={setFeedback} />
      </div>
      {/* One live region for every row's result; errors are announced assertively. */}
      <div role="status" className="min-h-6 text-sm font-medium text-emerald-800">
        {feedback?.kind === "ok" && translate(feedback.message)}
      </div>
      <div role="alert" className="text-sm font-medium text-red-700 empty:hidden">
        {feedback?.kind === "error" && translate(feedback.message)}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {(["user", "role", "status", "projects"] as const).map((key) => (
                <th key={key} scope="col" className="border-b border-slate-300 px-3 py-2 font-semibold whitespace-nowrap">
                  {t(`columns.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRowView key={user.id} user={user} projects={projects} isSelf={user.id === viewerId} onFeedback={setFeedback} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
