import { z } from "zod";
import type { CachedPage } from "@/lib/ui/cached-view";
import { positiveInt } from "@/lib/ui/search-params";
import { CATEGORY_NAMES } from "../read/labels";

const category = z.enum(Object.keys(CATEGORY_NAMES) as [string, ...string[]]).optional();

/** The series catalogue's filters. */
export const catalogueQuery = z.object({
  category,
  licence: z.enum(["1", "2", "3", "4", "5"]).optional(),
  setup: z.enum(["fixed", "open"]).optional(),
  official: z.enum(["yes", "no"]).optional(),
  q: z.string().max(80).optional(),
});

/** The next 24 hours' filters and page. */
export const nextDayQuery = z.object({ category, q: z.string().max(80).optional(), page: positiveInt.optional() });

const none = z.object({});
const ID = "\\d{1,15}";
/** These pages show sessions to come from now: a copy serves one minute at most. */
const MINUTE = 60_000;

/**
 * iRacing's public pages, kept in Next's full-route cache (lib/ui/cached-view.ts) and expired with IRACING_CACHE_TAG
 * by every sync. The planner is not among them: it is drawn from the visitor's own list in the browser.
 */
export const iracingCachedPages: readonly CachedPage[] = [
  { path: /^\/iracing$/, query: catalogueQuery, viewsAt: () => "/iracing/catalogue", views: /^\/iracing\/catalogue\/[^/]+$/, timeStepMs: MINUTE },
  { path: /^\/iracing\/now$/, query: nextDayQuery, views: /^\/iracing\/now\/[^/]+$/, timeStepMs: MINUTE },
  { path: new RegExp(`^/iracing/seasons/${ID}$`), query: none, views: new RegExp(`^/iracing/seasons/${ID}/[^/]+$`), timeStepMs: MINUTE },
  { path: new RegExp(`^/iracing/series/${ID}$`), query: none, views: new RegExp(`^/iracing/series/${ID}/[^/]+$`) },
  { path: new RegExp(`^/iracing/tracks/${ID}$`), query: none, views: new RegExp(`^/iracing/tracks/${ID}/[^/]+$`) },
];
