import { useLocale, useTranslations } from "next-intl";
import type { BudgetVersionView } from "@/lib/capex/types";
import { BudgetVersionActions, NewBudgetVersionForm } from "./on-demand";
import { formatMoney } from "./format";

/** Every budget version of the project, newest first, with who approved it and when. */
export function BudgetVersions({
  slug,
  versions,
  canEdit,
  canApprove,
}: {
  slug: string;
  versions: BudgetVersionView[];
  canEdit: boolean;
  canApprove: boolean;
}) {
  const t = useTranslations("capex");
  const tKind = useTranslations("capex.kind");
  const locale = useLocale();
  return (
    <div className="space-y-2">
      <h3 className="font-medium text-slate-900">{t("versions")}</h3>
      {versions.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noVersions")}</p>
      ) : (
        <table className="text-sm">
          <caption className="sr-only">{t("versions")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-4">
                {t("versionLabel")}
              </th>
              <th scope="col" className="pr-4">
                {t("versionKind")}
              </th>
              <th scope="col" className="pr-4 text-right">
                {t("versionTotal")}
              </th>
              <th scope="col" className="pr-4">
                {t("versionState")}
              </th>
              <th scope="col" className="pr-4">
                {t("approvedBy")}
              </th>
              {canApprove && (
                <th scope="col">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className="border-t border-slate-200">
                <th scope="row" className="pr-4 text-left font-medium">
                  {v.label}
                  {v.current && <span className="ml-2 rounded bg-blue-50 px-1.5 text-xs text-blue-800">{t("current")}</span>}
                </th>
                <td className="pr-4">{tKind(v.kind)}</td>
                <td className="pr-4 text-right tabular-nums">{formatMoney(v.total, v.currency, locale)}</td>
                <td className="pr-4">{v.state === "APPROVED" ? t("stateApproved") : t("stateDraft")}</td>
                <td className="pr-4">
                  {v.approvedAt
                    ? t("approvedByOn", {
                        name: v.approvedByName ?? "",
                        date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(v.approvedAt)),
                      })
                    : "—"}
                </td>
                {canApprove && <td>{v.state === "DRAFT" && <BudgetVersionActions slug={slug} versionId={v.id} version={v.version} label={v.label} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <NewBudgetVersionForm slug={slug} hasApproved={versions.some((v) => v.state === "APPROVED")} />}
    </div>
  );
}
