import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { createRateSet } from "@/lib/capex/capex-mutations";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";

/** Adds a named exchange-rate set (admins): { name, effectiveFrom: "YYYY-MM", rates: [{ currency, toCny, toUsd }] }. */
export async function POST(request: NextRequest) {
  return handleRoute("POST /api/capex/rate-sets", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await createRateSet({ viewer: await getViewer(), input: body.body }), 201);
  });
}
