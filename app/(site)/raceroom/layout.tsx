import type { Metadata } from "next";
import { NavLinks } from "@/lib/ui/nav-links";

export const metadata: Metadata = {
  title: { default: "RaceRoom", template: "%s · RaceRoom · Pitwall" },
  description: "Every RaceRoom Racing Experience leaderboard, searchable by driver.",
};

const links = [
  { href: "/raceroom", label: "Drivers", exact: true },
  { href: "/raceroom/leaderboards", label: "Top leaderboards" },
];

/** RaceRoom pages share a sub-navigation. */
export default function RaceroomLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="RaceRoom" className="-mt-2 border-b border-border pb-2">
        <NavLinks links={links} />
      </nav>
      {children}
    </div>
  );
}
