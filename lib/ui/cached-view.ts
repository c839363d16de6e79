import type { z } from "zod";
import type { SearchParams } from "./search-params";

/**
 * Pages whose answer changes only when their data does (a RaceRoom generation) are kept whole in Next's full-route
 * cache and re-rendered when their data's cache tag is expired: rendering, not the database, was most of a request's
 * cost. That cache keys on the path alone, so the proxy writes a page's query into one more path segment, the view:
 * `/raceroom/drivers/7?page=2` is rendered as `/raceroom/drivers/7/page%3D2`. The page itself stays at its address.
 */
export interface CachedPage {
  /** The public address, e.g. /^\/raceroom\/drivers\/\d{1,15}$/ (ids as the page accepts them, so junk is not cached). */
  path: RegExp;
  /** The query parameters the page reads: only these, each only when its field accepts it, make up the view. */
  query: z.ZodObject;
  /** Where the views are rendered, from the public path (default: the path itself, the view one segment below). */
  viewsAt?: (pathname: string) => string;
  /** The addresses of the views themselves: asked for directly, they answer 404 (each view has one address). */
  views: RegExp;
  /**
   * For a page that shows what is next from now (sessions to come): its view changes every `timeStepMs`, so no copy
   * is older than that, whenever it is asked for.
   */
  timeStepMs?: number;
}

/** The view of a page with no query. */
const PLAIN_VIEW = "-";
/** Longer views (a long text filter) are rendered per request at the public address: they are rarely asked twice. */
const MAX_VIEW_LENGTH = 120;

/**
 * The view segment of a query: the page's own parameters in a fixed order, each as the page reads it (the first of
 * repeated values, a text cut as its field cuts it), so two addresses that show the same page share one cached copy.
 */
export function viewSegment(query: z.ZodObject, search: URLSearchParams, timeStep?: number): string {
  const kept = new URLSearchParams();
  for (const key of Object.keys(query.shape).sort()) {
    const value = search.get(key);
    if (!value) continue;
    const field = query.shape[key] as z.ZodType;
    const parsed = field.safeParse(value);
    // A default written out shows the page without it.
    if (parsed.success && parsed.data !== undefined && parsed.data !== field.safeParse(undefined).data) kept.set(key, String(parsed.data));
  }
  // The page does not read it: it only keys the copy by the time step it was asked in.
  if (timeStep !== undefined) kept.set("_", String(timeStep));
  return kept.size > 0 ? kept.toString() : PLAIN_VIEW;
}

/** Where the proxy sends a request: its page's view, a 404 for a view's own address, or nowhere (null: as it is). */
export function cachedViewTarget(url: URL, pages: readonly CachedPage[]): URL | null {
  const { pathname } = url;
  for (const page of pages) {
    if (page.views.test(pathname)) return new URL(`${pathname}/${PLAIN_VIEW}/${PLAIN_VIEW}`, url); // no route: 404
    if (!page.path.test(pathname)) continue;
    const view = viewSegment(page.query, url.searchParams, page.timeStepMs ? Math.floor(Date.now() / page.timeStepMs) : undefined);
    if (encodeURIComponent(view).length > MAX_VIEW_LENGTH) return null;
    return new URL(`${page.viewsAt?.(pathname) ?? pathname}/${encodeURIComponent(view)}${url.search}`, url);
  }
  return null;
}

/** The query a view holds, as the page's search parameters. */
export async function viewSearchParams(params: Promise<{ view: string }>): Promise<SearchParams> {
  const { view } = await params;
  // A view always holds "=" once decoded: decode only when the router has not.
  const decoded = view === PLAIN_VIEW || view.includes("=") ? view : decodeURIComponent(view);
  return decoded === PLAIN_VIEW ? {} : Object.fromEntries(new URLSearchParams(decoded));
}
