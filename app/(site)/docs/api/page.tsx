import type { Metadata } from "next";
import Link from "next/link";
import { MAX_PAGE_SIZE } from "@/lib/api/pagination";
import { MethodBadge } from "./operation";
import { WithOrigin } from "./origin";
import { ORIGIN } from "./origin-marker";
import { docsGroups, operationHref } from "./reference-groups";

export const metadata: Metadata = {
  title: "API",
  description: "Pitwall's JSON API: endpoints, parameters, responses and examples.",
};

const conventions: [string, React.ReactNode][] = [
  ["Format", <>JSON in UTF-8. Times are ISO 8601 in UTC, e.g. <code className="font-mono">2026-11-02T14:00:00.000Z</code>.</>],
  [
    "Lists",
    <>
      Every list answers <code className="font-mono">{"{ data: [...], page: { limit, nextCursor } }"}</code>. Ask for up to {MAX_PAGE_SIZE} items
      with <code className="font-mono">limit</code> (default 50), then pass <code className="font-mono">nextCursor</code> as{" "}
      <code className="font-mono">cursor</code> until it is <code className="font-mono">null</code>. Cursors are opaque.
    </>,
  ],
  [
    "Caching",
    <>
      Responses carry an <code className="font-mono">ETag</code>: send it back in <code className="font-mono">If-None-Match</code> and an unchanged
      answer comes back as <code className="font-mono">304</code> with no body. <code className="font-mono">Cache-Control</code> says how long a
      response may be reused.
    </>,
  ],
  [
    "Rate limit",
    <>
      Each client has a per-minute allowance, shown in <code className="font-mono">RateLimit-Limit</code>,{" "}
      <code className="font-mono">RateLimit-Remaining</code> and <code className="font-mono">RateLimit-Reset</code>. Over it, the answer is{" "}
      <code className="font-mono">429</code> with <code className="font-mono">Retry-After</code> in seconds.
    </>,
  ],
  [
    "Errors",
    <>
      <code className="font-mono">{"{ error: { code, message, issues? } }"}</code>: <code className="font-mono">issues</code> lists each invalid
      parameter on a <code className="font-mono">400</code>. Unknown query parameters are refused, so typos do not go unnoticed.
    </>,
  ],
  [
    "Browsers",
    <>Public GET endpoints can be called from any web page (CORS). Endpoints marked “Admin token” need <code className="font-mono">Authorization: Bearer $ADMIN_API_TOKEN</code>.</>,
  ],
];

// The same for every visitor until the code changes: rendered at build time (the visitor's address is filled in by origin.tsx).
export const dynamic = "force-static";

export default function ApiDocsPage() {
  const { version, groups } = docsGroups();

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Pitwall API</h1>
        <p className="max-w-3xl text-muted">The racing data behind this site, as JSON for your own programs.</p>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-muted">Base URL</dt>
            <dd className="font-mono">
              <WithOrigin text={ORIGIN} />
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-muted">Version</dt>
            <dd className="tabular font-mono">{version}</dd>
          </div>
        </dl>
        <p className="text-sm">
          <a className="text-accent underline underline-offset-2" href="/api/v1/openapi.json">
            OpenAPI 3.1 document
          </a>{" "}
          <span className="text-muted">for client generators and API tools.</span>
        </p>
      </header>

      <div className="min-w-0 max-w-4xl space-y-10">
          <section aria-labelledby="conventions" className="rounded-lg border border-border bg-surface p-4">
            <h2 id="conventions" className="text-lg font-semibold">
              Conventions
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
              {conventions.map(([term, text]) => (
                <div key={term} className="contents">
                  <dt className="font-medium">{term}</dt>
                  <dd className="text-muted">{text}</dd>
                </div>
              ))}
            </dl>
          </section>

          {groups.map((group) => (
            <section key={group.slug} aria-labelledby={`${group.slug}-title`} className="space-y-2">
              <h2 id={`${group.slug}-title`} className="text-xl font-semibold">
                <Link href={`/docs/api/${group.slug}`} className="hover:underline">
                  {group.tag}
                </Link>
              </h2>
              <p className="text-sm text-muted">{group.description}</p>
              <ul className="divide-y divide-border rounded-lg border border-border bg-surface text-sm">
                {group.operations.map((op) => (
                  <li key={op.id}>
                    <Link href={operationHref(group, op.id)} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-surface-2">
                      <MethodBadge method={op.method} />
                      <code className="min-w-0 break-all font-mono text-xs sm:text-sm">{op.path}</code>
                      <span className="text-muted">{op.summary}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
    </div>
  );
}
