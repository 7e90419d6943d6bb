import { NextResponse } from "next/server";
import { isDatabaseUnavailable } from "../db/unavailable";
import { englishFields } from "../i18n/english";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors";
import { log } from "../log/logger";
import { currentRequestId } from "../log/request-context";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; requestId?: string };
}

export function jsonError(code: ErrorCode, message: string, fields?: Record<string, string>, requestId?: string): NextResponse<ErrorBody> {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}), ...(requestId ? { requestId } : {}) } }, { status: ERROR_STATUS[code] });
}

export const UNAVAILABLE_MESSAGE = "The database is busy or unreachable. Reload and try again.";
export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * Runs a route handler body: AppErrors become their JSON error; a database
 * that is down or out of connections is a 503; anything else is logged with
 * the request id and answered with a generic 500 that carries only that id
 * (never a stack, a query or a driver message).
 */
export async function handleRoute(context: string, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return jsonError(err.code, err.message, err.fields && englishFields(err.fields));
    return unexpectedErrorResponse(context, err);
  }
}

export async function unexpectedErrorResponse(context: string, err: unknown): Promise<Response> {
  const requestId = await currentRequestId();
  if (isDatabaseUnavailable(err)) {
    log().warn({ requestId, route: context, err }, "database unavailable");
    return jsonError("UNAVAILABLE", UNAVAILABLE_MESSAGE, undefined, requestId);
  }
  log().error({ requestId, route: context, err }, "unexpected error");
  return jsonError("INTERNAL", INTERNAL_MESSAGE, undefined, requestId);
}
