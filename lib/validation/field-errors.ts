import type { z } from "zod";

/** Field errors keyed by path ("comment", "forecastFinish.date"; "_" for the whole input), first message per field. */
export type FieldErrors = Record<string, string>;

/**
 * A zod error as field errors: the one flattening that the write path
 * (lib/server/mutation.ts), sign-in, the list's strict URL parse and the forms
 * share, so a field's error reads the same from the browser and the server.
 * `topLevel` keys by the first path segment (a query parameter's name, not
 * "region.1"); `describe` turns an issue into the message (default: its own).
 */
export function zodFieldErrors(
  error: z.ZodError,
  { topLevel = false, describe = (issue) => issue.message }: { topLevel?: boolean; describe?: (issue: z.core.$ZodIssue) => string } = {},
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = (topLevel ? issue.path.slice(0, 1) : issue.path).map(String).join(".") || "_";
    fields[key] ??= describe(issue);
  }
  return fields;
}
