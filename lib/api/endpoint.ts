import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Seconds. `no-store` for anything private or live; public data gets a short max-age and revalidates by ETag. */
export type CachePolicy = { maxAge: number; sMaxAge?: number; staleWhileRevalidate?: number } | "no-store";

export type ObjectSchema = z.ZodObject;

/** One JSON API endpoint: its route, inputs and response as zod schemas. The OpenAPI document is made from these. */
export interface Endpoint<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  /** Unique, stable, becomes the operationId: "raceroom.driver". */
  readonly id: string;
  readonly method: HttpMethod;
  /** OpenAPI style: "/api/v1/raceroom/drivers/{driverId}" for the route folder `[driverId]`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** Names of tags declared by the platform or the endpoint's domain (lib/api/registry.ts). */
  readonly tags: readonly string[];
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The JSON the endpoint answers with on success. Responses are parsed with it before they leave. */
  readonly response: R;
  /** The success status: 200 unless said otherwise (202 when the work is only queued). */
  readonly successStatus?: 200 | 201 | 202;
  /** `admin-token`: requires `Authorization: Bearer <ADMIN_API_TOKEN>`; never cached, not CORS-open. */
  readonly auth?: "admin-token";
  /** Default: `no-cache` (clients keep it but revalidate with If-None-Match). */
  readonly cache?: CachePolicy;
  /** Error statuses the handler itself may answer with, beyond those the conventions add (400, 401, 404, 429, 500). */
  readonly errors?: readonly number[];
}

export type AnyEndpoint = Endpoint;

/** A group of endpoints in the API document and on /docs/api. */
export interface ApiTag {
  name: string;
  description: string;
}

const placeholder = /\{([^}]+)\}/g;

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(placeholder)].map((m) => m[1]!);
}

/** Public GET endpoints are readable from any web page; admin endpoints are not. */
export function isCorsOpen(endpoint: AnyEndpoint): boolean {
  return endpoint.method === "GET" && endpoint.auth === undefined;
}

/**
 * Declares an endpoint (in `lib/<domain>/api-contract.ts`). Mistakes in the declaration throw at import time,
 * so they show up in the first test or page load rather than in production traffic.
 */
export function defineEndpoint<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(endpoint: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  const problems: string[] = [];
  if (!endpoint.path.startsWith("/api/v1/")) problems.push("path must start with /api/v1/");
  const inPath = pathParameterNames(endpoint.path).sort();
  const declared = Object.keys(endpoint.params?.shape ?? {}).sort();
  if (inPath.join() !== declared.join()) {
    problems.push(`path parameters {${inPath.join(", ")}} must match the params schema (${declared.join(", ") || "none"})`);
  }
  if (endpoint.method === "GET" && endpoint.body) problems.push("a GET endpoint takes no body");
  if (endpoint.auth && endpoint.cache && endpoint.cache !== "no-store") problems.push("admin-token endpoints are never cached");
  if (!endpoint.tags.length) problems.push("needs at least one tag");
  if (problems.length) throw new Error(`API endpoint ${endpoint.id}: ${problems.join("; ")}`);
  return Object.freeze(endpoint);
}
