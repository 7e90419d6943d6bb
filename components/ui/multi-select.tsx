"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useLocale } from "next-intl";
import { useHydrated } from "./use-hydrated";

export interface MultiSelectOption {
  value: string;
  label: string;
}

interface MultiSelectProps {
  /** The form field's name: each chosen value is submitted as `name=value` (repeated). */
  name: string;
  label: string;
  /** What the closed control says when nothing is chosen ("All regions"). */
  allLabel: string;
  selected: string[];
  options: MultiSelectOption[];
  onChange: (values: string[]) => void;
  className?: string;
  id?: string;
}

/**
 * One filter with several values: a button that opens a listbox of
 * checkable options (WAI-ARIA listbox, aria-multiselectable). Keyboard:
 * Enter, Space or ↓ on the button opens it; ↑ ↓ Home End move; Space or Enter
 * checks or unchecks; Escape or Tab closes, Escape returns focus to the
 * button; a click outside closes it. Each change is reported at once.
 * Before hydration (or without JavaScript) the same values are native
 * checkboxes in a <details> that submit with the surrounding GET form. A value that is not an option
 * (an old link) stays chosen and listed rather than silently dropped.
 */
export function MultiSelect({ name, label, allLabel, selected, options, onChange, className, id }: MultiSelectProps) {
  const autoId = useId();
  const base = id ?? autoId;
  const locale = useLocale();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const all = useMemo(() => {
    const unknown = selected.filter((v) => !options.some((o) => o.value === v)).map((value) => ({ value, label: value }));
    return [...options, ...unknown];
  }, [options, selected]);
  const labelOf = (v: string) => all.find((o) => o.value === v)?.label ?? v;
  const summary = selected.length === 0 ? allLabel : new Intl.ListFormat(locale, { type: "disjunction" }).format(selected.map(labelOf));

  useEffect(() => {
    if (!open) return;
    listRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  useEffect(() => {
    if (open) document.getElementById(`${base}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, base]);

  function toggle(value: string) {
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  }

  function openList() {
    const first = all.findIndex((o) => selected.includes(o.value));
    setActive(first >= 0 ? first : 0);
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKey(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openList();
    }
  }

  function onListKey(event: KeyboardEvent) {
    const last = all.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setActive((i) => Math.min(i + 1, last));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case "Home":
        event.preventDefault();
        setActive(0);
        break;
      case "End":
        event.preventDefault();
        setActive(last);
        break;
      case " ":
      case "Enter": {
        event.preventDefault();
        const option = all[active];
        if (option) toggle(option.value);
        break;
      }
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case "Tab":
        setOpen(false);
        break;
      default:
        break;
    }
  }

  return (
    <div ref={rootRef} className={`relative ${className ?? ""}`}>
      <span id={`${base}-label`} className="field-label">
        {label}
      </span>
      {hydrated ? (
        <>
          <button
            ref={buttonRef}
            id={`${base}-button`}
            type="button"
            aria-haspopup="listbox"
            aria-expanded={open}
            aria-controls={`${base}-list`}
            aria-labelledby={`${base}-label ${base}-button`}
            onClick={() => (open ? close(false) : openList())}
            onKeyDown={onButtonKey}
            className="field-control flex items-center justify-between gap-2 text-left"
          >
            <span className="truncate">{summary}</span>
            {selected.length > 1 && (
              <span aria-hidden="true" className="shrink-0 rounded bg-slate-200 px-1.5 text-xs font-medium text-slate-800">
                {selected.length}
              </span>
            )}
            <span aria-hidden="true" className="shrink-0 text-slate-500">
              ▾
            </span>
          </button>
          {selected.map((v) => (
            <input key={v} type="hidden" name={name} value={v} />
          ))}
        </>
      ) : (
        // Before the scripts run (or without them) the same values are native checkboxes in a
        // <details>, which submit with the surrounding GET form; closed, it looks like the button.
        <details className="group">
          <summary aria-labelledby={`${base}-label ${base}-summary`} className="field-control flex cursor-pointer list-none items-center justify-between gap-2">
            <span id={`${base}-summary`} className="truncate">
              {summary}
            </span>
            <span aria-hidden="true" className="shrink-0 text-slate-500">
              ▾
            </span>
          </summary>
          <fieldset
            aria-labelledby={`${base}-label`}
            className="absolute z-30 mt-1 grid w-full min-w-56 gap-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-lg"
          >
            {all.map((o) => (
              <label key={o.value} className="flex items-center gap-2">
                <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
                {o.label}
              </label>
            ))}
          </fieldset>
        </details>
      )}
      {open && (
        <ul
          ref={listRef}
          id={`${base}-list`}
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby={`${base}-label`}
          aria-activedescendant={all.length ? `${base}-opt-${active}` : undefined}
          tabIndex={0}
          onKeyDown={onListKey}
          className="absolute z-30 mt-1 max-h-72 w-full min-w-56 overflow-auto rounded-md border border-slate-400 bg-white py-1 text-sm shadow-lg focus:outline-2 focus:outline-blue-600"
        >
          {all.map((o, i) => {
            const checked = selected.includes(o.value);
            return (
              <li
                key={o.value}
                id={`${base}-opt-${i}`}
                role="option"
                aria-selected={checked}
                onClick={() => {
                  setActive(i);
                  toggle(o.value);
                }}
                onMouseMove={() => setActive(i)}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${i === active ? "bg-blue-50 text-blue-900" : "text-slate-900"}`}
              >
                <span
                  aria-hidden="true"
                  className={`flex h-4 w-4 shrink-0 items-center justify-center rounded-sm border text-[11px] leading-none ${checked ? "border-blue-700 bg-blue-700 text-white" : "border-slate-500 bg-white"}`}
                >
                  {checked ? "✓" : ""}
                </span>
                {o.label}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
