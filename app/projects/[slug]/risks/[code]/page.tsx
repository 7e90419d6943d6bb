import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RiskDetailView } from "@/components/risks/risk-detail-view";
import { requireReader } from "@/lib/auth/session";
import { getRiskGatePermissions, listPeople } from "@/lib/risks/risk-permissions";
import { getRisk } from "@/lib/risks/risk-queries";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string; code: string }> };

export default async function RiskPage({ params }: Props) {
  await connection();
  const { slug, code } = await params;
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}/risks/${encodeURIComponent(code)}`);
  const risk = await getRisk({ viewer, slug, code: decodeURIComponent(code) });
  if (!risk) notFound();
  const [permissions, people] = await Promise.all([getRiskGatePermissions({ slug, viewer }), listPeople()]);
  return (
    <ClientMessages route="projects/[slug]/risks/[code]">
      <RiskDetailView risk={risk} permissions={permissions} people={people} />
    </ClientMessages>
  );
}
