import Link from "next/link";
import { button, filterControl, filterLabel } from "./data-table";

export interface FilterOption {
  value: string;
  label: string;
}

/** One labelled select of a filter form; `anyLabel` adds a first, empty choice that drops the filter. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel,
  className,
}: {
  label: string;
  name: string;
  value: string;
  options: readonly FilterOption[];
  anyLabel?: string;
  className?: string;
}) {
  return (
    <label className={className ? `${filterLabel} ${className}` : filterLabel}>
      {label}
      <select name={name} defaultValue={value} className={filterControl}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Apply submits the form; Reset goes back to the page without any filter. */
export function FilterActions({ resetHref }: { resetHref: string }) {
  return (
    <div className="col-span-2 flex gap-2 sm:col-span-1">
      <button type="submit" className={button}>
        Apply
      </button>
      <Link href={resetHref} className={`${button} text-muted`}>
        Reset
      </Link>
    </div>
  );
}

/** Lets a value that came in the URL but is no longer listed stay selected, instead of the select silently showing another. */
export function withCurrent(options: FilterOption[], current: string | undefined): FilterOption[] {
  return current && !options.some((option) => option.value === current) ? [...options, { value: current, label: current }] : options;
}
