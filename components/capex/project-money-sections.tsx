import type { CapexPermissions } from "@/lib/capex/capex-permissions";
import type { ProjectCapexView } from "@/lib/capex/types";
import type { CapexReference } from "@/lib/capex/reference-data";
import type { ProjectKpisView } from "@/lib/kpis/types";
import { KpiSection } from "@/components/kpis/kpi-section";
import { CapexSection } from "./capex-section";

/** The project page's capex and KPI sections (added below the project's own sections). */
export function ProjectMoneySections({
  slug,
  capex,
  kpis,
  rollup,
  permissions,
  reference,
}: {
  slug: string;
  capex: ProjectCapexView;
  kpis: ProjectKpisView;
  rollup: "CNY" | "USD";
  permissions: CapexPermissions;
  /** the categories and KPIs the entry forms choose from (editors only) */
  reference: CapexReference | null;
}) {
  return (
    <div className="mt-10 space-y-10 border-t border-slate-200 pt-8">
      <CapexSection slug={slug} capex={capex} rollup={rollup} permissions={permissions} categories={reference?.categories ?? []} />
      <KpiSection slug={slug} kpis={kpis} canEdit={permissions.canEditKpis} definitions={reference?.kpis ?? []} />
    </div>
  );
}
