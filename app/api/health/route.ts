import { NextResponse } from "next/server";

/** Liveness: the process answers. (Readiness, with the database, is /api/ready.) */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
