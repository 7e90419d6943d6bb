import type { Instrumentation } from "next";

/** Runs once when the server starts (never during `next build`). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDatabaseAtBoot } = await import("./lib/server/boot");
  await openDatabaseAtBoot();
}

/** Errors Next caught while rendering, in route handlers, actions or the proxy: one log line with the request id. */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/log/request-error");
  logRequestError(err, request, context);
};
