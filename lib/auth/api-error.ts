/**
 * Better Auth's APIError, recognized by shape: the class can exist twice in a
 * server bundle (better-auth and @better-auth/core), so instanceof misses.
 */
export function asAuthApiError(err: unknown): { status: string; message: string } | null {
  if (err && typeof err === "object" && (err as { name?: unknown }).name === "APIError" && typeof (err as { status?: unknown }).status === "string")
    return err as { status: string; message: string };
  return null;
}
