import { z } from "zod";

/** One parameter of a sync kind as the dashboard's form shows it (from the kind's zod schema, via JSON Schema). */
export interface ParamField {
  name: string;
  kind: "boolean" | "integer" | "number" | "choice" | "text";
  required: boolean;
  description: string | null;
  options?: string[];
  defaultValue?: string | number | boolean;
  min?: number;
  max?: number;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

function fieldKind(schema: JsonSchema): ParamField["kind"] | null {
  if (schema.enum) return "choice";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "integer") return "integer";
  if (schema.type === "number") return "number";
  if (schema.type === "string") return "text";
  // "One id, several separated by commas, or a list": the form offers the text form.
  if (schema.anyOf?.some((option) => option.type === "string")) return "text";
  return null;
}

/** The fields a form can fill; nested objects (optional, with defaults) are left to the API and the CLI. */
export function paramFields(params: z.ZodObject): ParamField[] {
  const json = z.toJSONSchema(params, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  const fields: ParamField[] = [];
  for (const [name, schema] of Object.entries(json.properties ?? {})) {
    const kind = fieldKind(schema);
    if (!kind) continue;
    const fallback = schema.default;
    fields.push({
      name,
      kind,
      required: required.has(name),
      description: schema.description ?? null,
      ...(kind === "choice" ? { options: (schema.enum ?? []).map(String) } : {}),
      ...(typeof fallback === "string" || typeof fallback === "number" || typeof fallback === "boolean" ? { defaultValue: fallback } : {}),
      ...(schema.minimum === undefined ? {} : { min: schema.minimum }),
      ...(schema.maximum === undefined || schema.maximum > Number.MAX_SAFE_INTEGER - 1 ? {} : { max: schema.maximum }),
    });
  }
  return fields;
}

/** The form's values as the kind's params: empty fields left out (the schema's defaults apply), numbers as numbers. */
export function formParams(fields: readonly ParamField[], values: Readonly<Record<string, string | boolean>>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "boolean") {
      if (typeof value === "boolean") params[field.name] = value;
      continue;
    }
    if (typeof value !== "string" || value.trim() === "") continue;
    params[field.name] = field.kind === "integer" || field.kind === "number" ? Number(value) : value.trim();
  }
  return params;
}
