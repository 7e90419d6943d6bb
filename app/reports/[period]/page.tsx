import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { PackView } from "@/components/reports/pack-view";
import { requireReader } from "@/lib/auth/session";
import { isUnitCode } from "@/lib/org/org-path";
import { unitsInScope } from "@/lib/org/org-units";
import { unitChoices } from "@/lib/org/unit-options";
import { readScopeOf } from "@/lib/projects/project-scope";
import { currentReportingPeriod, isPeriodId, shiftPeriod } from "@/lib/reports/periods";
import { getReportPack } from "@/lib/reports/read-reports";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ period?: string; unit?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("reports.pack");
  return { title: t("metaTitle", { period: (await params).period }) };
}

export default async function ReportPackPage({ params, searchParams }: Props) {
  await connection();
  const { period } = await params;
  const sp = await searchParams;
  const unit = typeof sp.unit === "string" && isUnitCode(sp.unit) ? sp.unit : undefined;
  const unitQuery = unit ? `?unit=${unit}` : "";
  if (sp.period && sp.period !== period && isPeriodId(sp.period)) redirect(`/reports/${sp.period}${unitQuery}`);
  if (!isPeriodId(period)) notFound();
  const viewer = await requireReader(`/reports/${period}${unitQuery}`);
  const [pack, units, locale] = await Promise.all([getReportPack({ viewer, periodId: period, unit }), unitsInScope(readScopeOf(viewer)), getLocale()]);
  const latest = currentReportingPeriod(new Date());
  const periods = Array.from({ length: 24 }, (_, i) => shiftPeriod(latest, -i));
  if (!periods.includes(period)) periods.push(period);
  return <PackView pack={pack} periods={periods} units={unitChoices(units, locale)} exportBase={`/reports/${period}/export`} />;
}
