import type { Metadata } from "next";

export const metadata: Metadata = {
  title: { default: "Endurance", template: "%s · Endurance · Pitwall" },
  description: "WEC and IMSA races live: multi-class leaderboards, pit stops, stints, drive time and lap-time predictions.",
};

export default function EnduranceLayout({ children }: { children: React.ReactNode }) {
  return <div className="space-y-6">{children}</div>;
}
