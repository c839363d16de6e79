import { z } from "zod";
import type { CachedPage } from "@/lib/ui/cached-view";

/**
 * The live page's first paint, kept in Next's full-route cache (lib/ui/cached-view.ts) a second at most: the snapshot
 * moves every second, and on race day viewers arrive by the thousand at the same moments.
 */
export const f1CachedPages: readonly CachedPage[] = [{ path: /^\/f1$/, query: z.object({}), viewsAt: () => "/f1/live", views: /^\/f1\/live\/[^/]+$/, timeStepMs: 1_000 }];
