import { publicUrl } from "../env";

/**
 * The one origin rule for cookie-authenticated writes (API routes, the
 * dashboard's visit mark, Better Auth's own endpoints): the request must carry
 * an Origin, and it must be the app's public URL, its loopback twin (localhost
 * and 127.0.0.1 are the same machine to a person, not to an origin check), or
 * the host the browser reached (behind a proxy, which keeps Host), under the
 * public URL's scheme. A missing Origin is refused: every browser sends one on
 * a POST, PUT, PATCH or DELETE, so only a non-browser client omits it, and
 * such a client has no business riding on a session cookie.
 */
export function trustedOrigins(base: string = publicUrl()): string[] {
  const own = new URL(base);
  const twin = own.hostname === "localhost" ? "127.0.0.1" : own.hostname === "127.0.0.1" ? "localhost" : null;
  return twin ? [own.origin, `${own.protocol}//${twin}${own.port ? `:${own.port}` : ""}`] : [own.origin];
}

/** Why a request's Origin is refused, or null when it is allowed. */
export function originRefusal(request: Request, base: string = publicUrl()): string | null {
  const origin = request.headers.get("origin");
  if (!origin) return "Missing Origin header: cross-site request protection refused this request.";
  const own = new URL(base);
  const allowed = new Set([...trustedOrigins(base), `${own.protocol}//${new URL(request.url).host}`]);
  const host = request.headers.get("host");
  if (host) allowed.add(`${own.protocol}//${host}`);
  return allowed.has(origin) ? null : `Requests from ${origin} are not allowed to change data.`;
}
