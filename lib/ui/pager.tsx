import Link from "next/link";
import { formatCount } from "./format";
import { withQuery } from "./href";

type Query = Record<string, string | number | undefined>;

/** Numbered pages: "Page 3 of 12" between first / previous and next / last; `hrefOf` makes the link to a page. */
interface NumberedPages {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}

/**
 * Keyset pages of a list that grows at the top: back to the newest rows, or on to older ones (`nextCursor`, null on the
 * last page). Links keep `query` (the filters in force), so paging never drops them.
 */
interface KeysetPages {
  path: string;
  query: Query;
  cursor: string | undefined;
  nextCursor: string | null;
  /** "Older runs": what the link leads to. */
  olderLabel: string;
}

export type PagerProps = { /** Names the navigation; "Pages" unless a page has more than one pager. */ label?: string } & (NumberedPages | KeysetPages);

const pageLink = "rounded-md border border-border px-2.5 py-1 hover:bg-surface-2";

/** The one pager of the site and the admin, by page number or by keyset; nothing when there is only one page. */
export function Pager(props: PagerProps) {
  const label = props.label ?? "Pages";
  return "pageCount" in props ? <Numbered {...props} label={label} /> : <Keyset {...props} label={label} />;
}

function Numbered({ label, page, pageCount, hrefOf }: NumberedPages & { label: string }) {
  if (pageCount <= 1) return null;
  const link = (target: number, name: string, text: string) =>
    target === page || target < 1 || target > pageCount ? (
      // An inactive link: announced as unavailable rather than hidden, in the muted colour (still readable).
      <a role="link" aria-disabled="true" aria-label={name} className="rounded-md px-2.5 py-1 text-muted">
        {text}
      </a>
    ) : (
      <Link prefetch={false} href={hrefOf(target)} aria-label={name} className={pageLink}>
        {text}
      </Link>
    );
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-1 text-sm">
      {link(1, "First page", "«")}
      {link(page - 1, "Previous page", "‹ Previous")}
      <span className="tabular px-2 text-muted" aria-current="page">
        Page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      {link(page + 1, "Next page", "Next ›")}
      {link(pageCount, "Last page", "»")}
    </nav>
  );
}

function Keyset({ label, path, query, cursor, nextCursor, olderLabel }: KeysetPages & { label: string }) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-2 text-sm">
      {cursor ? (
        <Link prefetch={false} href={withQuery(path, query)} className={pageLink}>
          Newest
        </Link>
      ) : null}
      {nextCursor ? (
        <Link prefetch={false} href={withQuery(path, { ...query, cursor: nextCursor })} className={pageLink}>
          {`${olderLabel} →`}
        </Link>
      ) : null}
    </nav>
  );
}
