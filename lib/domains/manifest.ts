import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { AnyEndpoint, ApiTag } from "@/lib/api/endpoint";
import type { JobDefinition } from "@/lib/jobs/job";
import type { SyncKind } from "@/lib/jobs/sync-kind";
import type { CachedPage } from "@/lib/ui/cached-view";
import type { SimulatedUpstream } from "@/sim/simulated";

/** A headline number of a section on the home page, e.g. { label: "Drivers", value: 39762 }. */
export interface SectionFigure {
  label: string;
  value: number | string;
}

/**
 * An answer that must skip the framework's per-request work (a hot endpoint read by every viewer every second): the
 * launcher's HTTP server hands it requests for `path` before Next. `serve` returns false to leave a request to Next.
 */
export interface FastRoute {
  path: string;
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * Everything the shared parts of Pitwall need to know about a domain. Each domain exports one (lib/<domain>/domain.ts);
 * the list in lib/domains/index.ts is the only shared place that names them, and every registry iterates it.
 */
export interface DomainManifest {
  /** The section's URL segment (/raceroom), API path segment, table prefix and sync-kind prefix. */
  slug: string;
  name: string;
  /** One sentence for the home page and the section header. */
  blurb: string;
  /** The home page's headline figures, read from Postgres. */
  figures(): Promise<SectionFigure[]>;
  api: { tags: readonly ApiTag[]; endpoints: readonly AnyEndpoint[] };
  syncs: readonly SyncKind[];
  /** Background work that is not a sync kind (pollers, monitors). */
  jobs?: readonly JobDefinition[];
  /** The domain's environment variables, checked at start with the platform's. */
  env: z.ZodObject;
  /** Run in the background once the server is up (e.g. priming connections). */
  warmUp?(): Promise<unknown>;
  /** Public pages kept whole in Next's full-route cache (lib/ui/cached-view.ts); the proxy sends them to their views. */
  cachedPages?: readonly CachedPage[];
  /** Hot endpoints served before Next (lib/site/fast-routes.ts); each must also exist as a route handler. */
  fastRoutes?(): Promise<FastRoute[]>;
  /** Loaded only by the simulator program (npm run sim, the demo, tests); a domain with two upstreams gives both. */
  simulator?(): Promise<SimulatedUpstream | readonly SimulatedUpstream[]>;
}

/** Declares a domain; a manifest that breaks the conventions throws at import, in the first test or page load. */
export function defineDomain<M extends DomainManifest>(manifest: M): M {
  const { slug } = manifest;
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9]*$/.test(slug)) problems.push("slug must be lower-case letters and digits");
  for (const sync of manifest.syncs) if (sync.domain !== slug) problems.push(`sync kind ${sync.kind} must start with "${slug}."`);
  for (const job of manifest.jobs ?? []) if (!job.id.startsWith(`${slug}-`)) problems.push(`job ${job.id} must start with "${slug}-"`);
  for (const endpoint of manifest.api.endpoints) {
    if (!endpoint.path.startsWith(`/api/v1/${slug}/`)) problems.push(`endpoint ${endpoint.id} must live under /api/v1/${slug}/`);
  }
  const prefixed = Object.keys(manifest.env.shape).filter((name) => !name.startsWith(`${slug.toUpperCase()}_`));
  if (prefixed.length) problems.push(`environment variables ${prefixed.join(", ")} must start with ${slug.toUpperCase()}_`);
  if (problems.length) throw new Error(`Domain ${slug}: ${problems.join("; ")}`);
  return manifest;
}
