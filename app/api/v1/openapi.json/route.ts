import { handleEndpoint, handlePreflight } from "@/lib/api";
import { apiBaseUrl } from "@/lib/api/base-url";
import { openApiDocument } from "@/lib/api/openapi";
import { openApiEndpoint } from "@/lib/api/platform-contract";

export const GET = handleEndpoint(openApiEndpoint, ({ request }) => openApiDocument({ serverUrl: apiBaseUrl(request.headers, new URL(request.url).origin) }));

export const OPTIONS = handlePreflight(openApiEndpoint);
