// The upstream HTTP client: the only way Pitwall talks to upstream services.
export { createUpstreamClient } from "./client";
export type { CallOptions, QueryValue, RequestOptions, UpstreamClient, UpstreamClientOptions, UpstreamResponse } from "./client";
export { UpstreamError, UpstreamParseError, UpstreamSizeError, UpstreamValidationError } from "./errors";
export type { UpstreamFailure } from "./errors";
export type { RateLimit } from "./host-gate";
export { cacheOrFetch, pruneExpiredCache } from "./cache";
export type { CacheOptions } from "./cache";
export { flushLedger } from "./ledger";
export { pruneLedger } from "./prune";
export type { PruneCounts } from "./prune";
export { mapBounded, runBatch, type BatchOptions, type BatchResult } from "./pool";
