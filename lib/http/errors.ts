import type { z } from "zod";

/** Why an upstream call failed: decides whether it is retried and what the ledger says. */
export type UpstreamFailure = "network" | "timeout" | "status" | "rate-limited" | "size" | "parse" | "validation" | "aborted";

export interface UpstreamErrorDetails {
  /** The request URL with secret parameters redacted. */
  url: string;
  source: string;
  endpoint: string;
  failure: UpstreamFailure;
  /** Attempts made, the failed one included. */
  attempts: number;
  /** The last HTTP status received, when a response arrived. */
  status?: number;
  /** How long the upstream asked us to wait (Retry-After or a rate-limit reset), when it did. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A call to an upstream service that did not produce a usable response. */
export class UpstreamError extends Error {
  readonly url: string;
  readonly source: string;
  readonly endpoint: string;
  readonly failure: UpstreamFailure;
  readonly attempts: number;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "UpstreamError";
    this.url = details.url;
    this.source = details.source;
    this.endpoint = details.endpoint;
    this.failure = details.failure;
    this.attempts = details.attempts;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The body was not valid JSON (often a body cut short); `snippet` shows its start and end. */
export class UpstreamParseError extends UpstreamError {
  readonly snippet: string;

  constructor(message: string, details: UpstreamErrorDetails & { snippet: string }) {
    super(message, details);
    this.name = "UpstreamParseError";
    this.snippet = details.snippet;
  }
}

/** The JSON parsed but did not have the shape the source expects. */
export class UpstreamValidationError extends UpstreamError {
  readonly issues: z.core.$ZodIssue[];

  constructor(message: string, details: UpstreamErrorDetails & { issues: z.core.$ZodIssue[] }) {
    super(message, details);
    this.name = "UpstreamValidationError";
    this.issues = details.issues;
  }
}

/** The response was larger than the client's maxResponseBytes; reading stopped at the limit. */
export class UpstreamSizeError extends UpstreamError {
  readonly limitBytes: number;

  constructor(message: string, details: UpstreamErrorDetails & { limitBytes: number }) {
    super(message, details);
    this.name = "UpstreamSizeError";
    this.limitBytes = details.limitBytes;
  }
}
