import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PackView } from "@/components/reports/pack-view";
import { requireReader } from "@/lib/auth/session";
import { currentReportingPeriod, isPeriodId, shiftPeriod } from "@/lib/reports/periods";
import { getReportPack } from "@/lib/reports/read-reports";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ period?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("reports.pack");
  return { title: t("metaTitle", { period: (await params).period }) };
}

export default async function ReportPackPage({ params, searchParams }: Props) {
  await connection();
  const { period } = await params;
  const chosen = (await searchParams).period;
  if (chosen && chosen !== period && isPeriodId(chosen)) redirect(`/reports/${chosen}`);
  if (!isPeriodId(period)) notFound();
  const viewer = await requireReader(`/reports/${period}`);
  const pack = await getReportPack({ viewer, periodId: period });
  const latest = currentReportingPeriod(new Date());
  const periods = Array.from({ length: 24 }, (_, i) => shiftPeriod(latest, -i));
  if (!periods.includes(period)) periods.push(period);
  return <PackView pack={pack} periods={periods} exportBase={`/reports/${period}/export`} />;
}
