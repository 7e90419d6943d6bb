import Link from "next/link";
import { useTranslations } from "next-intl";
import { DocumentList } from "@/components/documents/document-list";
import { UploadForm } from "@/components/documents/upload-form";
import { MutationForm } from "@/components/risks/mutation-form";
import { LocalizedText } from "@/components/ui/localized-text";
import {
  addGateConditionFormAction,
  createGateReviewFormAction,
  decideGateReviewFormAction,
  respondToGateReviewFormAction,
  updateGateConditionFormAction,
  updateGateReviewFormAction,
} from "@/lib/gates/actions";
import { GATE_DECISIONS } from "@/lib/gates/gate.validation";
import type { GateReviewDetail } from "@/lib/gates/types";
import type { RiskGatePermissions } from "@/lib/risks/risk-permissions";

/** One gate review: its facts, approvers, conditions, deliverables with evidence; the forms its state allows. */
export function GateReviewView({
  review,
  permissions,
  people,
  viewerId,
  today,
}: {
  review: GateReviewDetail;
  permissions: RiskGatePermissions;
  people: { id: string; name: string }[];
  viewerId: string | null;
  today: string;
}) {
  const t = useTranslations("gates");
  const tStage = useTranslations("enums.stage");
  const slug = review.project.slug;
  const open = !review.decidedAt;
  const mine = review.approvers.find((a) => a.userId === viewerId);
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
            <Link href={`/projects/${encodeURIComponent(slug)}`} className="link">
              <LocalizedText value={review.project.name} tagged={false} />
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">
            <LocalizedText value={review.gate.name} tagged={false} />
          </li>
        </ol>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("reviewOf")} <LocalizedText value={review.gate.name} />
        </h1>
        <p
          role="status"
          className={`inline-block rounded-md px-2 py-1 text-sm font-medium ring-1 ${open ? "bg-amber-50 text-amber-900 ring-amber-700/40" : "bg-slate-100 text-slate-900 ring-slate-400"}`}
        >
          {open ? t("open") : t("decidedAs", { decision: t(`decision.${review.decision!}`), by: review.decidedBy ?? "", at: review.decidedAt!.slice(0, 10) })}
        </p>
        <dl className="grid gap-3 sm:grid-cols-4">
          {fact(t("fields.plannedOn"), review.plannedOn ?? "–")}
          {fact(t("fields.heldOn"), review.heldOn ?? "–")}
          {fact(t("fields.approvalRule"), t(`rule.${review.approvalRule}`))}
          {fact(t("stageOnGo"), tStage(review.stageOnGo as never))}
          {fact(t("fields.capex"), review.approvedCapex ? `${review.approvedCapex.amount} ${review.approvedCapex.currency}` : "–")}
          {fact(t("fields.boardResolutionRef"), review.boardResolutionRef ?? "–")}
          {fact(t("fields.filingRef"), review.filingRef ?? "–")}
          {fact(t("projectStage"), tStage(review.project.stage as never))}
        </dl>
        {review.supersedesId && (
          <p className="text-sm">
            {t("revisits")}{" "}
            <Link className="link" href={`/projects/${encodeURIComponent(slug)}/gates/${review.supersedesId}`}>
              {t("earlierReview")}
            </Link>
          </p>
        )}
        {(review.rationale.en || review.rationale.zh) && <dl>{fact(t("fields.rationale"), <LocalizedText value={review.rationale} />)}</dl>}
      </header>

      {open && permissions.canReviewGates && (
        <MutationForm
          title={t("prepare")}
          submitLabel={t("save")}
          doneMessage={t("saved")}
          resetOnDone={false}
          action={updateGateReviewFormAction.bind(null, slug, review.id)}
          fixed={{ version: review.version }}
          fields={[
            { name: "plannedOn", label: t("fields.plannedOn"), kind: "date", defaultValue: review.plannedOn ?? "" },
            {
              name: "approvedCapexAmount",
              label: t("fields.capexAmount"),
              kind: "text",
              defaultValue: review.approvedCapex?.amount ?? "",
              hint: t("fields.capexHint"),
            },
            { name: "approvedCapexCurrency", label: t("fields.capexCurrency"), kind: "text", defaultValue: review.approvedCapex?.currency ?? "" },
            { name: "boardResolutionRef", label: t("fields.boardResolutionRef"), kind: "text", defaultValue: review.boardResolutionRef ?? "" },
            { name: "filingRef", label: t("fields.filingRef"), kind: "text", defaultValue: review.filingRef ?? "" },
          ]}
        />
      )}

      <section aria-labelledby="gate-approvers" className="space-y-3">
        <h2 id="gate-approvers" className="text-lg font-semibold text-slate-900">
          {t("approvers")}
        </h2>
        {review.approvers.length ? (
          <ul className="space-y-1 text-sm">
            {review.approvers.map((a) => (
              <li key={a.id}>
                <span className="font-medium">{a.name}</span>: {t(`response.${a.response}`)}
                {a.reason ? ` — ${a.reason}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("noApprovers")}</p>
        )}
        {open && mine && (
          <MutationForm
            title={t("yourAnswer")}
            submitLabel={t("answer")}
            doneMessage={t("answered")}
            action={respondToGateReviewFormAction.bind(null, slug, review.id)}
            fields={[
              {
                name: "response",
                label: t("fields.response"),
                kind: "select",
                required: true,
                options: (["APPROVED", "REJECTED"] as const).map((r) => ({ value: r, label: t(`response.${r}`) })),
              },
              { name: "reason", label: t("fields.reason"), kind: "textarea", hint: t("fields.reasonHint") },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="gate-conditions" className="space-y-3">
        <h2 id="gate-conditions" className="text-lg font-semibold text-slate-900">
          {t("conditions")}
        </h2>
        {review.conditions.length ? (
          <ul className="space-y-2 text-sm">
            {review.conditions.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">
                  <LocalizedText value={c.text} />
                </p>
                <p className="text-slate-700">
                  {t(`conditionStatus.${c.status}`)} · {c.owner?.name ?? "–"} · {t("due", { date: c.dueOn })}
                  {c.status === "OPEN" && c.dueOn < today ? ` · ${t("overdue")}` : ""}
                </p>
                {!open && c.status === "OPEN" && permissions.canUpdateConditions && (
                  <MutationForm
                    title={t("closeCondition")}
                    submitLabel={t("save")}
                    doneMessage={t("saved")}
                    action={updateGateConditionFormAction.bind(null, slug, c.id)}
                    fixed={{ version: c.version }}
                    fields={[
                      {
                        name: "status",
                        label: t("fields.conditionStatus"),
                        kind: "select",
                        required: true,
                        options: (["MET", "WAIVED"] as const).map((s) => ({ value: s, label: t(`conditionStatus.${s}`) })),
                      },
                    ]}
                  />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("noConditions")}</p>
        )}
        {open && permissions.canReviewGates && (
          <MutationForm
            title={t("addCondition")}
            submitLabel={t("add")}
            doneMessage={t("conditionAdded")}
            action={addGateConditionFormAction.bind(null, slug, review.id)}
            fields={[
              { name: "textEn", label: t("fields.conditionText"), kind: "textarea", required: true },
              { name: "ownerId", label: t("fields.owner"), kind: "select", options: people.map((p) => ({ value: p.id, label: p.name })) },
              { name: "dueOn", label: t("fields.dueOn"), kind: "date", required: true },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="gate-deliverables" className="space-y-3">
        <h2 id="gate-deliverables" className="text-lg font-semibold text-slate-900">
          {t("deliverables")}
        </h2>
        <ul className="space-y-3">
          {review.deliverables.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium text-slate-900">
                <LocalizedText value={d.name} /> <span className="text-xs font-normal text-slate-600">{d.mandatory ? t("mandatory") : t("optional")}</span>
              </p>
              <DocumentList documents={d.documents} />
              {open && permissions.canUpload && <UploadForm slug={slug} target={{ deliverableId: d.id }} label={t("attachEvidence", { name: d.name.en })} />}
            </li>
          ))}
        </ul>
      </section>

      {open && permissions.canDecideGates && (
        <MutationForm
          title={t("decide")}
          submitLabel={t("recordDecision")}
          doneMessage={t("decided")}
          action={decideGateReviewFormAction.bind(null, slug, review.id)}
          fixed={{ version: review.version }}
          fields={[
            {
              name: "decision",
              label: t("fields.decision"),
              kind: "select",
              required: true,
              options: GATE_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })),
            },
            { name: "heldOn", label: t("fields.heldOn"), kind: "date", required: true, defaultValue: today },
            { name: "rationaleEn", label: t("fields.rationaleEn"), kind: "textarea", required: true },
            { name: "rationaleZh", label: t("fields.rationaleZh"), kind: "textarea" },
          ]}
        />
      )}
      {!open && permissions.canReviewGates && (
        <MutationForm
          title={t("reDecide")}
          submitLabel={t("create")}
          doneMessage={t("created")}
          action={createGateReviewFormAction.bind(null, slug)}
          fields={[
            { name: "gateKey", label: t("fields.gate"), kind: "hidden", defaultValue: review.gate.key },
            { name: "supersedesId", label: t("earlierReview"), kind: "hidden", defaultValue: review.id },
            {
              name: "approvalRule",
              label: t("fields.approvalRule"),
              kind: "select",
              required: true,
              options: (["ALL", "ANY"] as const).map((r) => ({ value: r, label: t(`rule.${r}`) })),
            },
            {
              name: "approverIds",
              label: t("fields.approvers"),
              kind: "multiselect",
              valueType: "stringArray",
              options: people.map((p) => ({ value: p.id, label: p.name })),
            },
          ]}
        />
      )}
    </article>
  );
}
