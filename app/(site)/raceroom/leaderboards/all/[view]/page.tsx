import { RACEROOM_CACHE_TAG } from "@/lib/raceroom/cache-tag";
import { viewPage } from "@/lib/ui/cached-view-page";
import TopLeaderboardsPage from "../../page";

export { metadata } from "../../page";

// The top leaderboards' views, kept in the full-route cache (lib/ui/cached-view.ts): each rendered on its first
// request, again when a new generation goes live, and at least this often in case an expiry notice was lost.
export const revalidate = 60;
export const generateStaticParams = () => [];
export default viewPage(TopLeaderboardsPage, RACEROOM_CACHE_TAG);
