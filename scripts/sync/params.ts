/** A kind's parameters as JSON Schema (GET /api/v1/admin/sync-kinds, or z.toJSONSchema in-process). */
export interface ParamsSchema {
  properties?: Record<string, { type?: string | string[]; description?: string; default?: unknown; enum?: unknown[] }>;
  required?: string[];
}

/**
 * `--param key=value` pairs as the kind expects them: numbers and booleans read as such, anything else as text. The
 * kind's own schema validates the result on the server (a 400 names what is wrong).
 */
export function paramsFromPairs(pairs: readonly string[], schema: ParamsSchema): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`--param ${pair}: write it as key=value`);
    const key = pair.slice(0, at);
    const text = pair.slice(at + 1);
    const property = schema.properties?.[key];
    if (!property) throw new Error(`--param ${key}: not a parameter of this kind (known: ${Object.keys(schema.properties ?? {}).join(", ") || "none"})`);
    const types = [property.type ?? []].flat();
    if ((types.includes("integer") || types.includes("number")) && text.trim() !== "" && !Number.isNaN(Number(text))) params[key] = Number(text);
    else if (types.includes("boolean") && (text === "true" || text === "false")) params[key] = text === "true";
    else params[key] = text;
  }
  return params;
}

/** One line per parameter for --list: "year (integer, default 2026): the season's year". */
export function describeParams(schema: ParamsSchema): string[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const facts = [[property.type ?? "any"].flat().join(" | ")];
    if (property.enum) facts.push(`one of ${property.enum.join(", ")}`);
    if (property.default !== undefined) facts.push(`default ${JSON.stringify(property.default)}`);
    else if (!schema.required?.includes(name)) facts.push("optional");
    return `${name} (${facts.join(", ")})${property.description ? `: ${property.description}` : ""}`;
  });
}
