"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { button, control, fieldLabel } from "./controls";
import { withQuery } from "./href";

export interface FilterOption {
  value: string;
  label: string;
}

interface FieldBase {
  name: string;
  label: string;
  /** The value in force, from the URL; "" for none. */
  value: string;
}

export interface SelectFilter extends FieldBase {
  options: readonly FilterOption[];
  /** A first choice with the empty value, which drops the filter ("All tracks"). */
  allLabel?: string;
  /** What the page uses when the parameter is absent, for a select without an "all" choice. */
  defaultValue?: string;
}

export interface TextFilter extends FieldBase {
  type: "text";
  placeholder?: string;
}

export type FilterField = SelectFilter | TextFilter;

const defaultOf = (field: FilterField) => ("options" in field ? (field.defaultValue ?? "") : "");

/** The options, plus the value in force when it is not among them: it stays selected instead of the select silently showing another. */
function withCurrent(options: readonly FilterOption[], current: string): readonly FilterOption[] {
  return current && !options.some((option) => option.value === current) ? [...options, { value: current, label: current }] : options;
}

/**
 * Filters as a GET form, so it works without JavaScript (Apply). With it, a select applies as soon as it changes and a
 * text field on Enter or Apply, through a client-side navigation to a clean URL (empty and default values left out).
 * Reset appears when a filter is set. `keep` carries parameters the filters do not touch (e.g. the followed driver).
 */
export function FilterForm({ action, fields, keep = {} }: { action: string; fields: readonly FilterField[]; keep?: Record<string, string | undefined> }) {
  const router = useRouter();
  function apply(form: HTMLFormElement) {
    const query: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) {
      const field = fields.find((f) => f.name === name);
      if (typeof value === "string" && (!field || value !== defaultOf(field))) query[name] = value;
    }
    router.replace(withQuery(action, query), { scroll: false });
  }
  const filtered = fields.some((field) => field.value !== defaultOf(field));
  return (
    <form
      // Remounted when the URL changes, so the fields always show the filters in force (also after Back).
      key={fields.map((f) => f.value).join("|")}
      action={action}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) apply(event.currentTarget);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((field) => (
        <label key={field.name} className={fieldLabel}>
          {field.label}
          {"options" in field ? (
            <select name={field.name} defaultValue={field.value} className={`${control} min-w-40 max-w-72`}>
              {field.allLabel !== undefined ? <option value="">{field.allLabel}</option> : null}
              {withCurrent(field.options, field.value).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" name={field.name} defaultValue={field.value} placeholder={field.placeholder} className={`${control} w-56`} />
          )}
        </label>
      ))}
      <div className="flex gap-2">
        <button type="submit" className={button}>
          Apply
        </button>
        {filtered ? (
          <Link href={withQuery(action, keep)} className={`${button} text-muted`}>
            Reset
          </Link>
        ) : null}
      </div>
    </form>
  );
}
