import { z } from "zod";
import packageJson from "../../package.json" with { type: "json" };
import { pathParameterNames, type AnyEndpoint, type ApiTag, type ObjectSchema } from "./endpoint";
import { apiErrorSchema } from "./errors";
import type { JsonSchema, OpenApiDocument, OperationObject, ParameterObject, ResponseObject } from "./openapi-types";
import { apiEndpoints, apiTags } from "./registry";

const statusNames: Record<number, string> = {
  403: "Forbidden",
  409: "Conflict: the request clashes with the current state",
  410: "Gone",
  422: "The request is well-formed but cannot be carried out",
  503: "Temporarily unavailable",
};

const wellKnownFormats = new Set(["date-time", "date", "time", "uuid", "email", "uri"]);

/** zod's JSON Schema, made part of one document: shared `$defs` become `components.schemas`. */
class Schemas {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      // `.int()` adds the safe-integer range, which says nothing to a reader.
      override: ({ jsonSchema }) => {
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
        // zod spells out the regex of well-known formats; the format name says the same thing readably.
        if (typeof jsonSchema.format === "string" && wellKnownFormats.has(jsonSchema.format)) delete jsonSchema.pattern;
      },
    }) as JsonSchema;
    const { $defs, ...root } = json;
    delete root.$schema; // the document's dialect applies
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) this.add(name, relink(def) as JsonSchema);
    return relink(root) as JsonSchema;
  }

  add(name: string, schema: JsonSchema): void {
    const existing = this.components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`API document: two different schemas are both named "${name}" (give one another .meta({ id }))`);
    }
    this.components[name] = schema;
  }

  /** The object schema behind a possible `$ref`. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    return typeof ref === "string" ? (this.components[ref.split("/").pop()!] ?? schema) : schema;
  }
}

function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : relink(v),
    ]),
  );
}

function parameters(schema: ObjectSchema | undefined, where: "path" | "query", schemas: Schemas): ParameterObject[] {
  if (!schema) return [];
  const object = schemas.resolve(schemas.convert(schema, "input"));
  const required = (object.required ?? []) as string[];
  return Object.entries((object.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const rateLimitHeaderRefs = {
  "RateLimit-Limit": header("RateLimit-Limit"),
  "RateLimit-Remaining": header("RateLimit-Remaining"),
  "RateLimit-Reset": header("RateLimit-Reset"),
};

function errorResponse(description: string, headers: ResponseObject["headers"] = rateLimitHeaderRefs): ResponseObject {
  return { description, headers, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

const sharedResponses: Record<string, ResponseObject> = {
  BadRequest: errorResponse("Invalid input: `message` and `issues` say which parameter is wrong and why"),
  Unauthorized: errorResponse("The admin API token is missing or wrong"),
  NotFound: errorResponse("Nothing exists at this address"),
  TooManyRequests: errorResponse("Rate limit reached: wait Retry-After seconds", { ...rateLimitHeaderRefs, "Retry-After": header("Retry-After") }),
  InternalError: errorResponse("Unexpected failure on the server (it has been logged)"),
};

function operation(endpoint: AnyEndpoint, schemas: Schemas): OperationObject {
  const ok: ResponseObject = {
    description: endpoint.successStatus === 202 ? "Accepted: the work is queued" : "Success",
    headers: {
      ...(endpoint.method === "GET" ? { ETag: header("ETag") } : {}),
      "Cache-Control": header("Cache-Control"),
      ...rateLimitHeaderRefs,
    },
    content: { "application/json": { schema: schemas.convert(endpoint.response, "output") } },
  };
  const responses: OperationObject["responses"] = { [String(endpoint.successStatus ?? 200)]: ok };
  if (endpoint.method === "GET") {
    responses["304"] = { description: "Not modified: the ETag sent in If-None-Match is still current", headers: { ETag: header("ETag") } };
  }
  responses["400"] = { $ref: "#/components/responses/BadRequest" };
  if (endpoint.auth) responses["401"] = { $ref: "#/components/responses/Unauthorized" };
  if (pathParameterNames(endpoint.path).length || endpoint.errors?.includes(404)) responses["404"] = { $ref: "#/components/responses/NotFound" };
  for (const status of endpoint.errors ?? []) {
    responses[String(status)] ??= errorResponse(statusNames[status] ?? "Error");
  }
  responses["429"] = { $ref: "#/components/responses/TooManyRequests" };
  responses["500"] = { $ref: "#/components/responses/InternalError" };

  const params = [...parameters(endpoint.params, "path", schemas), ...parameters(endpoint.query, "query", schemas)];
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [...endpoint.tags],
    ...(params.length ? { parameters: params } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true as const, content: { "application/json": { schema: schemas.convert(endpoint.body, "input") } } } }
      : {}),
    responses,
    ...(endpoint.auth ? { security: [{ adminToken: [] }] } : {}),
  };
}

export interface DocumentOptions {
  /** Where the API is served, e.g. https://pitwall.example.com */
  serverUrl: string;
  endpoints?: readonly AnyEndpoint[];
  tags?: readonly ApiTag[];
}

/** The OpenAPI 3.1 document of the JSON API, made from the endpoints' zod schemas. */
export function openApiDocument({ serverUrl, endpoints = apiEndpoints, tags = apiTags }: DocumentOptions): OpenApiDocument {
  const schemas = new Schemas();
  schemas.convert(apiErrorSchema, "output");
  const paths: OpenApiDocument["paths"] = {};
  const ids = new Set<string>();
  for (const endpoint of endpoints) {
    const undeclared = endpoint.tags.filter((t) => !tags.some((declared) => declared.name === t));
    if (undeclared.length) throw new Error(`API endpoint ${endpoint.id}: tag ${undeclared.join(", ")} is not declared in apiTags`);
    if (ids.has(endpoint.id)) throw new Error(`API endpoint id ${endpoint.id} is used twice`);
    ids.add(endpoint.id);
    const methods = (paths[endpoint.path] ??= {});
    const method = endpoint.method.toLowerCase();
    if (methods[method]) throw new Error(`API endpoints: ${endpoint.method} ${endpoint.path} is declared twice`);
    methods[method] = operation(endpoint, schemas);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Pitwall API",
      version: packageJson.version,
      description:
        "Racing data as JSON. Lists are paginated with `limit` and `cursor`; responses carry an ETag (send it back in " +
        "If-None-Match for a 304) and RateLimit-* headers; errors are `{ error: { code, message } }`. Human-readable docs: /docs/api.",
    },
    servers: [{ url: serverUrl }],
    tags: tags.map((t) => ({ name: t.name, description: t.description })),
    paths,
    components: {
      schemas: schemas.components,
      responses: sharedResponses,
      headers: {
        ETag: { description: "Strong validator of the body: send it back in If-None-Match to get a 304 while nothing changed", schema: { type: "string" } },
        "Cache-Control": { description: "How long the response may be reused", schema: { type: "string" } },
        "RateLimit-Limit": { description: "Requests allowed per minute for this client", schema: { type: "integer" } },
        "RateLimit-Remaining": { description: "Requests left right now", schema: { type: "integer" } },
        "RateLimit-Reset": { description: "Seconds until the full allowance is back", schema: { type: "integer" } },
        "Retry-After": { description: "Seconds to wait before the next request", schema: { type: "integer" } },
      },
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "The server's ADMIN_API_TOKEN, sent as `Authorization: Bearer <token>`",
        },
      },
    },
  };
}
