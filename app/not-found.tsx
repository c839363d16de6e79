import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** Pitwall's own 404, in the site's shell and theme, for unknown addresses and for a page's notFound(). */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <p className="tabular font-mono text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted">There is nothing at this address. It may have moved, or the driver or leaderboard may no longer exist.</p>
      <p>
        <Link href="/" className="font-medium underline hover:text-accent">
          Back to Pitwall
        </Link>
      </p>
    </div>
  );
}
