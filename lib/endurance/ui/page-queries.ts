import { z } from "zod";
import type { CachedPage } from "@/lib/ui/cached-view";

/**
 * Kept in Next's full-route cache (lib/ui/cached-view.ts): the calendar, which changes with the races' state (live,
 * finished, winners) that ingestion moves all the time, serves a copy ten seconds at most; a race page's first paint
 * five seconds at most, its own poll interval (every viewer of a live race asks for the same page at once).
 */
export const enduranceCachedPages: readonly CachedPage[] = [
  { path: /^\/endurance$/, query: z.object({}), viewsAt: () => "/endurance/calendar", views: /^\/endurance\/calendar\/[^/]+$/, timeStepMs: 10_000 },
  { path: /^\/endurance\/races\/[a-z0-9][a-z0-9-]{1,62}$/, query: z.object({}), views: /^\/endurance\/races\/[^/]+\/[^/]+$/, timeStepMs: 5_000 },
];
