/**
 * Expires a tag's cached answers and pages on this instance (lib/cache.ts; a job step served at /api/inngest runs inside a
 * request). Next's cache module is loaded only here, when called: the launcher imports the domains (and their syncs)
 * before Next is set up, and loading it then fails.
 */
export async function expireTag(tag: string): Promise<void> {
  const { revalidateTag } = await import("next/cache");
  try {
    // Expired at once, not served stale one more time: a promoted generation shows on the next request.
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    // Outside a request (tests, `npm run sync -- --local`) this process holds no cache to expire.
    if (!(error instanceof Error && error.message.includes("static generation store missing"))) throw error;
  }
}
