import type { z } from "zod";
import type { UpstreamFailure } from "./errors";

/** What went wrong in one attempt; the client turns the last one into a public UpstreamError. */
export class AttemptFailure extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    readonly details: {
      status?: number;
      retryAfterMs?: number;
      snippet?: string;
      issues?: z.core.$ZodIssue[];
      limitBytes?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message);
  }

  /** Network trouble, timeouts, bodies that do not parse (usually cut short), 408, 429 and 5xx are worth another try. */
  get retryable(): boolean {
    switch (this.failure) {
      case "network":
      case "timeout":
      case "parse":
        return true;
      case "status": {
        const status = this.details.status ?? 0;
        return status === 408 || status === 429 || status >= 500;
      }
      default:
        return false;
    }
  }
}

/** The reason behind a failed fetch: undici hides the socket error in `cause`. */
export function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
