import type en from "../../messages/en.json";

/**
 * What the server (or a shared schema) says to a user: a key of the catalogs'
 * `serverMessages` and its parameters, never English text. Forms render it
 * in the interface's language (components/ui/form.tsx useMessage); the API
 * and the logs get the English from lib/i18n/english.ts. The type import of
 * the catalog costs nothing at run time: no catalog ships with this module.
 */
export type ServerMessageKey = keyof (typeof en)["serverMessages"];
export type MessageParams = Record<string, string | number>;
export interface Message {
  key: ServerMessageKey;
  params?: MessageParams;
}

export function message(key: ServerMessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/**
 * A message only API clients read, in English and outside the catalogs: the
 * forms that get it show their own text from the result's details (e.g. the
 * import panel's file problems) and never render this one.
 */
export function untranslated(english: string): Message {
  return { key: english as ServerMessageKey };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).key === "string";
}

/**
 * A schema message with parameters, for a zod check that takes only a string
 * (`.regex(re, schemaMessage("daysRange", { max: 27 }))`): the key and the
 * parameters as JSON after a colon; lib/validation/field-errors.ts reads them back.
 */
export function schemaMessage(key: ServerMessageKey, params: MessageParams): string {
  return `${key}:${JSON.stringify(params)}`;
}

/** The key and parameters of a schema message (see schemaMessage), or the text as its own key. */
export function parseSchemaMessage(text: string): Message {
  const m = /^([A-Za-z][A-Za-z0-9]*):(\{.*\})$/.exec(text);
  if (!m) return { key: text as ServerMessageKey };
  try {
    return { key: m[1] as ServerMessageKey, params: JSON.parse(m[2]) as MessageParams };
  } catch {
    return { key: text as ServerMessageKey };
  }
}
