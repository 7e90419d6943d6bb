import en from "../../messages/en.json";

/**
 * The server answers in English (the API's language, and what the logs
 * show); forms show its expected-error messages in the interface's language.
 * A message is translated when it is one of the catalog's `serverMessages`
 * (the English text is the key), or matches one of the patterns below for
 * messages with a number in them; anything else is shown as it came.
 * lib/i18n/server-messages.test.ts checks that the server's messages are known here.
 */
export type ServerMessageKey = keyof typeof en.serverMessages;
export type ServerMessage = { key: ServerMessageKey; values?: Record<string, number> };

const PATTERNS: [RegExp, ServerMessageKey, string][] = [
  [/^At most (\d+) characters\.$/, "atMost", "max"],
  [/^Too many failed sign-ins for this account\. Try again in (\d+) minutes?\.$/, "tooManySignIns", "minutes"],
  [/^Too many sign-in attempts from your address\. Try again in (\d+) minutes?\.$/, "tooManySignInsFromAddress", "minutes"],
];

const BY_TEXT = new Map<string, ServerMessageKey>(
  Object.entries(en.serverMessages)
    .filter(([, text]) => !text.includes("{"))
    .map(([key, text]) => [text, key as ServerMessageKey]),
);

export function recognizeServerMessage(message: string): ServerMessage | null {
  const key = BY_TEXT.get(message);
  if (key) return { key };
  for (const [pattern, patternKey, arg] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return { key: patternKey, values: { [arg]: Number(m[1]) } };
  }
  return null;
}
