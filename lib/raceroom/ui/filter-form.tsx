"use client";

import { useRouter } from "next/navigation";

export interface FilterField {
  name: string;
  label: string;
  value: string;
  /** The first option is "all" (empty value). */
  allLabel: string;
  options: { value: string; label: string }[];
}

/**
 * Filters as a GET form: it works without JavaScript (Apply), and with it every change applies at once through a
 * client-side navigation to a clean URL (empty filters left out). `keep` carries parameters the filters do not
 * touch (e.g. the followed driver).
 */
export function FilterForm({ action, fields, keep = {} }: { action: string; fields: FilterField[]; keep?: Record<string, string | undefined> }) {
  const router = useRouter();
  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value) params.set(name, value);
    router.replace(params.size ? `${action}?${params}` : action, { scroll: false });
  }
  return (
    <form
      // Remounted when the URL changes, so the selects always show the filters in force (also after Back).
      key={fields.map((f) => f.value).join("|")}
      action={action}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      onChange={(event) => apply(event.currentTarget)}
      className="flex flex-wrap items-end gap-3"
    >
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((field) => (
        <label key={field.name} className="flex flex-col gap-1 text-xs font-medium text-muted">
          {field.label}
          <select
            name={field.name}
            defaultValue={field.value}
            className="min-w-40 max-w-72 rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-fg focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
          >
            <option value="">{field.allLabel}</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <noscript>
        <button type="submit" className="rounded-md border border-border px-3 py-1.5 text-sm">
          Apply
        </button>
      </noscript>
    </form>
  );
}
