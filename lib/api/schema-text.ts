import type { JsonSchema } from "./openapi-types";

/**
 * JSON Schema as a compact, TypeScript-like text for people: `{ data: SyncRun[]; page: PageInfo }` with the
 * named schemas it refers to written out below it, descriptions as `//` comments.
 */
export function schemaText(schema: JsonSchema, components: Record<string, JsonSchema>): string {
  const named: string[] = [];
  const seen = new Set<string>();
  const refName = (ref: string) => ref.split("/").pop()!;

  function one(s: JsonSchema, indent: string): string {
    if (typeof s.$ref === "string") {
      const name = refName(s.$ref);
      if (!seen.has(name)) {
        seen.add(name);
        named.push(name);
      }
      return name;
    }
    const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    if (variants) return variants.map((v) => one(v, indent)).join(" | ");
    if (Array.isArray(s.allOf)) return (s.allOf as JsonSchema[]).map((v) => one(v, indent)).join(" & ");
    if ("const" in s) return JSON.stringify(s.const);
    if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
    if (Array.isArray(s.type)) return (s.type as string[]).map((t) => ofType(t, s, indent)).join(" | ");
    if (typeof s.type === "string") return ofType(s.type, s, indent);
    if (s.properties) return ofType("object", s, indent);
    return "any";
  }

  function ofType(type: string, s: JsonSchema, indent: string): string {
    switch (type) {
      case "string":
        return typeof s.format === "string" ? `string<${s.format}>` : "string";
      case "array": {
        if (Array.isArray(s.prefixItems)) return `[${(s.prefixItems as JsonSchema[]).map((i) => one(i, indent)).join(", ")}]`;
        const item = s.items && typeof s.items === "object" ? one(s.items as JsonSchema, indent) : "any";
        return /[ |&]/.test(item) && !item.startsWith("{") ? `(${item})[]` : `${item}[]`;
      }
      case "object":
        return objectText(s, indent);
      default:
        return type;
    }
  }

  function objectText(s: JsonSchema, indent: string): string {
    const properties = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
    const extra = s.additionalProperties;
    if (!properties.length) {
      return extra && typeof extra === "object" ? `Record<string, ${one(extra as JsonSchema, indent)}>` : "object";
    }
    const required = new Set((s.required ?? []) as string[]);
    const inner = `${indent}  `;
    const lines = properties.map(([name, p]) => {
      const note = typeof p.description === "string" ? ` // ${p.description}` : "";
      return `${inner}${name}${required.has(name) ? "" : "?"}: ${one(p, inner)};${note}`;
    });
    if (extra === true || (extra && typeof extra === "object" && Object.keys(extra).length === 0)) lines.push(`${inner}[key: string]: any;`);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }

  const parts = [(typeof schema.description === "string" ? `// ${schema.description}\n` : "") + one(schema, "")];
  for (let i = 0; i < named.length; i++) {
    const name = named[i]!;
    const component = components[name];
    parts.push(`${name} = ${component ? one(component, "") : "any"}`);
  }
  return parts.join("\n\n");
}

/** One line for a parameter table: "integer, 1 to 500, default 50". */
export function parameterType(schema: JsonSchema, components: Record<string, JsonSchema>): string {
  const facts = [schemaText(schema, components).split("\n\n")[0]!];
  const { minimum, maximum, minLength, maxLength } = schema;
  if (minimum !== undefined && maximum !== undefined) facts.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) facts.push(`at least ${minimum}`);
  else if (maximum !== undefined) facts.push(`at most ${maximum}`);
  if (minLength !== undefined && maxLength !== undefined) facts.push(`${minLength} to ${maxLength} characters`);
  else if (maxLength !== undefined) facts.push(`at most ${maxLength} characters`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  return facts.join(", ");
}
