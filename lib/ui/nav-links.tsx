"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
  /** Active only on this exact path, not below it (an overview next to its sub-pages). */
  exact?: boolean;
  /** False for pages that are costly to render or redirect (admin login): fetched on click only. */
  prefetch?: boolean;
}

export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {links.map((link) => {
        const active = pathname === link.href || (!link.exact && pathname.startsWith(`${link.href}/`));
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              prefetch={link.prefetch === false ? false : undefined}
              aria-current={active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium transition-colors sm:px-3 ${
                active ? "bg-surface-2 text-fg" : "text-muted hover:bg-surface-2 hover:text-fg"
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
