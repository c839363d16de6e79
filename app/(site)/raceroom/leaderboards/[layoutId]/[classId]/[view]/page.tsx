import { viewSearchParams } from "@/lib/ui/cached-view";
import LeaderboardPage, { generateMetadata as leaderboardMetadata } from "../page";

// A view of a leaderboard kept in the full-route cache (lib/ui/cached-view.ts): rendered on its first request, again
// when a new generation goes live (RACEROOM_CACHE_TAG), and at least this often for the app's other instances.
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ layoutId: string; classId: string; view: string }> };

export const generateMetadata = ({ params }: Props) => leaderboardMetadata({ params, searchParams: viewSearchParams(params) });

export default function CachedLeaderboardPage({ params }: Props) {
  return <LeaderboardPage params={params} searchParams={viewSearchParams(params)} />;
}
