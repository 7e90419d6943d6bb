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
import { ClientMessages } from "@/components/i18n/client-messages";
import { ClosePeriod } from "@/components/reports/close-period";
import { canClosePeriods } from "@/lib/reports/period-close";
import { aggregatesOf, currentReportingPeriod, isPackPeriod, isPeriodId, periodBounds, shiftPeriod } from "@/lib/reports/periods";
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
  if (sp.period && sp.period !== period && isPackPeriod(sp.period)) redirect(`/reports/${sp.period}${unitQuery}`);
  if (!isPackPeriod(period)) notFound();
  const viewer = await requireReader(`/reports/${period}${unitQuery}`);
  const [pack, units, locale, mayClose] = await Promise.all([
    getReportPack({ viewer, periodId: period, unit }),
    unitsInScope(readScopeOf(viewer)),
    getLocale(),
    canClosePeriods(viewer),
  ]);
  const now = new Date();
  const latest = currentReportingPeriod(now);
  const months = Array.from({ length: 24 }, (_, i) => shiftPeriod(latest, -i));
  const { quarters, years } = aggregatesOf(months);
  // An older period opened by its URL is offered too, in its own list.
  const own = isPeriodId(period) ? months : period.includes("Q") ? quarters : years;
  if (!own.includes(period)) own.push(period);
  // Only a month that has ended can be closed (closePeriod checks again).
  const closable = mayClose && isPeriodId(period) && now.getTime() >= periodBounds(period).endsOn.getTime() + 86_400_000;
  return (
    <ClientMessages route="reports/[period]">
      <PackView
        pack={pack}
        periods={{ months, quarters, years }}
        units={unitChoices(units, locale)}
        exportBase={`/reports/${period}/export`}
        closeControl={closable ? <ClosePeriod periodId={period} /> : undefined}
      />
    </ClientMessages>
  );
}
