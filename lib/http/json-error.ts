import { NextResponse } from "next/server";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export function jsonError(code: ErrorCode, message: string, fields?: Record<string, string>): NextResponse<ErrorBody> {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: ERROR_STATUS[code] });
}

/** Runs a route handler body: AppErrors become their JSON error; anything else is logged and masked. */
export async function handleRoute(context: string, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return jsonError(err.code, err.message, err.fields);
    console.error(`[${context}] unexpected error`, err);
    return jsonError("INTERNAL", "Something went wrong on our side. Please try again.");
  }
}
