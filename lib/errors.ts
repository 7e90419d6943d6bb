import { englishMessage } from "./i18n/english";
import type { Message, MessageParams, ServerMessageKey } from "./i18n/message";

/**
 * Expected failures carry a code and a message fit for users; anything else is
 * unexpected, logged with context and answered with a generic message.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What an AppError says: a catalog key, or a key with its parameters. */
export type MessageSpec = ServerMessageKey | Message;

function toMessage(spec: MessageSpec): Message {
  return typeof spec === "string" ? { key: spec } : spec;
}

/**
 * An expected failure. It says what happened by key (`serverMessages` in
 * both catalogs), so a form shows it in the user's language; `message` is
 * the English, for the JSON API and the logs.
 */
export class AppError extends Error {
  readonly key: ServerMessageKey;
  readonly params?: MessageParams;
  readonly fields?: Record<string, Message>;

  constructor(
    readonly code: ErrorCode,
    spec: MessageSpec,
    fields?: Record<string, MessageSpec>,
    /** extra data for the client, e.g. the current record on a CONFLICT */
    readonly details?: unknown,
  ) {
    const m = toMessage(spec);
    super(englishMessage(m));
    this.name = "AppError";
    this.key = m.key;
    if (m.params) this.params = m.params;
    if (fields) this.fields = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, toMessage(f)]));
  }

  /** The message as data (key and parameters), as a form renders it. */
  get userMessage(): Message {
    return this.params ? { key: this.key, params: this.params } : { key: this.key };
  }
}
