import type { z } from "zod";
import { parseSchemaMessage, type Message, type MessageParams } from "../i18n/message";

/** Field errors keyed by path ("comment", "forecastFinish.date"; "_" for the whole input), first message per field. */
export type FieldErrors = Record<string, Message>;

/**
 * A schema's message is a catalog key (`"titleRequired"`); its parameters are
 * in the message (schemaMessage) or the limit of a min/max check.
 * zod's default messages (a wrong type from an API client) are English, not
 * keys: they pass through and are shown as they are.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  const { key, params: own } = parseSchemaMessage(issue.message);
  const params: MessageParams = { ...own };
  if (issue.code === "too_big") params.max ??= Number(issue.maximum);
  if (issue.code === "too_small") params.min ??= Number(issue.minimum);
  return Object.keys(params).length ? { key, params } : { key };
}

/**
 * A zod error as field errors: the one flattening that the write path
 * (lib/server/mutation.ts), sign-in, the list's strict URL parse and the forms
 * share, so a field's error reads the same from the browser and the server.
 * `topLevel` keys by the first path segment (a query parameter's name, not
 * "region.1"); `describe` turns an issue into the message (default: its key and parameters).
 */
export function zodFieldErrors(error: z.ZodError, opts?: { topLevel?: boolean }): Record<string, Message>;
export function zodFieldErrors<M>(error: z.ZodError, opts: { topLevel?: boolean; describe: (issue: z.core.$ZodIssue) => M }): Record<string, M>;
export function zodFieldErrors<M>(
  error: z.ZodError,
  { topLevel = false, describe }: { topLevel?: boolean; describe?: (issue: z.core.$ZodIssue) => M } = {},
): Record<string, M | Message> {
  const fields: Record<string, M | Message> = {};
  for (const issue of error.issues) {
    const key = (topLevel ? issue.path.slice(0, 1) : issue.path).map(String).join(".") || "_";
    fields[key] ??= describe ? describe(issue) : issueMessage(issue);
  }
  return fields;
}
