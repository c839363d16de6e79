import { z } from "zod";
import { logger } from "@/lib/log";
import { hasAdminToken } from "./auth";
import { corsHeaders } from "./cors";
import { isCorsOpen, type AnyEndpoint, type Endpoint, type ObjectSchema } from "./endpoint";
import { ApiError } from "./errors";
import { cacheControlOf, etagMatches, etagOf } from "./http-cache";
import { clientOf, rateLimitHeaders, takeRequest } from "./rate-limit";
import { parseInput, queryInput } from "./validation";

type Parsed<S, Absent> = S extends z.ZodType ? z.output<S> : Absent;

/** What a handler receives: inputs already validated by the endpoint's schemas. */
export interface EndpointInput<P, Q, B> {
  params: Parsed<P, Record<string, never>>;
  query: Parsed<Q, Record<string, never>>;
  body: Parsed<B, undefined>;
  request: Request;
}

/** A Next.js route handler (`export const GET = handleEndpoint(...)`) that remembers the endpoint it serves. */
export type RouteHandler = ((request: Request, context?: { params?: Promise<object> }) => Promise<Response>) & {
  readonly endpoint: AnyEndpoint;
};

const JSON_TYPE = "application/json; charset=utf-8";

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  // No body at all is "nothing sent": an optional body schema accepts it, a required one says it is missing.
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "Invalid request: body must be valid JSON.", {
      issues: [{ path: "body", message: "must be valid JSON" }],
    });
  }
}

function unauthorized(): ApiError {
  return new ApiError(401, "unauthorized", "This endpoint needs the admin API token: send `Authorization: Bearer <ADMIN_API_TOKEN>`.", {
    headers: { "WWW-Authenticate": 'Bearer realm="pitwall"' },
  });
}

/** What an answer needs from the conventions: the validated input, and the headers every response carries. */
type Respond<P, Q, B> = (input: EndpointInput<P, Q, B>, headers: Record<string, string>) => Promise<Response>;

/**
 * The API conventions around an answer: rate limit, admin token, validated inputs (400), Cache-Control, CORS for public
 * GETs, and errors as `{ error: { code, message } }` (never a stack trace). `respond` makes the success response.
 */
function withConventions<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, B extends z.ZodType | undefined>(
  endpoint: Endpoint<P, Q, B>,
  respond: Respond<P, Q, B>,
): RouteHandler {
  const cors = isCorsOpen(endpoint) ? corsHeaders : {};
  const cacheControl = cacheControlOf(endpoint.auth ? "no-store" : endpoint.cache);

  async function handler(request: Request, context?: { params?: Promise<object> }): Promise<Response> {
    const limit = takeRequest(clientOf(request));
    const common = { ...rateLimitHeaders(limit), ...cors, "X-Content-Type-Options": "nosniff" };
    try {
      if (!limit.allowed) {
        throw new ApiError(429, "rate_limited", `Too many requests: the limit is ${limit.limit} a minute; retry after ${limit.retryAfterSeconds} s.`);
      }
      if (endpoint.auth === "admin-token" && !hasAdminToken(request)) throw unauthorized();
      const url = new URL(request.url);
      const query = queryInput(url.searchParams, Object.keys(endpoint.query?.shape ?? {}));
      const input = {
        params: endpoint.params ? parseInput(endpoint.params, (await context?.params) ?? {}, "params") : {},
        query: endpoint.query ? parseInput(endpoint.query, query, "query") : {},
        body: endpoint.body ? parseInput(endpoint.body, await readJson(request), "body") : undefined,
        request,
      };
      return await respond(input as EndpointInput<P, Q, B>, { ...common, "Cache-Control": cacheControl });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, "internal", "Internal error");
      if (!(error instanceof ApiError)) {
        logger("api").error({ err: error, endpoint: endpoint.id, method: request.method, url: request.url }, "API handler failed");
      }
      return new Response(JSON.stringify(failure.body), {
        status: failure.status,
        headers: { ...common, ...failure.options.headers, "Cache-Control": "no-store", "Content-Type": JSON_TYPE },
      });
    }
  }

  return Object.assign(handler, { endpoint });
}

/** 304 when the client's copy is current, else undefined. */
function notModified(request: Request, headers: Record<string, string>): Response | undefined {
  return etagMatches(request.headers.get("if-none-match"), headers.ETag ?? "") ? new Response(null, { status: 304, headers }) : undefined;
}

/**
 * Serves an endpoint with the API conventions, its answer checked against the response schema and sent as JSON with a
 * strong ETag (304 on If-None-Match).
 */
export function handleEndpoint<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, B extends z.ZodType | undefined, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
  run: (input: EndpointInput<P, Q, B>) => Promise<z.input<R>> | z.input<R>,
): RouteHandler {
  return withConventions(endpoint, async (input, common) => {
    const data = await run(input);
    // Parsing the answer keeps the document truthful and drops any field the contract does not list.
    const checked = endpoint.response.safeParse(data);
    if (!checked.success) throw new Error(`the response does not match its contract:\n${z.prettifyError(checked.error)}`);
    const body = JSON.stringify(checked.data);
    const headers: Record<string, string> = { ...common };
    if (endpoint.method === "GET") {
      headers.ETag = etagOf(body);
      const unchanged = notModified(input.request, headers);
      if (unchanged) return unchanged;
    }
    return new Response(body, { status: endpoint.successStatus ?? 200, headers: { ...headers, "Content-Type": JSON_TYPE } });
  });
}

/** A streamed answer: its validator (known before the body is made) and the body, made only when it is sent. */
export interface StreamedAnswer {
  etag: string;
  body: () => AsyncGenerator<string> | string;
  /** Default: JSON. A file in another format names its own (e.g. "text/calendar; charset=utf-8"). */
  contentType?: string;
}

/**
 * Serves a GET endpoint whose body is too big to build in memory, with the same conventions: the validator comes first
 * (304 without reading anything more), then the body is streamed as it is produced. A failure after the first bytes can
 * only cut the stream short; it is logged.
 */
export function handleStreamingEndpoint<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined>(
  endpoint: Endpoint<P, Q, undefined>,
  run: (input: EndpointInput<P, Q, undefined>) => Promise<StreamedAnswer>,
): RouteHandler {
  return withConventions(endpoint, async (input, common) => {
    const answer = await run(input);
    const headers = { ...common, ETag: answer.etag };
    const unchanged = notModified(input.request, headers);
    if (unchanged) return unchanged;
    const body = answer.body();
    return new Response(typeof body === "string" ? body : streamOf(body, endpoint.id), {
      status: 200,
      headers: { ...headers, "Content-Type": answer.contentType ?? JSON_TYPE },
    });
  });
}

function streamOf(chunks: AsyncGenerator<string>, endpointId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // Headers are gone already: cutting the stream short is the only way left to say it failed.
        logger("api").error({ err: error, endpoint: endpointId }, "streamed answer failed");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
