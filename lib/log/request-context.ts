import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "./request-id";

/** The current request's id (set by proxy.ts), or undefined outside a request (scripts, tests). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}
