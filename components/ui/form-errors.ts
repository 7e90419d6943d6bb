import type { FieldErrors } from "@/lib/validation/field-errors";

export { zodFieldErrors, type FieldErrors } from "@/lib/validation/field-errors";

/** The first error of a field or of any of its parts (forecast → forecast.date, forecast.precision). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** aria-describedby from the ids that apply (hint, error), or undefined. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}
