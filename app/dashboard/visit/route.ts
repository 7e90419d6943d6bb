import { getViewer } from "@/lib/auth/session";
import { recordDashboardVisit } from "@/lib/dashboard/visits";
import { handleRoute } from "@/lib/http/json-error";
import { originRefusal } from "@/lib/http/origin";

/**
 * POST /dashboard/visit[?dismiss=1]: the signed-in viewer has seen the dashboard (see
 * lib/dashboard/visits.ts). A route handler rather than a server action: an
 * action that touches the session may refresh its cookie, and Next then
 * re-renders the whole dashboard into the action's response.
 */
export async function POST(request: Request) {
  // Only the app's own pages may mark a visit (the one origin rule, lib/http/origin.ts). The session cookie is SameSite=Lax as well.
  if (originRefusal(request)) return new Response(null, { status: 403 });
  return handleRoute("POST /dashboard/visit", async () => {
    const viewer = await getViewer();
    if (!viewer) return new Response(null, { status: 204 });
    // ?dismiss=1: the reader marked everything as seen ("Mark all as seen").
    await recordDashboardVisit({ userId: viewer.id, dismiss: new URL(request.url).searchParams.get("dismiss") === "1" });
    return new Response(null, { status: 204 });
  });
}
