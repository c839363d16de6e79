import { unstable_cache } from "next/cache";

/**
 * Read models cached in Next's own data cache, per version of the data they read. Every call first reads the data's
 * version (one cheap query) and the answer is cached under it, so each app instance serves new data the moment it is
 * live, with no message between instances; `expireTag` lets the instance that changed the data drop the old answers
 * at once. Only for answers that survive JSON (no Date objects), and only where Next serves a request (pages, route
 * handlers): outside it there is no cache to use.
 */
export function cachedPerVersion<A extends unknown[], R>(
  tag: string,
  name: string,
  version: () => Promise<string>,
  read: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  // Next's stable successor ("use cache") needs the whole app on Cache Components; this API caches the same way.
  const cached = unstable_cache((_version: string, ...args: A) => read(...args), [tag, name], { tags: [tag] });
  return async (...args: A) => cached(await version(), ...args);
}

/**
 * Marks the page being rendered as depending on `tag`, so that expiring the tag expires the page in the full-route
 * cache (lib/ui/cached-view.ts) even when none of its reads went through the data cache (a page saying "no data yet").
 */
export async function dependsOn(tag: string): Promise<void> {
  await unstable_cache(async () => true, ["depends-on", tag], { tags: [tag] })();
}
