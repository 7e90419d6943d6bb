import { getViewer } from "@/lib/auth/session";
import { recordDashboardVisit } from "@/lib/dashboard/visits";
import { handleRoute } from "@/lib/http/json-error";

/**
 * POST /dashboard/visit[?dismiss=1]: the signed-in viewer has seen the dashboard (see
 * lib/dashboard/visits.ts). A route handler rather than a server action: an
 * action that touches the session may refresh its cookie, and Next then
 * re-renders the whole dashboard into the action's response.
 */
export async function POST(request: Request) {
  // Only the app's own pages may mark a visit: the Origin must name the host the browser reached
  // (behind a proxy too, which keeps Host). The session cookie is SameSite=Lax as well.
  if (!sameOrigin(request)) return new Response(null, { status: 403 });
  return handleRoute("POST /dashboard/visit", async () => {
    const viewer = await getViewer();
    if (!viewer) return new Response(null, { status: 204 });
    // ?dismiss=1: the reader marked everything as seen ("Mark all as seen").
    await recordDashboardVisit({ userId: viewer.id, dismiss: new URL(request.url).searchParams.get("dismiss") === "1" });
    return new Response(null, { status: 204 });
  });
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true; // not a browser: without a page there is no forgery to fear
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
