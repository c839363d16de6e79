import Link from "next/link";
import { MethodBadge } from "./operation";
import { operationHref, type DocsGroup } from "./reference-groups";

/**
 * Every group, and the endpoints of the group shown, each a link to its place on the page; the group shown is marked.
 * Other groups' endpoints are left out: listing them all on every group page made half of each page's HTML.
 */
export function EndpointNav({ groups, current }: { groups: DocsGroup[]; current?: string }) {
  return (
    <nav aria-label="Endpoints" className="min-w-0 lg:sticky lg:top-20 lg:self-start">
      <ul className="space-y-4 rounded-lg border border-border bg-surface p-3 text-sm">
        <li>
          <Link href="/docs/api" className="font-semibold hover:underline aria-[current=page]:text-accent aria-[current=page]:underline" aria-current={current === undefined ? "page" : undefined}>
            Overview and conventions
          </Link>
        </li>
        {groups.map((group) => (
          <li key={group.slug}>
            <Link href={`/docs/api/${group.slug}`} className="font-semibold hover:underline aria-[current=page]:text-accent aria-[current=page]:underline" aria-current={current === group.slug ? "page" : undefined}>
              {group.tag}
            </Link>
            {group.slug === current ? (
              <ul className="mt-1.5 space-y-1">
                {group.operations.map((op) => (
                  <li key={op.id}>
                    <Link href={operationHref(group, op.id)} className="flex items-center gap-2 rounded px-1 py-0.5 text-muted hover:bg-surface-2 hover:text-fg">
                      <MethodBadge method={op.method} />
                      <span className="min-w-0 truncate font-mono text-xs">{op.path.replace("/api/v1", "")}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
