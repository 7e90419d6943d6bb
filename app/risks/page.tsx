import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { RiskPortfolioView } from "@/components/risks/risk-portfolio-view";
import { requireReader } from "@/lib/auth/session";
import { parseAsOf } from "@/lib/risks/as-of";
import { parseRiskListParams } from "@/lib/risks/risk-list-params";
import { getHeatMap, listRisks, riskOwners, riskProjects, riskUnits } from "@/lib/risks/risk-queries";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("risks"))("title") };
}

export default async function RisksPage({ searchParams }: Props) {
  await connection();
  const viewer = await requireReader("/risks");
  const search = await searchParams;
  const params = parseRiskListParams(search);
  const [list, heatMap, projects, owners, units] = await Promise.all([
    listRisks({ viewer, params }),
    getHeatMap({ viewer, asOf: parseAsOf(search.asOf) }),
    riskProjects({ viewer }),
    riskOwners({ viewer }),
    riskUnits({ viewer }),
  ]);
  return <RiskPortfolioView params={params} list={list} heatMap={heatMap} projects={projects} owners={owners} units={units} />;
}
