import Link from "next/link";
import { formatCount } from "@/lib/ui/format";

/** "Page 3 of 12" with first / previous / next / last links; `hrefOf` builds the link to a page. */
export function Pager({ page, pageCount, hrefOf }: { page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const link = (target: number, label: string, text: string) =>
    target === page || target < 1 || target > pageCount ? (
      <span className="rounded-md px-2 py-1 text-muted/60" aria-hidden>
        {text}
      </span>
    ) : (
      <Link prefetch={false} href={hrefOf(target)} aria-label={label} className="rounded-md border border-border px-2 py-1 hover:bg-surface-2">
        {text}
      </Link>
    );
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-1 text-sm">
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
