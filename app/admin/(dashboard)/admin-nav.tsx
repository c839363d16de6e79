import { NavLinks } from "@/lib/ui/nav-links";
import { logOut } from "./session-actions";

const links = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/runs", label: "Runs" },
  { href: "/admin/ledger", label: "API ledger" },
];

export function AdminNav() {
  return (
    <nav aria-label="Admin" className="flex items-center gap-2 border-b border-border pb-2">
      <div className="min-w-0 flex-1">
        <NavLinks links={links} />
      </div>
      <form action={logOut}>
        <button
          type="submit"
          className="whitespace-nowrap rounded-md border border-border px-2.5 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        >
          Log out
        </button>
      </form>
    </nav>
  );
}
