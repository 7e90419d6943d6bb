import type { Message } from "@/lib/i18n/message";

export { zodFieldErrors } from "@/lib/validation/field-errors";

/** A form's field errors: the schema's or the server's (by key), or the form's own text (a string, already localized). */
export type FieldErrors = Record<string, Message | string>;

/** The first error of a field or of any of its parts (forecast → forecast.date, forecast.precision). */
export function errorFor(errors: FieldErrors, field: string): Message | string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** aria-describedby from the ids that apply (hint, error), or undefined. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}
