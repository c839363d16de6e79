// The JSON API conventions, for contracts (`lib/<domain>/api-contract.ts`) and route files (`app/api/v1/**/route.ts`).
export { defineEndpoint, type AnyEndpoint, type CachePolicy, type Endpoint, type HttpMethod } from "./endpoint";
export { handleEndpoint, handleStreamingEndpoint, type EndpointInput, type RouteHandler, type StreamedAnswer } from "./handler";
export { handlePreflight } from "./cors";
export { ApiError, apiErrorSchema, type ApiIssue } from "./errors";
export { decodeCursor, encodeCursor, MAX_PAGE_SIZE, paginated, paginationQuery, toPage } from "./pagination";
