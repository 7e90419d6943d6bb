/**
 * The Content-Security-Policy and HSTS headers proxy.ts sets per request.
 *
 * Scripts: only those carrying this request's nonce ('strict-dynamic' lets
 * them load Next's chunks); no 'unsafe-inline', no 'unsafe-eval' outside
 * development. Next reads the nonce from the request's CSP header and puts
 * it on its own scripts, which is why every page renders dynamically (the
 * root layout awaits connection()).
 *
 * Styles keep 'unsafe-inline': React renders `style` attributes (progress
 * bars, chart and map positions), and a nonce cannot cover attributes.
 * Inline styles cannot run code, so the script policy is what stops XSS.
 */
export function contentSecurityPolicy({ nonce, dev = false, https = false }: { nonce: string; dev?: boolean; https?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and files from /api (uploaded documents too): nothing in them may run or be framed; sandbox treats a file opened directly as a unique origin. */
export const API_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, subdomains included: sent only when the public URL is https (a browser ignores it over http anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
