"use client";

import { useState } from "react";
import type { Message } from "@/lib/i18n/message";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/form";
import { describedBy } from "@/components/ui/form-errors";
import { dateFromParts, partsOf, withPrecision, type FuzzyDateParts } from "@/lib/dates/fuzzy-date-parts";
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
  error?: Message | string;
  disabled?: boolean;
  /** extra description, e.g. why the control is disabled */
  hint?: string;
  /** marks the date input as the field a dialog starts on */
  autoFocusDate?: boolean;
}

/**
 * A date known to a precision: first how precise it is (day, month, quarter,
 * year), then a picker for exactly that (decision record 0035): a day picker,
 * `<input type="month">`, a year and a quarter, or a year. Switching precision
 * keeps the period the date falls in. An empty picker means "not set".
 */
export function FuzzyDateInput({ id, legend, value, onChange, error, disabled, hint, autoFocusDate }: FuzzyDateInputProps) {
  const t = useTranslations("edit.fuzzyDate");
  const tEnum = useTranslations("enums.precision");
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const parts = partsOf(value.date);
  // A quarter chosen before its year has nowhere to live in the date yet.
  const [pendingQuarter, setPendingQuarter] = useState(1);
  const quarter = value.date ? parts.quarter : pendingQuarter;
  const control = "field-control disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";
  const common = {
    "data-autofocus": autoFocusDate || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(`${id}-format`, error && errorId),
    className: control,
  };
  const emit = (next: Partial<FuzzyDateParts>) => onChange({ ...value, date: dateFromParts(value.precision, { ...parts, quarter, ...next }) });
  const yearInput = (
    <input
      id={id}
      {...common}
      type="number"
      inputMode="numeric"
      min={1900}
      max={2200}
      step={1}
      value={parts.year}
      onChange={(e) => emit({ year: e.target.value })}
    />
  );
  return (
    <fieldset disabled={disabled} aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        <div className="w-32">
          <label htmlFor={`${id}-precision`} className="sr-only">
            {t("precision", { field: legend })}
          </label>
          <select
            id={`${id}-precision`}
            value={value.precision}
            onChange={(e) => {
              const precision = e.target.value as DatePrecision;
              onChange({ date: withPrecision(value.date, precision), precision });
            }}
            className={control}
          >
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {tEnum(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            {t(PICKER_LABEL[value.precision], { field: legend })}
          </label>
          {value.precision === "DAY" && (
            <input id={id} {...common} type="date" min="1900-01-01" max="2200-12-31" value={parts.day} onChange={(e) => emit({ day: e.target.value })} />
          )}
          {value.precision === "MONTH" && (
            // Browsers without a month picker show a text box: the hint under it gives the format.
            <input id={id} {...common} type="month" min="1900-01" max="2200-12" value={parts.month} onChange={(e) => emit({ month: e.target.value })} />
          )}
          {(value.precision === "YEAR" || value.precision === "QUARTER") && yearInput}
        </div>
        {value.precision === "QUARTER" && (
          <div className="w-24">
            <label htmlFor={`${id}-quarter`} className="sr-only">
              {t("quarter", { field: legend })}
            </label>
            <select
              id={`${id}-quarter`}
              value={quarter}
              onChange={(e) => {
                setPendingQuarter(Number(e.target.value));
                emit({ quarter: Number(e.target.value) });
              }}
              className={control}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t("quarterOption", { quarter: q })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p id={`${id}-format`} className="mt-1 text-xs text-slate-600">
        {t(`hint${value.precision}`)}
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

const PICKER_LABEL = { DAY: "date", MONTH: "month", QUARTER: "year", YEAR: "year" } as const;

/** The form's value for a stored date (empty when not set). */
export function toFuzzyValue(f: { date: string; precision: DatePrecision } | null, fallback: DatePrecision = "DAY"): FuzzyDateValue {
  return f ? { date: f.date, precision: f.precision } : { date: "", precision: fallback };
}

/** The value to send: null when the date is empty. */
export function fromFuzzyValue(v: FuzzyDateValue): { date: string; precision: DatePrecision } | null {
  return v.date ? { date: v.date, precision: v.precision } : null;
}
