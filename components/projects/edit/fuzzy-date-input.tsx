"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/form";
import { describedBy } from "@/components/ui/form-errors";
import { DATE_PRECISIONS, type DatePrecision } from "@/lib/projects/enums";

export interface FuzzyDateValue {
  date: string;
  precision: DatePrecision;
}

interface FuzzyDateInputProps {
  /** base id: the date input gets it, the precision select `${id}-precision` */
  id: string;
  legend: string;
  value: FuzzyDateValue;
  onChange: (value: FuzzyDateValue) => void;
  error?: string;
  disabled?: boolean;
  /** extra description, e.g. why the control is disabled */
  hint?: string;
  /** marks the date input as the field a dialog starts on */
  autoFocusDate?: boolean;
}

/**
 * A date known to a precision: a date and how precise it is (day, month,
 * quarter, year). An empty date means "not set".
 */
export function FuzzyDateInput({ id, legend, value, onChange, error, disabled, hint, autoFocusDate }: FuzzyDateInputProps) {
  const t = useTranslations("edit.fuzzyDate");
  const tEnum = useTranslations("enums.precision");
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset disabled={disabled} aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            {t("date", { field: legend })}
          </label>
          <input
            id={id}
            data-autofocus={autoFocusDate || undefined}
            type="date"
            min="1900-01-01"
            max="2200-12-31"
            value={value.date}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-format`, error && errorId)}
            className="field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500"
          />
        </div>
        <div className="w-36">
          <label htmlFor={`${id}-precision`} className="sr-only">
            {t("precision", { field: legend })}
          </label>
          <select
            id={`${id}-precision`}
            value={value.precision}
            onChange={(e) => onChange({ ...value, precision: e.target.value as DatePrecision })}
            className="field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500"
          >
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {tEnum(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-format`} className="mt-1 text-xs text-slate-600">
        {t("hint")}
      </p>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/** The form's value for a stored date (empty when not set). */
export function toFuzzyValue(f: { date: string; precision: DatePrecision } | null, fallback: DatePrecision = "DAY"): FuzzyDateValue {
  return f ? { date: f.date, precision: f.precision } : { date: "", precision: fallback };
}

/** The value to send: null when the date is empty. */
export function fromFuzzyValue(v: FuzzyDateValue): { date: string; precision: DatePrecision } | null {
  return v.date ? { date: v.date, precision: v.precision } : null;
}
