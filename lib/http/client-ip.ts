import net from "node:net";

/**
 * The client's address, settled once per request from the socket (the only
 * thing a client cannot forge), or from X-Forwarded-For when, and only when,
 * the socket belongs to a proxy listed in LODESTONE_TRUSTED_PROXIES.
 *
 * lib/server/http-lifecycle.ts computes it for every request Node receives,
 * before Next sees the request, and writes it into CLIENT_IP_HEADER,
 * replacing whatever the client sent under that name. Route handlers, server
 * actions (through `headers()`) and Better Auth (advanced.ipAddress) read
 * that header: one address for the sign-in form and the API alike.
 * No Next imports.
 */
export const CLIENT_IP_HEADER = "x-lodestone-client-ip";
/** What the rate limits key on when no address is known (a direct call without a request). */
export const UNKNOWN_CLIENT = "unknown";

export type ProxySpec = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** One entry of LODESTONE_TRUSTED_PROXIES: an address (10.0.0.5, ::1) or a network (10.0.0.0/8, fd00::/8). */
export function parseProxySpec(entry: string): ProxySpec | null {
  const [address, prefixText, ...rest] = entry.trim().split("/");
  if (rest.length) return null;
  const version = net.isIP(address);
  if (!version) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

export function trustedProxyList(specs: readonly ProxySpec[]): net.BlockList | null {
  if (!specs.length) return null;
  const list = new net.BlockList();
  for (const s of specs) list.addSubnet(s.address, s.prefix, s.family);
  return list;
}

/** ::ffff:127.0.0.1 → 127.0.0.1 (Node reports IPv4 clients of a dual-stack socket this way). */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  if (a.startsWith("::ffff:") && net.isIPv4(a.slice(7))) return a.slice(7);
  return a;
}

function isTrusted(list: net.BlockList | null, address: string): boolean {
  if (!list) return false;
  const version = net.isIP(address);
  return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
}

/** Whether the request's socket belongs to a configured trusted proxy (then its X-Forwarded-For and X-Request-Id count). */
export function fromTrustedProxy(socketAddress: string | undefined, trusted: net.BlockList | null): boolean {
  return !!socketAddress && isTrusted(trusted, normalizeAddress(socketAddress));
}

/**
 * The socket's address; behind trusted proxies, the right-most address in
 * X-Forwarded-For that is not itself a trusted proxy (each proxy appends the
 * address it saw, so everything left of that is the client's own say-so).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: net.BlockList | null): string {
  const socket = socketAddress ? normalizeAddress(socketAddress) : "";
  if (!socket) return UNKNOWN_CLIENT;
  if (!isTrusted(trusted, socket) || !forwardedFor) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((h) => normalizeAddress(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!net.isIP(hop)) return socket; // garbage in the chain: trust nothing beyond the proxy
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? socket;
}

/** The address lib/server/http-lifecycle.ts settled for this request (UNKNOWN_CLIENT outside an HTTP request). */
export function requestClient(headers: Headers | undefined): string {
  return headers?.get(CLIENT_IP_HEADER)?.trim() || UNKNOWN_CLIENT;
}
