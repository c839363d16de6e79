import { createUpstreamClient, UpstreamError, type UpstreamClient } from "@/lib/http";
import { resolveSourceUrl } from "./calendar";
import { enduranceEnv } from "./env";

let client: UpstreamClient | undefined;

/** One client for every timing host: each fetch is retried ENDURANCE_FETCH_RETRIES times, ENDURANCE_RETRY_DELAY_MS apart. */
function timingClient(): UpstreamClient {
  if (client) return client;
  const settings = enduranceEnv();
  client = createUpstreamClient({
    source: "endurance",
    baseUrl: "http://timing.invalid",
    timeoutMs: settings.ENDURANCE_TIMEOUT_MS,
    retries: { max: settings.ENDURANCE_FETCH_RETRIES, baseDelayMs: settings.ENDURANCE_RETRY_DELAY_MS, maxDelayMs: settings.ENDURANCE_RETRY_DELAY_MS },
    retryAfterScope: "request",
    maxResponseBytes: 64 * 1024 * 1024,
  });
  return client;
}

/** A timing document as text (absolute URLs go straight to their host). */
export function fetchTimingDocument(url: string, endpoint: string): Promise<string> {
  return timingClient().getText(resolveSourceUrl(url), { endpoint });
}

/** The same, or null while the document is not published yet (a results file before the flag answers 404). */
export async function fetchPublishedDocument(url: string, endpoint: string): Promise<string | null> {
  try {
    return await fetchTimingDocument(url, endpoint);
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  }
}
