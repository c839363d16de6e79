import type { Metadata } from "next";
import { NavLinks } from "@/lib/ui/nav-links";

export const metadata: Metadata = {
  title: { default: "F1", template: "%s · F1 · Pitwall" },
  description: "F1 sessions live and replayed: timing tower, track map and race control.",
};

const links = [
  { href: "/f1", label: "Live", exact: true },
  { href: "/f1/sessions", label: "Sessions" },
];

/** F1 pages share a sub-navigation. */
export default function F1Layout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="F1" className="-mt-2 border-b border-border pb-2">
        <NavLinks links={links} />
      </nav>
      {children}
    </div>
  );
}
