import { connection, NextResponse } from "next/server";
import { checkReadiness } from "@/lib/db/readiness";

/** Readiness: the database is reachable and its migrations are current (503 otherwise). */
export async function GET() {
  await connection();
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
