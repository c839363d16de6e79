import { viewSearchParams } from "@/lib/ui/cached-view";
import TopLeaderboardsPage from "../../page";

export { metadata } from "../../page";

// A view of the top leaderboards kept in the full-route cache (lib/ui/cached-view.ts): rendered on its first request,
// again when a new generation goes live (RACEROOM_CACHE_TAG), and at least this often for the app's other instances.
export const revalidate = 60;
export const generateStaticParams = () => [];

export default function CachedTopLeaderboardsPage({ params }: { params: Promise<{ view: string }> }) {
  return <TopLeaderboardsPage searchParams={viewSearchParams(params)} />;
}
