import Link from "next/link";

const pageLink = "rounded-md border border-border px-3 py-1.5 hover:bg-surface-2";

/**
 * Keyset paging of an admin list: back to the newest page, or on to older rows. Links keep the filters that are
 * set, so paging never drops them.
 */
export function Pager({
  label,
  olderLabel,
  path,
  filters,
  cursor,
  nextCursor,
}: {
  label: string;
  olderLabel: string;
  path: string;
  filters: Record<string, string | undefined>;
  cursor: string | undefined;
  nextCursor: string | null;
}) {
  return (
    <nav aria-label={label} className="flex justify-end gap-2 text-sm">
      {cursor ? (
        <Link className={pageLink} href={pageHref(path, filters, undefined)}>
          Newest
        </Link>
      ) : null}
      {nextCursor ? (
        <Link className={pageLink} href={pageHref(path, filters, nextCursor)}>
          {`${olderLabel} →`}
        </Link>
      ) : null}
    </nav>
  );
}

function pageHref(path: string, filters: Record<string, string | undefined>, cursor: string | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  return `${path}?${params}`;
}
