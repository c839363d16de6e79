import { z } from "zod";
import { domains } from "@/lib/domains";
import type { CachedPage } from "@/lib/ui/cached-view";

/** The home page: every section's figures and running syncs, so a copy serves ten seconds at most. */
const home: CachedPage = { path: /^\/$/, query: z.object({}), viewsAt: () => "/home", views: /^\/home\/[^/]+$/, timeStepMs: 10_000 };

/** Every page the proxy sends to its views (lib/ui/cached-view.ts): the home page and each domain's. */
export const cachedPages: readonly CachedPage[] = [home, ...domains.flatMap((domain) => domain.cachedPages ?? [])];
