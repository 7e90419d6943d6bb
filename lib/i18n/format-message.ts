import type { Message } from "./message";

/** The translator of the catalogs' `serverMessages` (next-intl's, from useTranslations or getTranslations). */
export interface ServerMessageTranslator {
  (key: never, values?: never): string;
  has(key: never): boolean;
}

/**
 * A message in the translator's language. A string is text the caller already
 * worded in that language (a form's own check); a key the catalog lacks is a
 * zod default or API-only English and is shown as it came.
 */
export function formatMessage(t: ServerMessageTranslator, m: Message | string): string {
  if (typeof m === "string") return m;
  return t.has(m.key as never) ? t(m.key as never, m.params as never) : m.key;
}

/** Messages carried in a URL (a form that posts without JavaScript and lands back on the page): JSON, read leniently. */
export function encodeMessages(messages: Message[]): string {
  return JSON.stringify(messages.map((m) => (m.params ? { key: m.key, params: m.params } : { key: m.key })));
}

export function decodeMessages(raw: string | string[] | undefined): Message[] | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    const messages = parsed.filter(
      (m): m is Message =>
        typeof m === "object" && m !== null && typeof (m as Message).key === "string" && (m.params === undefined || typeof m.params === "object"),
    );
    return messages.length ? messages : null;
  } catch {
    return null;
  }
}
