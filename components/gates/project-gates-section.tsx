import Link from "next/link";
import { useTranslations } from "next-intl";
import { MutationForm } from "@/components/risks/on-demand";
import { LocalizedText } from "@/components/ui/localized-text";
import { createGateReviewFormAction, setGateProcessFormAction } from "@/lib/gates/actions";
import type { ProjectGates } from "@/lib/gates/types";
import type { RiskGatePermissions } from "@/lib/risks/risk-permissions";

/** The project page's gates: its process, its reviews, and (for the PMO) a new review. */
export function ProjectGatesSection({
  slug,
  gates,
  permissions,
  people,
}: {
  slug: string;
  gates: ProjectGates;
  permissions: RiskGatePermissions;
  people: { id: string; name: string }[];
}) {
  const t = useTranslations("gates");
  const tStage = useTranslations("enums.stage");
  return (
    <section aria-labelledby="project-gates" className="space-y-4">
      <h2 id="project-gates" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      {gates.process ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-800">
            {t("follows")} <LocalizedText value={gates.process.name} />
          </p>
          <ol className="flex flex-wrap gap-2 text-xs text-slate-700">
            {gates.process.gates.map((g, i) => (
              <li key={g.key} className="rounded-full bg-slate-100 px-2 py-0.5 ring-1 ring-slate-300">
                {i + 1}. <LocalizedText value={g.name} /> → {tStage(g.stageOnGo as never)}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("noProcess")}</p>
      )}
      {gates.reviews.length ? (
        <ul className="space-y-1 text-sm">
          {gates.reviews.map((r) => (
            <li key={r.id}>
              <Link href={`/projects/${encodeURIComponent(slug)}/gates/${r.id}`} className="link">
                <LocalizedText value={r.gate.name} />
              </Link>{" "}
              <span className="text-slate-700">
                {r.decision ? t(`decision.${r.decision}`) : t("open")} · {r.heldOn ?? r.plannedOn ?? "–"}
                {r.supersedesId ? ` · ${t("reDecision")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("noReviews")}</p>
      )}
      {permissions.canReviewGates && !gates.process && (
        <MutationForm
          title={t("setProcess")}
          submitLabel={t("save")}
          doneMessage={t("saved")}
          action={setGateProcessFormAction.bind(null, slug)}
          fields={[
            {
              name: "processKey",
              label: t("fields.process"),
              kind: "select",
              required: true,
              options: gates.processes.map((p) => ({ value: p.key, label: p.name.en + (p.name.zh ? ` · ${p.name.zh}` : "") })),
            },
          ]}
        />
      )}
      {permissions.canReviewGates && gates.process && (
        <MutationForm
          title={t("newReview")}
          submitLabel={t("create")}
          doneMessage={t("created")}
          action={createGateReviewFormAction.bind(null, slug)}
          fields={[
            {
              name: "gateKey",
              label: t("fields.gate"),
              kind: "select",
              required: true,
              options: gates.process.gates.map((g) => ({ value: g.key, label: g.name.en + (g.name.zh ? ` · ${g.name.zh}` : "") })),
            },
            { name: "plannedOn", label: t("fields.plannedOn"), kind: "date" },
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
    </section>
  );
}
