import type { Role } from "../../lib/auth/permissions";

/** The bench's users (created by bench-users.ts) and signing them in over HTTP. */
export const BENCH_USERS = {
  reader: { email: "bench-reader@lodestone.local", name: "Bench Reader", role: "staff" as Role, password: "lodestone-bench-reader" },
  admin: { email: "bench-admin@lodestone.local", name: "Bench Admin", role: "admin" as Role, password: "lodestone-bench-admin" },
};

/** Signs in through the API as a browser would (same Origin); returns the Cookie header to send. */
export async function signIn(base: string, user: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: user.email, password: user.password }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in as ${user.email} answered ${res.status}: ${body.slice(0, 300)}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!cookies.length) throw new Error(`sign-in as ${user.email} set no cookie`);
  return cookies.join("; ");
}
