import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { handleRoute } from "@/lib/http/json-error";

async function handle(request: Request) {
  return handleRoute(`${request.method} /api/auth`, async () => {
    const handler = toNextJsHandler(await getAuth());
    return request.method === "GET" ? handler.GET(request) : handler.POST(request);
  });
}

export { handle as GET, handle as POST };
