import type { z } from "zod";
import type { Endpoint, ObjectSchema } from "./endpoint";
import { apiErrorSchema, type ApiIssue } from "./errors";

// The browser's side of the JSON API: pages call endpoints through their contracts, so the types come from the same
// zod schemas the server answers with, and every error arrives as one error envelope.

/** An API answer other than success: the status and the envelope's code, message and issues. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

type Input<S> = S extends ObjectSchema ? z.input<S> : undefined;

export interface EndpointCall<P, Q> {
  params?: Input<P>;
  query?: Input<Q>;
  signal?: AbortSignal;
  /** Where the API is when not on this page's origin (tests, other hosts). */
  origin?: string;
}

/** The endpoint's path with its parameters filled in and its query appended (empty values left out). */
export function endpointUrl(endpoint: Endpoint, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const path = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? "")));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null && one !== "") search.append(key, String(one));
  }
  return search.size ? `${path}?${search}` : path;
}

/** Calls a GET endpoint and returns its answer parsed by the endpoint's own response schema. */
export async function fetchEndpoint<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, undefined, R>,
  call: EndpointCall<P, Q> = {},
): Promise<z.output<R>> {
  const url = `${call.origin ?? ""}${endpointUrl(endpoint, call.params ?? {}, call.query ?? {})}`;
  const response = await fetch(url, { signal: call.signal, cache: "no-store", headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = apiErrorSchema.safeParse(body);
    if (envelope.success) throw new ApiRequestError(response.status, envelope.data.error.code, envelope.data.error.message, envelope.data.error.issues);
    throw new ApiRequestError(response.status, "http_error", `HTTP ${response.status}`);
  }
  return endpoint.response.parse(body);
}
