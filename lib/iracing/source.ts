import { z } from "zod";
import { cacheOrFetch, createUpstreamClient, UpstreamError, type QueryValue, type UpstreamClient } from "@/lib/http";
import { logger } from "@/lib/log";
import { passwordGrantForm, refreshGrantForm, type IracingCredentials } from "./credentials";
import { iracingCredentials, iracingEnv } from "./env";
import { chunkInfo, chunkUrls, readDataAnswer } from "./links";
import { parseTokenResponse, type TokenPair } from "./token";
import { sharedToken, tokenAccount, usable } from "./token-store";

// The iRacing Data API, as every sync reads it: an OAuth2 token shared by all instances (token-store.ts), the
// two-hop data calls (the API answers with a signed link, fetched WITHOUT the Authorization header), chunked results
// concatenated, and a Postgres cache with a lifetime per endpoint. Rate limits (x-ratelimit-*, 429) are honoured by
// lib/http's host gate: an exhausted window holds every request until its reset.

const log = logger("iracing.source");

/** Seconds a cached answer stays fresh, per endpoint; `refresh` bypasses it. */
export const CACHE_TTL_SECONDS: Readonly<Record<string, number>> = {
  "series/get": 6 * 3600,
  "series/assets": 24 * 3600,
  "series/seasons": 3600,
  "series/season_schedule": 3600,
  "series/past_seasons": 24 * 3600,
  "season/list": 6 * 3600,
  "season/race_guide": 60,
  "carclass/get": 24 * 3600,
  "car/get": 24 * 3600,
  "car/assets": 24 * 3600,
  "track/get": 24 * 3600,
  "track/assets": 24 * 3600,
  "constants/categories": 7 * 86_400,
  "constants/divisions": 7 * 86_400,
};
const DEFAULT_TTL_SECONDS = 3600;

/** iRacing credentials are not configured: nothing can be fetched (the admin page says which are missing). */
export class IracingNotConfiguredError extends Error {
  constructor(readonly missing: string[]) {
    super(`iRacing is not configured: set ${missing.join(", ")}`);
  }
}

/** The data API answers 503: iRacing is down for maintenance (retried by the job later). */
export class IracingMaintenanceError extends Error {}

export type Query = Record<string, QueryValue>;

export interface IracingSource {
  /** The data behind one `/data/<endpoint>` call (link followed), fresh from upstream. */
  fetch(endpoint: string, query?: Query): Promise<unknown>;
  /** The same through the response cache: a fresh copy younger than the endpoint's TTL is used unless `refresh`. */
  cached(endpoint: string, query?: Query, options?: { refresh?: boolean }): Promise<unknown>;
  /** The rows of a chunked result (`chunk_info`), concatenated in chunk order, with the body that announced them. */
  rows(endpoint: string, query?: Query): Promise<{ body: unknown; rows: unknown[] }>;
  /** A usable access token (obtained or refreshed when needed). */
  token(): Promise<string>;
}

export interface IracingSourceOptions {
  authUrl?: string;
  dataUrl?: string;
  credentials?: IracingCredentials;
  retries?: { max: number; baseDelayMs: number; maxDelayMs: number };
}

const chunkSchema = z.array(z.unknown());

function cacheKey(endpoint: string, query: Query): string {
  const params = Object.entries(query)
    .filter(([, value]) => value !== null && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join("&");
  return `iracing:${endpoint}${params ? `?${params}` : ""}`;
}

const statusOf = (error: unknown) => (error instanceof UpstreamError ? error.status : undefined);

export function createIracingSource(options: IracingSourceOptions = {}): IracingSource {
  const settings = iracingEnv();
  const configured = options.credentials ? { credentials: options.credentials, missing: [] } : iracingCredentials();
  const retries = options.retries ?? { max: 4, baseDelayMs: 500, maxDelayMs: 20_000 };
  const common = { timeoutMs: settings.IRACING_TIMEOUT_MS, maxResponseBytes: 256 * 1024 * 1024 };
  const auth = createUpstreamClient({ source: "iracing-auth", baseUrl: settings.IRACING_AUTH_URL.replace(/\/?$/, "/"), ...common, retries: { max: 2, baseDelayMs: 500, maxDelayMs: 5000 } });
  // The rate-limit window is 5 minutes: waiting for its reset is better than failing the sync.
  const data: UpstreamClient = createUpstreamClient({
    source: "iracing",
    baseUrl: settings.IRACING_DATA_URL.replace(/\/?$/, "/"),
    rateLimit: { concurrency: settings.IRACING_CONCURRENCY },
    ...common,
    retries: { ...retries, maxRetryAfterMs: 6 * 60_000 },
  });
  let memo: TokenPair | null = null;

  function credentials(): IracingCredentials {
    if (!configured.credentials) throw new IracingNotConfiguredError(configured.missing);
    return configured.credentials;
  }

  async function grant(form: URLSearchParams): Promise<TokenPair> {
    const response = await auth.request("token", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      endpoint: "oauth2/token",
    });
    return parseTokenResponse(JSON.parse(response.body.toString("utf8")), new Date());
  }

  /** A refresh when the stored refresh token is still alive (single use: it is replaced), else the password grant. */
  async function obtain(stored: TokenPair | null): Promise<TokenPair> {
    const account = credentials();
    if (stored?.refreshToken && (stored.refreshTokenExpiresAt?.getTime() ?? 0) > Date.now()) {
      try {
        return await grant(refreshGrantForm(account, stored.refreshToken));
      } catch (error) {
        const status = statusOf(error);
        if (status !== 400 && status !== 401) throw error;
        log.info({ status }, "iRacing refresh token refused; logging in again");
      }
    }
    return grant(passwordGrantForm(account));
  }

  async function token(rejected: string | null = null): Promise<string> {
    if (usable(memo) && memo.accessToken !== rejected) return memo.accessToken;
    memo = await sharedToken(tokenAccount(credentials()), rejected ?? memo?.accessToken ?? null, obtain);
    return memo.accessToken;
  }

  /** One data call: the API's answer, then the document behind its signed link. A 401 re-authenticates once; an expired link is asked for again once. */
  async function fetchData(endpoint: string, query: Query = {}): Promise<unknown> {
    let bearer = await token();
    for (let attempt = 1; ; attempt += 1) {
      try {
        const body = await data.getJson(endpoint, { query, headers: { authorization: `Bearer ${bearer}` }, endpoint });
        const answer = readDataAnswer(body);
        if (answer.kind === "data") return answer.data;
        // A signed link: the Authorization header must not go with it (the storage service refuses both).
        return await data.getJson(answer.link, { endpoint: `${endpoint} (link)`, urgent: true });
      } catch (error) {
        const status = statusOf(error);
        if (status === 503) throw new IracingMaintenanceError(`iRacing is down for maintenance (${endpoint})`, { cause: error });
        if (attempt > 1) throw error;
        if (status === 401) bearer = await token(bearer);
        else if (status !== 403) throw error;
      }
    }
  }

  async function rows(endpoint: string, query: Query = {}): Promise<{ body: unknown; rows: unknown[] }> {
    const body = await fetchData(endpoint, query);
    const info = chunkInfo(body);
    const collected: unknown[] = [];
    for (const url of info ? chunkUrls(info) : []) collected.push(...(await data.getJson(url, { endpoint: `${endpoint} (chunk)`, schema: chunkSchema, urgent: true })));
    return { body, rows: collected };
  }

  return {
    fetch: fetchData,
    cached: (endpoint, query = {}, { refresh = false } = {}) =>
      cacheOrFetch(cacheKey(endpoint, query), CACHE_TTL_SECONDS[endpoint] ?? DEFAULT_TTL_SECONDS, () => fetchData(endpoint, query), { source: "iracing", refresh, endpoint }),
    rows,
    token: () => token(),
  };
}

const g = globalThis as unknown as { __iracingSource?: IracingSource };

/** The process's source, from the environment (one token memo per process; the token itself is shared in Postgres). */
export function iracingSource(): IracingSource {
  return (g.__iracingSource ??= createIracingSource());
}
