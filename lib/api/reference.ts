import type { JsonSchema, OpenApiDocument, OperationObject, ResponseObject } from "./openapi-types";
import { parameterType, schemaText } from "./schema-text";

/** The API document arranged for people: what /docs/api shows. */
export interface ReferenceParameter {
  name: string;
  in: "path" | "query";
  type: string;
  required: boolean;
  description: string | null;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  adminOnly: boolean;
  parameters: ReferenceParameter[];
  requestBody: string | null;
  successStatus: string;
  response: string;
  otherResponses: { status: string; description: string }[];
  curl: string;
}

export interface ReferenceGroup {
  tag: string;
  description: string;
  operations: ReferenceOperation[];
}

const sampleStrings: Record<string, string> = {
  "date-time": "2026-11-02T14:00:00Z",
  date: "2026-11-02",
  uuid: "00000000-0000-4000-8000-000000000000",
};

/** A plausible value for a schema, for the curl examples: its own example or default first. */
function sample(schema: JsonSchema, components: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (typeof schema.$ref === "string") return sample(components[schema.$ref.split("/").pop()!] ?? {}, components);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants?.length) return sample(variants.find((v) => v.type !== "null") ?? variants[0]!, components);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return sampleStrings[schema.format as string] ?? "text";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return false;
    case "array":
      return schema.items && typeof schema.items === "object" ? [sample(schema.items as JsonSchema, components)] : [];
    case "object":
      return Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => [k, sample(v, components)]));
    default:
      return null;
  }
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

function curlOf(baseUrl: string, method: string, path: string, op: OperationObject, components: Record<string, JsonSchema>): string {
  const params = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((p) => p.in === "path")) {
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(sample(p.schema, components))));
  }
  const query = new URLSearchParams();
  for (const p of params.filter((p) => p.in === "query" && p.required)) query.set(p.name, String(sample(p.schema, components)));
  const lines = [`curl -s${method === "GET" ? "" : ` -X ${method}`} ${shellQuote(`${baseUrl}${url}${query.size ? `?${query}` : ""}`)}`];
  // Double quotes, so that the shell fills in the token from the environment.
  if (op.security) lines.push(`-H "Authorization: Bearer $ADMIN_API_TOKEN"`);
  const body = op.requestBody?.content["application/json"].schema;
  if (body) lines.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(sample(body, components)))}`);
  return lines.join(" \\\n  ");
}

function resolveResponse(document: OpenApiDocument, response: ResponseObject | { $ref: string }): ResponseObject | undefined {
  return "$ref" in response ? document.components.responses[response.$ref.split("/").pop()!] : response;
}

export function apiReference(document: OpenApiDocument, baseUrl: string): ReferenceGroup[] {
  const components = document.components.schemas;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): { tag: string | undefined; operation: ReferenceOperation } => {
      const success = Object.keys(op.responses).find((status) => status.startsWith("2")) ?? "200";
      const ok = resolveResponse(document, op.responses[success] ?? { description: "" });
      const operation: ReferenceOperation = {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description ?? null,
        adminOnly: Boolean(op.security),
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          type: parameterType(p.schema, components),
          required: p.required,
          description: p.description ?? null,
        })),
        successStatus: success,
        requestBody: op.requestBody ? schemaText(op.requestBody.content["application/json"].schema, components) : null,
        response: ok?.content ? schemaText(ok.content["application/json"].schema, components) : "(no body)",
        otherResponses: Object.entries(op.responses)
          .filter(([status]) => status !== success)
          .map(([status, response]) => ({ status, description: resolveResponse(document, response)?.description ?? "" })),
        curl: curlOf(baseUrl, method.toUpperCase(), path, op, components),
      };
      return { tag: op.tags[0], operation };
    }),
  );
  return document.tags
    .map((tag) => ({
      tag: tag.name,
      description: tag.description,
      operations: operations.filter((o) => o.tag === tag.name).map((o) => o.operation),
    }))
    .filter((group) => group.operations.length > 0);
}
