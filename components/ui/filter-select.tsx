import type { ChangeEvent } from "react";

interface FilterSelectProps {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  selected: string[];
  options: { value: string; label: string }[];
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  className?: string;
}

/**
 * A labelled filter select (the list's and the dashboard's). One value per
 * select; a URL with several values (region=A&region=B) shows them as one
 * combined option, submitted as "A,B"; a value that is not an option (an old
 * link) stays selected rather than silently becoming "all".
 */
export function FilterSelect({ id, name, label, allLabel, selected, options, onChange, className }: FilterSelectProps) {
  const value = selected.join(",");
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const combined = selected.length > 1 ? { value, label: selected.map(labelOf).join(", ") } : null;
  const missing = selected.length === 1 && !options.some((o) => o.value === value) ? { value, label: value } : null;
  const all = [...(combined ? [combined] : []), ...options, ...(missing ? [missing] : [])];
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} value={value} onChange={onChange} className="field-control">
        <option value="">{allLabel}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
