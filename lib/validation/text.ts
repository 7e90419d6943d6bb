import { z } from "zod";
import { schemaMessage, type ServerMessageKey } from "../i18n/message";

/**
 * Every text field of every schema goes through here, so that what a form or
 * an API client sends is text a person can read and PostgreSQL can store:
 *
 * - bidi embedding, override and isolate controls (U+202A–U+202E,
 *   U+2066–U+2069) are stripped: they reorder what the reader sees
 *   ("Trojan Source") and the app's languages never need them;
 * - NUL and the other C0/C1 control characters are refused (PostgreSQL cannot
 *   store NUL in text: it was a 500). Multi-line fields keep tab and newline;
 * - text that is not empty but has no visible character (only spaces,
 *   zero-width or format characters) is refused, and a required field must
 *   have a visible character.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const SINGLE_LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/;
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Fillers that render as blank although Unicode files them as letters or symbols. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/g;
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\p{Cs}\p{Co}\p{Cn}]/u;

export const TEXT_MESSAGES = {
  control: "textControl",
  invisible: "textInvisible",
  required: "fieldRequired",
} as const satisfies Record<string, ServerMessageKey>;

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

export function hasControlCharacter(value: string, multiline = false): boolean {
  return (multiline ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS).test(value);
}

export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value.replace(BLANK_LETTERS, ""));
}

export interface TextOptions {
  max: number;
  /** a required field: at least one visible character */
  required?: boolean;
  /** keeps tab, CR and LF (summaries, comments) */
  multiline?: boolean;
  /** leading and trailing white space is removed (default true) */
  trim?: boolean;
  /** the catalog key of "too long" (it gets `max`); default atMost */
  tooLong?: ServerMessageKey;
  requiredMessage?: ServerMessageKey;
}

/** A user-entered text: bidi controls stripped, trimmed, no control characters, visible when not empty. */
export function text(opts: TextOptions) {
  const tooLong = schemaMessage(opts.tooLong ?? "atMost", { max: opts.max });
  return z
    .string()
    .transform((v) => {
      const stripped = stripBidiControls(v);
      return opts.trim === false ? stripped : stripped.trim();
    })
    .superRefine((v, ctx) => {
      if (hasControlCharacter(v, opts.multiline)) ctx.addIssue({ code: "custom", message: TEXT_MESSAGES.control });
      else if (v.length > opts.max) ctx.addIssue({ code: "custom", message: tooLong });
      else if (v === "" && opts.required) ctx.addIssue({ code: "custom", message: opts.requiredMessage ?? TEXT_MESSAGES.required });
      else if (v !== "" && !hasVisibleCharacter(v))
        ctx.addIssue({ code: "custom", message: opts.requiredMessage && opts.required ? opts.requiredMessage : TEXT_MESSAGES.invisible });
    });
}

/** A token that is not prose (an id, a slug, a query string): no control characters, no bidi controls, within max. */
export function token(opts: { max: number; min?: number }) {
  return z
    .string()
    .min(opts.min ?? 0)
    .max(opts.max)
    .refine((v) => !hasControlCharacter(v) && !HAS_BIDI_CONTROL.test(v), TEXT_MESSAGES.control);
}
