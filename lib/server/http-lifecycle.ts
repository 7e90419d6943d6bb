import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { env } from "../env";
import { FETCH_FORBIDDEN_METHODS, REFUSED_METHOD_HEADER } from "../http/allowed-methods";
import { CLIENT_IP_HEADER, clientAddress, fromTrustedProxy, trustedProxyList } from "../http/client-ip";
import { log } from "../log/logger";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "../log/request-id";

/**
 * What `next start` does not give us: its HTTP server (to stop accepting),
 * the requests in flight (to let them finish before the database closes) and
 * one access-log line per request. Node publishes every request on the
 * `http.server.request.start` diagnostics channel, with its server.
 *
 * The request id and the client's address are settled here, before Next
 * sees the request, and written into the request's headers (replacing what
 * the client sent), so proxy.ts, route handlers, server actions, Better Auth
 * and onRequestError all see the same values: a sane incoming x-request-id
 * is kept only from a trusted proxy (LODESTONE_TRUSTED_PROXIES), else one is
 * made; the address is the socket's, or X-Forwarded-For's behind a trusted
 * proxy (lib/http/client-ip.ts).
 */
interface HttpState {
  subscribed: boolean;
  draining: boolean;
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
}

const globalForHttp = globalThis as unknown as { __lodestoneHttp?: HttpState };
const state: HttpState = (globalForHttp.__lodestoneHttp ??= { subscribed: false, draining: false, servers: new Set(), inFlight: new Set() });

type RequestStart = { request: IncomingMessage; response: ServerResponse; server: Server };

export function trackHttpRequests(): void {
  if (state.subscribed) return;
  state.subscribed = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response, server } = message as RequestStart;
    state.servers.add(server);
    const trusted = trustedProxies();
    const socketAddress = request.socket.remoteAddress;
    const viaProxy = fromTrustedProxy(socketAddress, trusted);
    const requestId = acceptOrCreateRequestId(viaProxy ? (request.headers[REQUEST_ID_HEADER] as string | undefined) : undefined);
    request.headers[REQUEST_ID_HEADER] = requestId;
    request.headers[CLIENT_IP_HEADER] = clientAddress(socketAddress, request.headers["x-forwarded-for"], trusted);
    delete request.headers[REFUSED_METHOD_HEADER];
    if (request.method && FETCH_FORBIDDEN_METHODS.has(request.method.toUpperCase())) {
      request.headers[REFUSED_METHOD_HEADER] = request.method.toUpperCase();
      request.method = "GET";
    }
    if (state.draining) response.setHeader("Connection", "close");
    state.inFlight.add(response);
    const started = process.hrtime.bigint();
    response.once("close", () => {
      state.inFlight.delete(response);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId,
        method: request.method,
        url: request.url,
        status: response.statusCode,
        ms: Math.round(ms * 10) / 10,
        finished: response.writableFinished,
      };
      if (response.statusCode >= 500 || !response.writableFinished) log().warn(line, "request");
      // Build output (hashed, immutable files) only at debug: it would drown the lines that matter.
      else if (request.url?.startsWith("/_next/static/")) log().debug(line, "request");
      else log().info(line, "request");
    });
  });
}

let trustedList: ReturnType<typeof trustedProxyList> | undefined;
function trustedProxies() {
  if (trustedList === undefined) trustedList = trustedProxyList(env().LODESTONE_TRUSTED_PROXIES);
  return trustedList;
}

export function inFlightRequests(): number {
  return state.inFlight.size;
}

/**
 * Graceful stop: close the listening sockets (new connections are refused)
 * and idle keep-alive connections, let in-flight requests finish (bounded by
 * timeoutMs), then close what is left. Returns how many were cut off.
 */
export async function drainHttp(timeoutMs: number): Promise<{ finished: number; abandoned: number }> {
  state.draining = true;
  const atStart = state.inFlight.size;
  for (const response of state.inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
  for (const server of state.servers) {
    server.close();
    server.closeIdleConnections();
  }
  const deadline = Date.now() + timeoutMs;
  while (state.inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const abandoned = state.inFlight.size;
  for (const server of state.servers) server.closeAllConnections();
  return { finished: atStart - abandoned, abandoned };
}
