import { NextResponse } from "next/server";

// The benchmark's framework ceiling (bench/README.md): a route that does no
// work, prerendered at build time. It reads nothing and reveals nothing.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json({ ok: true });
}
