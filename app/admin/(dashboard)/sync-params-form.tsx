"use client";

import type { ParamField } from "@/lib/admin/sync-params";
import { control, fieldLabel } from "@/lib/ui/controls";

export type ParamValues = Record<string, string | boolean>;

/** Each field's starting value: the schema's default, else empty (left out, so the kind's own default applies). */
export function initialValues(fields: readonly ParamField[]): ParamValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.kind === "boolean" ? field.defaultValue === true : field.defaultValue === undefined ? "" : String(field.defaultValue)]));
}

/** Fields a card opens with when one is required; a longer form stays folded so the board keeps its shape. */
const OPEN_UP_TO = 4;

/** The required fields left empty, by name. */
export function missingRequired(fields: readonly ParamField[], values: ParamValues): string[] {
  return fields.filter((field) => field.required && field.kind !== "boolean" && String(values[field.name] ?? "").trim() === "").map((field) => field.name);
}

/** A sync kind's parameters as form fields. */
export function SyncParamsForm({ kind, fields, values, onChange }: { kind: string; fields: readonly ParamField[]; values: ParamValues; onChange: (values: ParamValues) => void }) {
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  const required = fields.filter((field) => field.required).length;
  return (
    <details className="border-t border-border pt-3 text-sm" open={required > 0 && fields.length <= OPEN_UP_TO}>
      <summary className="cursor-pointer text-muted">Parameters{required > 0 ? ` (${required} required)` : ""}</summary>
      <div className="mt-2 grid gap-2">
        {fields.map((field) => {
          const id = `${kind}-${field.name}`;
          const hint = field.description ? <span className="font-normal">{field.description}</span> : null;
          if (field.kind === "boolean") {
            return (
              <label key={field.name} htmlFor={id} className="flex items-start gap-2 text-xs text-muted">
                <input id={id} type="checkbox" checked={values[field.name] === true} onChange={(event) => set(field.name, event.target.checked)} className="mt-0.5" />
                <span>
                  <span className="font-mono font-medium text-fg">{field.name}</span> {hint}
                </span>
              </label>
            );
          }
          const value = typeof values[field.name] === "string" ? (values[field.name] as string) : "";
          return (
            <label key={field.name} htmlFor={id} className={fieldLabel}>
              <span>
                <span className="font-mono text-fg">{field.name}</span>
                {field.required ? " (required)" : ""} {hint}
              </span>
              {field.kind === "choice" ? (
                <select id={id} value={value} onChange={(event) => set(field.name, event.target.value)} className={control}>
                  {field.required ? null : <option value="">default</option>}
                  {field.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type={field.kind === "text" ? "text" : "number"}
                  inputMode={field.kind === "integer" ? "numeric" : undefined}
                  step={field.kind === "integer" ? 1 : "any"}
                  min={field.min}
                  max={field.max}
                  required={field.required}
                  value={value}
                  onChange={(event) => set(field.name, event.target.value)}
                  className={control}
                />
              )}
            </label>
          );
        })}
      </div>
    </details>
  );
}
