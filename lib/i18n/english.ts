import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import type { Message } from "./message";

/**
 * A message in English, for the JSON API and the logs (the API's language).
 * Server-side only: it carries the English catalog, which client bundles must not.
 * A key the catalog lacks (a zod default message) is already English: it is returned as it came.
 */
const translate = createTranslator({ locale: "en", messages: en, namespace: "serverMessages" });

export function englishMessage(m: Message): string {
  if (!(m.key in en.serverMessages)) return m.key;
  return translate(m.key, m.params as never);
}

export function englishFields(fields: Record<string, Message>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, englishMessage(m)]));
}
