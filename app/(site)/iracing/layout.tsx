import type { Metadata } from "next";
import { NavLinks } from "@/lib/ui/nav-links";

export const metadata: Metadata = {
  title: { default: "iRacing", template: "%s · iRacing · Pitwall" },
  description: "Every iRacing series, its season schedule week by week, the next sessions, and a planner for the content you own.",
};

const links = [
  { href: "/iracing", label: "Series", exact: true },
  { href: "/iracing/now", label: "Next 24 hours" },
  { href: "/iracing/planner", label: "Planner" },
];

/** iRacing pages share a sub-navigation. */
export default function IracingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="iRacing" className="-mt-2 border-b border-border pb-2">
        <NavLinks links={links} />
      </nav>
      {children}
    </div>
  );
}
