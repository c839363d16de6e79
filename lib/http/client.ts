import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { logger } from "@/lib/log";
import { AttemptFailure, networkReason } from "./attempt";
import { backoffDelayMs, rateLimitHeadroom, requestedWaitMs } from "./backoff";
import { BodyInterrupted, BodyTooLarge, bodySnippet, readBody } from "./body";
import { UpstreamError, UpstreamParseError, UpstreamSizeError, UpstreamValidationError, type UpstreamErrorDetails } from "./errors";
import { hostGate, type RateLimit } from "./host-gate";
import { recordCall } from "./ledger";
import { latencyOf, throttleOf } from "./pace";
import { redactedParams, redactedUrl } from "./redact";

export interface UpstreamClientOptions {
  /** Ledger name of the upstream service, e.g. "raceroom". */
  source: string;
  baseUrl: string;
  /** Limits for the host of baseUrl, shared with every other client of that host in this process. */
  rateLimit?: RateLimit;
  /**
   * Awaited before every attempt (retries and every method included), and what it returns called once the attempt is
   * over: an upstream's own request budget shared beyond this process, which must count each request it sees.
   */
  beforeAttempt?: (signal: AbortSignal | undefined) => Promise<(() => void) | void>;
  /** Per attempt, from sending the request to the last byte of the body. */
  timeoutMs: number;
  /**
   * A deadline that follows the upstream's usual pace: `factor` x the p95 of the endpoint's recent successful attempts,
   * at least `minMs`, at most timeoutMs (which alone applies until `minSamples` attempts are known). An answer that never
   * comes then costs about that deadline, not timeoutMs.
   */
  adaptiveTimeout?: { factor: number; minMs: number; minSamples?: number };
  /**
   * What a Retry-After (or rate-limit reset) on a 429 or 503 holds back. "host" (default): every request to the host, as
   * a rate-limit window means. "request": only the call that got it, for upstreams without a published limit whose
   * occasional 429 says nothing about the others; the whole host still pauses once such answers are frequent (a fifth
   * of the last 50, once 10 are known).
   */
  retryAfterScope?: "host" | "request";
  retries: {
    /** Retries after the first attempt. */
    max: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** A Retry-After or rate-limit reset longer than this fails at once (with retryAfterMs) instead of waiting. Default 2 min. */
    maxRetryAfterMs?: number;
  };
  /** Decompressed body size past which reading stops with UpstreamSizeError. */
  maxResponseBytes: number;
  defaultHeaders?: Record<string, string>;
  /** Query parameter names to redact besides those that look secret (token, key, password, signature, auth, ...). */
  secretParams?: string[];
}

export type QueryValue = string | number | boolean | null | undefined;

export interface CallOptions {
  /** Goes before the host's other waiting requests: the next page of work already under way. */
  urgent?: boolean;
  /** Appended to the URL; null and undefined are left out, arrays repeat the parameter. */
  query?: Record<string, QueryValue | readonly (string | number | boolean)[]>;
  headers?: Record<string, string>;
  /** A stable name for the ledger, e.g. "leaderboard/listing"; defaults to the URL path. */
  endpoint?: string;
  signal?: AbortSignal;
  /**
   * Statuses that answer the call rather than fail it, such as an archive's 404 for a file it does not have: the
   * ledger records the status without an error. The call still rejects with UpstreamError, for the caller to read.
   */
  answeredBy?: readonly number[];
}

export interface RequestOptions extends CallOptions {
  method?: string;
  body?: string | URLSearchParams;
}

export interface UpstreamResponse {
  url: string;
  status: number;
  headers: Headers;
  /** The decompressed body. */
  body: Buffer;
  attempts: number;
}

export interface UpstreamClient {
  readonly source: string;
  getJson<S extends z.ZodType>(path: string, options: CallOptions & { schema: S }): Promise<z.output<S>>;
  getJson<T = unknown>(path: string, options?: CallOptions): Promise<T>;
  getText(path: string, options?: CallOptions): Promise<string>;
  /** Any method; resolves with a 2xx response, rejects with UpstreamError otherwise. */
  request(path: string, options?: RequestOptions): Promise<UpstreamResponse>;
}

const log = logger("http.client");
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
const ERROR_BODY_BYTES = 64 * 1024;
const MAX_ISSUES_IN_MESSAGE = 5;

/** With retryAfterScope "request", the host still pauses once this share of its recent answers asked to slow down. */
const HOST_PAUSE_SHARE = 0.2;

/** Attempts are timed per endpoint: the URL's path (query left out, it varies per call). */
const endpointOf = (url: URL) => url.pathname;

const BASE_HEADERS = { "accept-encoding": "gzip, deflate, br", "user-agent": "Pitwall" };

/** Later sources win, whatever the capitalisation of their names. */
function mergeHeaders(...sources: (Record<string, string> | undefined)[]): Headers {
  const headers = new Headers();
  for (const source of sources) for (const [name, value] of Object.entries(source ?? {})) headers.set(name, value);
  return headers;
}

function buildUrl(baseUrl: string, path: string, query: CallOptions["query"]): URL {
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url;
}

function decode(body: Buffer): string {
  return body.toString("utf8");
}

function parseJson(text: string): unknown {
  if (text.trim() === "") throw new AttemptFailure("parse", "empty body where JSON was expected", { snippet: "" });
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AttemptFailure("parse", `invalid JSON (${reason})`, { snippet: bodySnippet(text), cause: error });
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const shown = result.error.issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const more = result.error.issues.length > MAX_ISSUES_IN_MESSAGE ? ` (+${result.error.issues.length - MAX_ISSUES_IN_MESSAGE} more)` : "";
  throw new AttemptFailure("validation", `unexpected response shape: ${shown.join("; ")}${more}`, { issues: result.error.issues });
}

function publicError(failure: AttemptFailure, details: UpstreamErrorDetails): UpstreamError {
  const message = `${details.source} ${details.endpoint}: ${failure.message} after ${details.attempts} attempt${details.attempts === 1 ? "" : "s"} (${details.url})`;
  switch (failure.failure) {
    case "parse":
      return new UpstreamParseError(message, { ...details, snippet: failure.details.snippet ?? "" });
    case "validation":
      return new UpstreamValidationError(message, { ...details, issues: failure.details.issues ?? [] });
    case "size":
      return new UpstreamSizeError(message, { ...details, limitBytes: failure.details.limitBytes ?? 0 });
    default:
      return new UpstreamError(message, details);
  }
}

/** Facts gathered across the attempts of one call, for the ledger. */
interface CallTrace {
  status: number | undefined;
  bytes: number;
  rateLimitRemaining: number | undefined;
  rateLimitLimit: number | undefined;
}

/**
 * A client for one upstream service. Every call passes the host's shared gate (rate, concurrency, interval),
 * is retried with backoff on transient failures, and leaves one row in the API call ledger.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { source, timeoutMs, retries, maxResponseBytes } = options;
  const secretParams = options.secretParams ?? [];
  const maxRetryAfterMs = retries.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const base = new URL(options.baseUrl).toString();

  function attemptDeadline(latency: ReturnType<typeof latencyOf>): number {
    const adaptive = options.adaptiveTimeout;
    const p95 = latency.quantile(0.95);
    if (!adaptive || p95 === undefined || latency.count < (adaptive.minSamples ?? 20)) return timeoutMs;
    return Math.round(Math.min(timeoutMs, Math.max(adaptive.minMs, adaptive.factor * p95)));
  }

  async function attempt<T>(
    url: URL,
    init: { method: string; headers: Headers; body: RequestOptions["body"] },
    callerSignal: AbortSignal | undefined,
    trace: CallTrace,
    attempts: number,
    parse: (response: UpstreamResponse) => T,
    urgent: boolean,
  ): Promise<T> {
    const gate = hostGate(url.host, options.rateLimit ?? {});
    const paused = gate.pauseRemainingMs();
    if (paused > maxRetryAfterMs) {
      throw new AttemptFailure("rate-limited", `host is rate-limited for another ${Math.ceil(paused / 1000)} s`, { retryAfterMs: paused });
    }
    const attemptOver = (await options.beforeAttempt?.(callerSignal)) ?? undefined;
    let release: () => void;
    try {
      release = await gate.acquire(callerSignal, urgent);
    } catch (error) {
      attemptOver?.();
      throw error;
    }
    const latency = latencyOf(`${source} ${url.host} ${endpointOf(url)}`);
    const deadlineMs = attemptDeadline(latency);
    const sentAt = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${deadlineMs} ms`));
    }, deadlineMs);
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    const interrupted = (error: unknown) => {
      if (timedOut) return new AttemptFailure("timeout", `timed out after ${deadlineMs} ms`, { cause: error });
      if (callerSignal?.aborted) return new AttemptFailure("aborted", "aborted by the caller", { cause: callerSignal.reason });
      // A body cut short is unusable as a whole: reported like a body that does not parse, with what did arrive.
      if (error instanceof BodyInterrupted) {
        return new AttemptFailure("parse", `${error.message} (${networkReason(error.cause)})`, { snippet: bodySnippet(decode(error.received)), cause: error });
      }
      return new AttemptFailure("network", `network error (${networkReason(error)})`, { cause: error });
    };
    try {
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: controller.signal });
      } catch (error) {
        throw interrupted(error);
      }
      trace.status = response.status;
      const headroom = rateLimitHeadroom(response.headers);
      trace.rateLimitRemaining = headroom.remaining ?? trace.rateLimitRemaining;
      trace.rateLimitLimit = headroom.limit ?? trace.rateLimitLimit;
      const waitMs = requestedWaitMs(response.headers);
      const throttled = response.status === 429 || response.status === 503;
      const throttles = throttleOf(url.host);
      throttles.add(throttled);
      // An exhausted window holds every request to the host, not just this one (unless the scope is the request and
      // such answers are rare).
      const hostWide = !throttled || options.retryAfterScope !== "request" || throttles.frequent(HOST_PAUSE_SHARE);
      if (waitMs !== undefined && waitMs > 0 && (response.ok || throttled) && hostWide) gate.pause(waitMs);

      let body: Buffer;
      try {
        body = await readBody(response, response.ok ? maxResponseBytes : Math.min(maxResponseBytes, ERROR_BODY_BYTES));
      } catch (error) {
        if (error instanceof BodyTooLarge) trace.bytes += error.readBytes;
        if (error instanceof BodyInterrupted) trace.bytes += error.received.byteLength;
        if (!response.ok && !timedOut && !callerSignal?.aborted) {
          throw new AttemptFailure("status", `HTTP ${response.status}`, { status: response.status, retryAfterMs: waitMs });
        }
        if (error instanceof BodyTooLarge) {
          throw new AttemptFailure("size", `response larger than ${maxResponseBytes} bytes`, { limitBytes: maxResponseBytes });
        }
        throw interrupted(error);
      }
      trace.bytes += body.byteLength;
      if (response.ok) latency.add(performance.now() - sentAt);
      if (!response.ok) {
        const snippet = bodySnippet(decode(body));
        throw new AttemptFailure("status", `HTTP ${response.status}${snippet ? `: ${snippet}` : ""}`, { status: response.status, retryAfterMs: waitMs });
      }
      return parse({ url: url.toString(), status: response.status, headers: response.headers, body, attempts });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
      release();
      attemptOver?.();
    }
  }

  async function call<T>(path: string, request: RequestOptions, accept: string, parse: (response: UpstreamResponse) => T): Promise<T> {
    const url = buildUrl(base, path, request.query);
    const endpoint = request.endpoint ?? url.pathname;
    const method = (request.method ?? "GET").toUpperCase();
    const headers = mergeHeaders({ accept, ...BASE_HEADERS }, options.defaultHeaders, request.headers);
    const at = new Date();
    const startedAt = performance.now();
    const trace: CallTrace = { status: undefined, bytes: 0, rateLimitRemaining: undefined, rateLimitLimit: undefined };

    const finish = (attempts: number, error: string | null) =>
      recordCall({
        at,
        source,
        endpoint,
        params: redactedParams(url, secretParams),
        method,
        status: trace.status ?? null,
        durationMs: Math.round(performance.now() - startedAt),
        bytes: trace.bytes,
        cacheHit: false,
        retries: attempts - 1,
        rateLimitRemaining: trace.rateLimitRemaining ?? null,
        rateLimitLimit: trace.rateLimitLimit ?? null,
        error,
      });

    for (let attempts = 1; ; attempts += 1) {
      let failure: AttemptFailure;
      try {
        // A retry is urgent too: its call is already under way.
        const value = await attempt(url, { method, headers, body: request.body }, request.signal, trace, attempts, parse, request.urgent === true || attempts > 1);
        finish(attempts, null);
        return value;
      } catch (error) {
        failure =
          error instanceof AttemptFailure
            ? error
            : request.signal?.aborted
              ? new AttemptFailure("aborted", "aborted by the caller", { cause: error })
              : new AttemptFailure("network", error instanceof Error ? error.message : String(error), { cause: error });
      }

      const retryAfterMs = failure.details.retryAfterMs;
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs;
      const answered = failure.failure === "status" && failure.details.status !== undefined && request.answeredBy?.includes(failure.details.status) === true;
      if (answered || !failure.retryable || attempts > retries.max || waitTooLong) {
        finish(attempts, answered ? null : failure.message);
        throw publicError(failure, {
          url: redactedUrl(url, secretParams),
          source,
          endpoint,
          failure: waitTooLong ? "rate-limited" : failure.failure,
          attempts,
          status: failure.details.status,
          retryAfterMs,
          cause: failure.details.cause ?? failure,
        });
      }

      const delayMs = Math.max(backoffDelayMs(attempts, retries.baseDelayMs, retries.maxDelayMs), retryAfterMs ?? 0);
      log.debug({ source, endpoint, attempt: attempts, delayMs: Math.round(delayMs), reason: failure.message }, "retrying upstream call");
      try {
        await sleep(delayMs, undefined, { signal: request.signal });
      } catch (error) {
        finish(attempts, "aborted by the caller");
        throw publicError(new AttemptFailure("aborted", "aborted by the caller"), {
          url: redactedUrl(url, secretParams),
          source,
          endpoint,
          failure: "aborted",
          attempts,
          status: trace.status,
          cause: request.signal?.reason ?? error,
        });
      }
    }
  }

  function getJson<S extends z.ZodType>(path: string, options: CallOptions & { schema: S }): Promise<z.output<S>>;
  function getJson<T = unknown>(path: string, options?: CallOptions): Promise<T>;
  function getJson(path: string, options: CallOptions & { schema?: z.ZodType } = {}): Promise<unknown> {
    const { schema, ...request } = options;
    return call(path, request, "application/json", ({ body }) => {
      const value = parseJson(decode(body));
      return schema ? validate(schema, value) : value;
    });
  }

  return {
    source,
    getJson,
    getText: (path, options = {}) => call(path, options, "*/*", ({ body }) => decode(body)),
    request: (path, options = {}) => call(path, options, "*/*", (response) => response),
  };
}
