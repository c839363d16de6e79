import { ApiError } from "@/lib/api";

/** Unknown API paths answer in the API's own error shape, not with the site's HTML 404 page. */
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  const error = new ApiError(404, "not_found", `No API endpoint at ${path}; the endpoints are listed at /api/v1/openapi.json`);
  return Response.json(error.body, { status: 404, headers: { "Cache-Control": "no-store" } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
