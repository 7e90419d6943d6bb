import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundled, PGlite fails to find its wasm and extension files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "playwright-core"],
  poweredByHeader: false,
  // Content-Security-Policy (with a per-request script nonce), HSTS and x-request-id are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: the 403 of the protected-page rule (lib/auth/page-guard.ts).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
