import { useFormatter, useTranslations } from "next-intl";
import type { ProjectPermissions } from "@/lib/projects/project-permissions";

/**
 * Says why the reader sees no update controls on this project, and who
 * manages it: without it a manager opening someone else's project found the
 * forms simply missing.
 */
export function ReadOnlyNote({ readOnly }: { readOnly: NonNullable<ProjectPermissions["readOnly"]> }) {
  const t = useTranslations("uxReview.readOnly");
  const format = useFormatter();
  return (
    <aside aria-label={t("label")} className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800">
      <p>
        {t(readOnly.reason)} {readOnly.managers.length ? t("managers", { managers: format.list(readOnly.managers, { type: "conjunction" }) }) : t("noManagers")}
      </p>
    </aside>
  );
}
