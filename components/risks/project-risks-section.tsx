import Link from "next/link";
import { useTranslations } from "next-intl";
import { createRiskFormAction } from "@/lib/risks/actions";
import type { MatrixDefinition } from "@/lib/risks/matrix";
import type { RiskGatePermissions } from "@/lib/risks/risk-permissions";
import { riskListQuery } from "@/lib/risks/risk-list-params";
import type { RiskRow } from "@/lib/risks/types";
import { MutationForm } from "./on-demand";
import { riskCreateFields } from "./risk-form-fields";
import { RiskTable } from "./risk-table";

/** The project page's risks: the register with scores and trend, and (for its managers) a new risk. */
export function ProjectRisksSection({
  slug,
  risks,
  matrix,
  permissions,
  people,
}: {
  slug: string;
  risks: RiskRow[];
  matrix: MatrixDefinition;
  permissions: RiskGatePermissions;
  people: { id: string; name: string }[];
}) {
  const t = useTranslations("risks");
  return (
    <section aria-labelledby="project-risks" className="space-y-4">
      <h2 id="project-risks" className="text-lg font-semibold text-slate-900">
        {t("projectTitle")}
      </h2>
      <RiskTable rows={risks} matrix={matrix} caption={t("projectTitle")} showProject={false} showTrend />
      {risks.length > 0 && (
        <Link href={`/risks?${riskListQuery({ project: slug })}`} className="link text-sm">
          {t("inPortfolio")}
        </Link>
      )}
      {permissions.canEditRisks && (
        <MutationForm
          title={t("raise")}
          submitLabel={t("raiseSubmit")}
          doneMessage={t("raised")}
          action={createRiskFormAction.bind(null, slug)}
          fields={riskCreateFields(t, people)}
        />
      )}
    </section>
  );
}
