import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DocumentList } from "@/components/documents/document-list";
import { UploadForm } from "@/components/documents/upload-form";
import { LocalizedText } from "@/components/ui/localized-text";
import { assessRiskFormAction, createRiskActionFormAction, updateRiskActionFormAction, updateRiskFormAction } from "@/lib/risks/actions";
import type { RiskGatePermissions } from "@/lib/risks/risk-permissions";
import type { RiskDetail } from "@/lib/risks/types";
import { BandBadge } from "./band-marker";
import { matrixLabels } from "./matrix-labels";
import { MutationForm } from "./mutation-form";
import { actionFields, assessmentFields, riskEditFields } from "./risk-form-fields";
import { ENUMERATION } from "@/lib/i18n/list-format";

/** One risk: what it is, its scores over time (append-only), its actions and documents. */
export function RiskDetailView({ risk, permissions, people }: { risk: RiskDetail; permissions: RiskGatePermissions; people: { id: string; name: string }[] }) {
  const t = useTranslations("risks");
  const format = useFormatter();
  const locale = useLocale();
  const labels = matrixLabels(risk.matrix, locale);
  const pick = (x: { en: string; zh: string }) => (locale === "zh-CN" ? x.zh : x.en);
  const slug = risk.project.slug;
  const band = labels.band(risk.band);
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{value}</dd>
    </div>
  );
  return (
    <article className="space-y-8">
      <nav aria-label={t("breadcrumb")}>
        <ol className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <li>
            <Link href="/risks" className="link">
              {t("title")}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/projects/${encodeURIComponent(slug)}`} className="link">
              <LocalizedText value={risk.project.name} tagged={false} />
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">{risk.code}</li>
        </ol>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          <span className="font-mono text-lg text-slate-600">{risk.code}</span> <LocalizedText value={risk.title} />
        </h1>
        <dl className="grid gap-3 sm:grid-cols-4">
          {fact(t("columns.score"), <BandBadge score={risk.score} band={band} bandLabel={band?.label ?? null} />)}
          {fact(t("fields.kind"), t(`kind.${risk.kind}`))}
          {fact(t("columns.category"), t(`category.${risk.category}`))}
          {fact(t("columns.status"), t(`status.${risk.status}`))}
          {fact(t("fields.response"), risk.response ? t(`response.${risk.response}`) : "–")}
          {fact(t("columns.owner"), risk.owner?.name ?? "–")}
          {fact(t("columns.nextReview"), risk.nextReviewOn ?? "–")}
          {fact(t("matrixVersion"), `${pick(risk.matrix.name)} · v${risk.matrix.version}`)}
        </dl>
        <dl className="grid gap-3 sm:grid-cols-3">
          {fact(t("fields.cause"), <LocalizedText value={risk.cause} />)}
          {fact(t("fields.event"), <LocalizedText value={risk.event} />)}
          {fact(t("fields.effect"), <LocalizedText value={risk.effect} />)}
        </dl>
        {(risk.occurred.note || risk.occurred.link) && (
          <p className="text-sm text-slate-800">
            {t("occurred")} {risk.occurred.note}{" "}
            {risk.occurred.link && (
              <a href={risk.occurred.link} className="link" rel="noreferrer noopener">
                {risk.occurred.link}
              </a>
            )}
          </p>
        )}
      </header>

      {permissions.canEditRisks && (
        <MutationForm
          title={t("editTitle")}
          submitLabel={t("save")}
          doneMessage={t("saved")}
          resetOnDone={false}
          action={updateRiskFormAction.bind(null, slug, risk.id)}
          fixed={{ version: risk.version }}
          fields={riskEditFields(t, people, {
            status: risk.status,
            response: risk.response,
            ownerId: risk.owner?.id ?? null,
            nextReviewOn: risk.nextReviewOn,
            occurredNote: risk.occurred.note,
            occurredLink: risk.occurred.link,
          })}
        />
      )}

      <section aria-labelledby="risk-assessments" className="space-y-3">
        <h2 id="risk-assessments" className="text-lg font-semibold text-slate-900">
          {t("assessments")}
        </h2>
        {risk.assessments.length ? (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-300 text-sm">
              <caption className="sr-only">{t("assessments")}</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
                <tr>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.assessedAt")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.assessmentKind")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.probability")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.impacts")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("columns.score")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.assessedBy")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("fields.note")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {risk.assessments.map((a) => {
                  const b = labels.band(a.band);
                  return (
                    <tr key={a.id}>
                      <td className="px-2 py-2 tabular-nums">{a.assessedAt.slice(0, 16).replace("T", " ")}</td>
                      <td className="px-2 py-2">{t(`assessmentKind.${a.kind}`)}</td>
                      <td className="px-2 py-2">
                        {a.probability} · {labels.probability(a.probability)}
                      </td>
                      <td className="px-2 py-2">
                        {format.list(
                          Object.entries(a.impacts).map(([k, v]) => `${labels.dimension(k)} ${v}`),
                          ENUMERATION,
                        )}
                      </td>
                      <td className="px-2 py-2">
                        <BandBadge score={a.score} band={b} bandLabel={b?.label ?? null} />
                      </td>
                      <td className="px-2 py-2">{a.assessedBy}</td>
                      <td className="px-2 py-2">{a.note}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("notScored")}</p>
        )}
        {permissions.canEditRisks && (
          <MutationForm
            title={t("assessTitle")}
            submitLabel={t("assess")}
            doneMessage={t("assessed")}
            action={assessRiskFormAction.bind(null, slug, risk.id)}
            fields={assessmentFields(t, risk.matrix, pick)}
          />
        )}
      </section>

      <section aria-labelledby="risk-actions" className="space-y-3">
        <h2 id="risk-actions" className="text-lg font-semibold text-slate-900">
          {t("actions")}
        </h2>
        {risk.actions.length ? (
          <ul className="space-y-2">
            {risk.actions.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">
                  <LocalizedText value={a.title} />
                </p>
                <p className="text-slate-700">
                  {t(`actionStatus.${a.status}`)} · {a.owner?.name ?? "–"} · {a.dueOn ?? "–"}
                </p>
                {permissions.canEditRisks && a.status !== "DONE" && (
                  <MutationForm
                    title={t("actionUpdateTitle", { title: a.title.en })}
                    submitLabel={t("save")}
                    doneMessage={t("saved")}
                    resetOnDone={false}
                    action={updateRiskActionFormAction.bind(null, slug, risk.id, a.id)}
                    fixed={{ version: a.version }}
                    fields={[
                      {
                        name: "status",
                        label: t("fields.actionStatus"),
                        kind: "select",
                        required: true,
                        defaultValue: a.status,
                        options: (["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const).map((s) => ({ value: s, label: t(`actionStatus.${s}`) })),
                      },
                    ]}
                  />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("noActions")}</p>
        )}
        {permissions.canEditRisks && (
          <MutationForm
            title={t("addAction")}
            submitLabel={t("add")}
            doneMessage={t("actionAdded")}
            action={createRiskActionFormAction.bind(null, slug, risk.id)}
            fields={actionFields(t, people)}
          />
        )}
      </section>

      <section aria-labelledby="risk-documents" className="space-y-3">
        <h2 id="risk-documents" className="text-lg font-semibold text-slate-900">
          {t("documents")}
        </h2>
        <DocumentList documents={risk.documents} />
        {permissions.canUpload && <UploadForm slug={slug} target={{ riskId: risk.id }} label={t("attach")} />}
      </section>
    </article>
  );
}
