import { RACEROOM_CACHE_TAG } from "@/lib/raceroom/cache-tag";
import { viewMetadata, viewPage } from "@/lib/ui/cached-view-page";
import LeaderboardPage, { generateMetadata as leaderboardMetadata } from "../page";

// A leaderboard's views, kept in the full-route cache (lib/ui/cached-view.ts): each rendered on its first request,
// again when a new generation goes live, and at least this often in case an expiry notice was lost.
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = viewMetadata(leaderboardMetadata);
export default viewPage(LeaderboardPage, RACEROOM_CACHE_TAG);
