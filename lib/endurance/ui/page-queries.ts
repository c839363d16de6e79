import { z } from "zod";
import type { CachedPage } from "@/lib/ui/cached-view";

/**
 * The calendar, kept in Next's full-route cache (lib/ui/cached-view.ts). It changes with the races' state (live,
 * finished, winners), which ingestion moves all the time: a copy serves ten seconds at most.
 */
export const enduranceCachedPages: readonly CachedPage[] = [
  { path: /^\/endurance$/, query: z.object({}), viewsAt: () => "/endurance/calendar", views: /^\/endurance\/calendar\/[^/]+$/, timeStepMs: 10_000 },
];
