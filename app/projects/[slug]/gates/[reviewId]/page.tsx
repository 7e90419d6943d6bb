import { notFound } from "next/navigation";
import { connection } from "next/server";
import { GateReviewView } from "@/components/gates/gate-review-view";
import { requireReader } from "@/lib/auth/session";
import { getGateReview } from "@/lib/gates/gate-queries";
import { getRiskGatePermissions, listPeople } from "@/lib/risks/risk-permissions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string; reviewId: string }> };

export default async function GateReviewPage({ params }: Props) {
  await connection();
  const { slug, reviewId } = await params;
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}/gates/${encodeURIComponent(reviewId)}`);
  const review = await getGateReview({ viewer, slug, reviewId });
  if (!review) notFound();
  const [permissions, people] = await Promise.all([getRiskGatePermissions({ slug, viewer }), listPeople()]);
  return (
    <ClientMessages route="projects/[slug]/gates/[reviewId]">
      <GateReviewView review={review} permissions={permissions} people={people} viewerId={viewer?.id ?? null} today={new Date().toISOString().slice(0, 10)} />
    </ClientMessages>
  );
}
