import Link from "next/link";
import { NavLinks } from "./nav-links";
import { sections } from "@/lib/site/sections";
import { ThemeToggle } from "./theme-toggle";

const links = [...sections.map((s) => ({ href: `/${s.slug}`, label: s.name })), { href: "/admin", label: "Admin", prefetch: false }];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-surface/95 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 sm:flex-nowrap sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight" aria-label="Pitwall home">
          <span aria-hidden className="inline-block h-5 w-1.5 -skew-x-12 rounded-sm bg-accent" />
          <span className="text-lg">Pitwall</span>
        </Link>
        <div className="order-last -mx-1 w-full min-w-0 sm:order-none sm:mx-0 sm:w-auto sm:flex-1">
          <NavLinks links={links} />
        </div>
        <div className="ml-auto flex items-center gap-3 sm:ml-0">
          <Link href="/docs/api" prefetch={false} className="text-sm font-medium text-muted hover:text-fg">
            API
          </Link>
          <ThemeToggle />
        </div>
      </nav>
    </header>
  );
}
