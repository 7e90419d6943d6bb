import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

async function handle(request: Request) {
  const handler = toNextJsHandler(await getAuth());
  return request.method === "GET" ? handler.GET(request) : handler.POST(request);
}

export { handle as GET, handle as POST };
