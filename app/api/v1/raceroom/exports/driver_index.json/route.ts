import { ApiError, handlePreflight, type RouteHandler } from "@/lib/api";
import { corsHeaders } from "@/lib/api/cors";
import { cacheControlOf, etagMatches } from "@/lib/api/http-cache";
import { clientOf, rateLimitHeaders, takeRequest } from "@/lib/api/rate-limit";
import { queryInput } from "@/lib/api/validation";
import { logger } from "@/lib/log";
import { driverIndexFileEndpoint } from "@/lib/raceroom/api-contract";
import { driverIndexGeneration, driverIndexJson } from "@/lib/raceroom/exports";

// The one endpoint whose body is too big to build in memory, so it is streamed rather than served by handleEndpoint;
// it keeps the same conventions: rate limit, unknown parameters refused, CORS, Cache-Control, ETag with 304.

const JSON_TYPE = "application/json; charset=utf-8";

/** The file only changes when a refresh goes live, so the generation id is its validator. */
const etagOf = (generationId: number | null) => `"generation-${generationId ?? "none"}"`;

function streamOf(chunks: AsyncGenerator<string>, generationId: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // Headers are gone already: cutting the stream short is the only way left to say it failed.
        logger("api").error({ err: error, endpoint: driverIndexFileEndpoint.id, generationId }, "driver index stream failed");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function serveDriverIndex(request: Request): Promise<Response> {
  const limit = takeRequest(clientOf(request));
  const common = { ...rateLimitHeaders(limit), ...corsHeaders };
  try {
    if (!limit.allowed) {
      throw new ApiError(429, "rate_limited", `Too many requests: the limit is ${limit.limit} a minute; retry after ${limit.retryAfterSeconds} s.`);
    }
    queryInput(new URL(request.url).searchParams, []);
    const generationId = await driverIndexGeneration();
    const headers = {
      ...common,
      "Cache-Control": cacheControlOf(driverIndexFileEndpoint.cache),
      "X-Content-Type-Options": "nosniff",
      ETag: etagOf(generationId),
    };
    if (etagMatches(request.headers.get("if-none-match"), headers.ETag)) return new Response(null, { status: 304, headers });
    const body = generationId === null ? "{}" : streamOf(driverIndexJson(generationId), generationId);
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": JSON_TYPE } });
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError(500, "internal", "Internal error");
    if (!(error instanceof ApiError)) logger("api").error({ err: error, endpoint: driverIndexFileEndpoint.id }, "API handler failed");
    return new Response(JSON.stringify(failure.body), {
      status: failure.status,
      headers: { ...common, ...failure.options.headers, "Cache-Control": "no-store", "Content-Type": JSON_TYPE },
    });
  }
}

export const GET: RouteHandler = Object.assign(serveDriverIndex, { endpoint: driverIndexFileEndpoint });

export const OPTIONS = handlePreflight(driverIndexFileEndpoint);
