import { createUpstreamClient, UpstreamError, type UpstreamClient } from "@/lib/http";
import { logger } from "@/lib/log";
import { takeUpstreamSlot } from "./budget";
import { f1Env } from "./env";
import { parseOpenF1, type OpenF1Endpoint, type OpenF1Record, type ParsedRows } from "./openf1/parse";
import { queryString, type QueryCondition } from "./openf1/query";
import { tokenResponse } from "./openf1/schemas";

const log = logger("f1.source");

/** Beyond the attempt's timeout, how long a request may still be queued here before it is sent. */
const IN_FLIGHT_SLACK_MS = 30_000;
/** A token is renewed this long before it expires (OpenF1's last an hour). */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** What a user sees when OpenF1 locks its data during a live session and Pitwall has no account. */
export const NEEDS_ACCOUNT_MESSAGE = "Live data needs an OpenF1 account; replays still work.";

/**
 * OpenF1 answered 401: while any session is live it does so for every request without a token (even for old data),
 * and at any time for credentials or a token it does not accept. A state to show, not a crash.
 */
export class OpenF1AccountNeeded extends Error {
  override name = "OpenF1AccountNeeded";
  constructor(readonly reason: "no-account" | "rejected") {
    super(reason === "no-account" ? NEEDS_ACCOUNT_MESSAGE : "OpenF1 did not accept the configured account (F1_OPENF1_USERNAME / F1_OPENF1_PASSWORD).");
  }
}

export interface OpenF1SourceOptions {
  baseUrl?: string;
  username?: string;
  password?: string;
  /** Requests per 10 s shared by every instance on the database; null: no shared budget (tests of other things). */
  budget?: number | null;
  clock?: () => number;
}

export interface OpenF1Source {
  /** The rows of one endpoint that match the conditions, validated row by row (malformed ones counted and skipped). */
  fetch<E extends OpenF1Endpoint>(endpoint: E, conditions: readonly QueryCondition[], signal?: AbortSignal): Promise<ParsedRows<OpenF1Record<E>>>;
  /** Requests made to /v1 (not counting /token). */
  readonly requests: number;
}

interface Token {
  value: string;
  expiresAt: number;
}

/**
 * api.openf1.org (or the simulator) through lib/http, with the optional account's bearer token (asked for at the first
 * request, renewed before it expires, asked for again when refused) and every /v1 request drawn from the shared budget.
 */
export function openf1Source(options: OpenF1SourceOptions = {}): OpenF1Source {
  const settings = f1Env();
  const clock = options.clock ?? Date.now;
  const username = options.username ?? settings.F1_OPENF1_USERNAME;
  const password = options.password ?? settings.F1_OPENF1_PASSWORD;
  const budget = options.budget === undefined ? settings.F1_OPENF1_REQUESTS_PER_10S : options.budget;
  const client: UpstreamClient = createUpstreamClient({
    source: "openf1",
    baseUrl: options.baseUrl ?? settings.F1_OPENF1_BASE_URL,
    // The shared budget paces across instances; in one process, a few requests at a time at most.
    rateLimit: { concurrency: 3 },
    // OpenF1 counts every request, the token ones and retries too.
    beforeAttempt: budget === null ? undefined : (signal) => takeUpstreamSlot(budget, settings.F1_OPENF1_TIMEOUT_MS + IN_FLIGHT_SLACK_MS, signal),
    timeoutMs: settings.F1_OPENF1_TIMEOUT_MS,
    retries: { max: 2, baseDelayMs: 300, maxDelayMs: 3_000, maxRetryAfterMs: 11_000 },
    maxResponseBytes: 256 * 1024 * 1024,
  });
  let token: Token | null = null;
  let pendingToken: Promise<Token> | null = null;
  let requests = 0;

  async function newToken(): Promise<Token> {
    const askedAt = clock();
    try {
      const response = await client.request("/token", {
        method: "POST",
        body: new URLSearchParams({ username: username ?? "", password: password ?? "" }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        endpoint: "token",
      });
      const parsed = tokenResponse.parse(JSON.parse(response.body.toString("utf8")));
      return { value: parsed.accessToken, expiresAt: askedAt + parsed.lifetimeMs };
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 401) throw new OpenF1AccountNeeded("rejected");
      throw error;
    }
  }

  async function bearer(): Promise<string | null> {
    if (!username || !password) return null;
    if (token && clock() < token.expiresAt - REFRESH_BEFORE_MS) return token.value;
    pendingToken ??= newToken().finally(() => (pendingToken = null));
    token = await pendingToken;
    return token.value;
  }

  async function get(path: string, signal: AbortSignal | undefined, retried: boolean): Promise<unknown> {
    const authorization = await bearer();
    requests += 1;
    try {
      return await client.getJson(path, { signal, endpoint: path.split("?")[0], headers: authorization ? { authorization: `Bearer ${authorization}` } : {} });
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.status !== 401) throw error;
      if (!authorization) throw new OpenF1AccountNeeded("no-account");
      if (retried) throw new OpenF1AccountNeeded("rejected");
      // A token OpenF1 no longer takes (restarted, revoked): one more try with a fresh one.
      token = null;
      return get(path, signal, true);
    }
  }

  return {
    async fetch(endpoint, conditions, signal) {
      const query = queryString(conditions);
      const body = await get(`/v1/${endpoint}${query ? `?${query}` : ""}`, signal, false);
      const parsed = parseOpenF1(endpoint, body);
      if (parsed.malformed > 0) log.warn({ endpoint, malformed: parsed.malformed, issues: parsed.issues }, "malformed OpenF1 rows skipped");
      return parsed;
    },
    get requests() {
      return requests;
    },
  };
}
