/**
 * Request ids: a load balancer's id is kept when it looks sane (printable,
 * no spaces, at most 128 characters), otherwise one is made. proxy.ts puts it
 * on the request (for route handlers, actions and logs) and on the response
 * (for the caller and the access log). No Next imports: proxy.ts and
 * instrumentation use it.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SANE_REQUEST_ID.test(value);
}

export function acceptOrCreateRequestId(incoming: string | null | undefined): string {
  return isSaneRequestId(incoming) ? incoming : crypto.randomUUID();
}
