import type { Instrumentation } from "next";
import { log } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

type Args = Parameters<Instrumentation.onRequestError>;

/** instrumentation.ts' onRequestError: the error, where it happened and the request id (never the headers: cookies). */
export function logRequestError(err: Args[0], request: Args[1], context: Args[2]): void {
  const id = request.headers[REQUEST_ID_HEADER];
  log().error(
    {
      requestId: Array.isArray(id) ? id[0] : id,
      method: request.method,
      path: request.path,
      routePath: context.routePath,
      routeType: context.routeType,
      digest: typeof err === "object" && err && "digest" in err ? String(err.digest) : undefined,
      err,
    },
    "request error",
  );
}
