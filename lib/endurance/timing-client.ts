import { setTimeout as sleep } from "node:timers/promises";
import { createUpstreamClient, UpstreamError, type UpstreamClient } from "@/lib/http";
import { resolveSourceUrl } from "./calendar";
import { enduranceEnv } from "./env";

let client: UpstreamClient | undefined;

/** One client for every timing host (shared host gate and ledger); retries are spaced here, not by its random backoff. */
function timingClient(): UpstreamClient {
  if (client) return client;
  const settings = enduranceEnv();
  client = createUpstreamClient({
    source: "endurance",
    baseUrl: "http://timing.invalid",
    timeoutMs: settings.ENDURANCE_TIMEOUT_MS,
    retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0 },
    retryAfterScope: "request",
    maxResponseBytes: 64 * 1024 * 1024,
  });
  return client;
}

/**
 * A timing document as text (absolute URLs go straight to their host). A failed fetch is retried
 * ENDURANCE_FETCH_RETRIES times, ENDURANCE_RETRY_DELAY_MS apart, as the original tracker did (3 retries 5 s apart);
 * a 404 is an answer (not published yet), not a failure to retry.
 */
export async function fetchTimingDocument(url: string, endpoint: string): Promise<string> {
  const { ENDURANCE_FETCH_RETRIES: retries, ENDURANCE_RETRY_DELAY_MS: delayMs } = enduranceEnv();
  for (let attempt = 0; ; attempt++) {
    try {
      return await timingClient().getText(resolveSourceUrl(url), { endpoint });
    } catch (error) {
      const final = attempt >= retries || (error instanceof UpstreamError && error.status === 404);
      if (final) throw error instanceof Error ? new UpstreamFetchFailed(error, attempt + 1) : error;
      await sleep(delayMs);
    }
  }
}

/** The last failure of a fetch, with how many attempts it took. */
export class UpstreamFetchFailed extends Error {
  override name = "UpstreamFetchFailed";
  constructor(
    readonly last: Error,
    readonly attempts: number,
  ) {
    super(`${last.message} (after ${attempts} attempts)`);
  }
}

/** The same, or null while the document is not published yet (a results file before the flag answers 404). */
export async function fetchPublishedDocument(url: string, endpoint: string): Promise<string | null> {
  try {
    return await fetchTimingDocument(url, endpoint);
  } catch (error) {
    if (error instanceof UpstreamFetchFailed && error.last instanceof UpstreamError && error.last.status === 404) return null;
    throw error;
  }
}
