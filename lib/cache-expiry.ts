import { sql } from "./db";
import { log } from "./log";

/** The Postgres channel on which instances pass expired tags to each other. */
const EXPIRY_CHANNEL = "pitwall_cache_expiry";

/** What Next keeps per tag: when its cached pages and answers turn stale and expire (ms since the epoch). */
interface TagExpiry {
  stale?: number;
  expired?: number;
}

/**
 * Expires a tag's cached answers and pages (lib/cache.ts, lib/ui/cached-view.ts) at once, on this instance and, through
 * Postgres, on every other one that follows expiries (followExpiries): a promoted generation shows on the next request
 * to any instance, not after one more stale answer or the pages' 60 s.
 */
export async function expireTag(tag: string): Promise<void> {
  await expireHere(tag);
  await sql().notify(EXPIRY_CHANNEL, tag);
}

/**
 * Expires the tags other instances expire, from now on (server start). Missed notifications (a dropped connection)
 * are covered by the pages' own revalidate time.
 */
export async function followExpiries(): Promise<() => Promise<void>> {
  const listening = await sql().listen(EXPIRY_CHANNEL, (tag) => {
    expireHere(tag).catch((error: unknown) => log.warn({ tag, err: error instanceof Error ? error.message : String(error) }, "expiring a tag failed"));
  });
  return () => listening.unlisten();
}

/**
 * Expires a tag on this instance. Next's cache module is loaded only here, when called: the launcher imports the
 * domains (and their syncs) before Next is set up, and loading it then fails.
 */
async function expireHere(tag: string): Promise<void> {
  const { revalidateTag } = await import("next/cache");
  try {
    revalidateTag(tag, { expire: 0 });
    return;
  } catch (error) {
    if (!(error instanceof Error && error.message.includes("static generation store missing"))) throw error;
  }
  // Outside a request (the local executor calls the job endpoint in-process; tests; `npm run sync -- --local`) Next has
  // no call for it, so the tag is marked as revalidateTag marks it when its request ends: in the process's tags
  // manifest, which every cached page and answer is checked against when read.
  const { tagsManifest } = (await import("next/dist/server/lib/incremental-cache/tags-manifest.external.js")) as {
    tagsManifest: Map<string, TagExpiry>;
  };
  const now = Date.now();
  tagsManifest.set(tag, { ...tagsManifest.get(tag), stale: now, expired: now });
}
