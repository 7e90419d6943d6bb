import { handleAuthRequest } from "@/lib/auth/auth-route";
import { handleRoute } from "@/lib/http/json-error";

async function handle(request: Request) {
  return handleRoute(`${request.method} /api/auth`, () => handleAuthRequest(request));
}

export { handle as GET, handle as POST };
