import { isCorsOpen, type AnyEndpoint } from "./endpoint";

/** What a browser on another origin may read from a public GET response. */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After",
};

/**
 * The OPTIONS handler for a route file: `export const OPTIONS = handlePreflight(endpointA, endpointB)`.
 * Browsers send a preflight when a cross-origin GET carries If-None-Match. Admin-only endpoints are left out,
 * so browsers on other origins cannot call them.
 */
export function handlePreflight(...endpoints: AnyEndpoint[]): () => Response {
  const methods = [...new Set(endpoints.filter(isCorsOpen).map((e) => e.method))];
  return () => {
    if (!methods.length) return new Response(null, { status: 204 });
    return new Response(null, {
      status: 204,
      headers: {
        ...corsHeaders,
        "Access-Control-Allow-Methods": [...methods, "HEAD", "OPTIONS"].join(", "),
        "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
        "Access-Control-Max-Age": "86400",
      },
    });
  };
}
