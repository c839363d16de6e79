import { RACEROOM_CACHE_TAG } from "@/lib/raceroom/cache-tag";
import { viewPage } from "@/lib/ui/cached-view-page";
import RaceroomPage from "../../page";

export { metadata } from "../../page";

// The RaceRoom page's views (driver searches), kept in the full-route cache (lib/ui/cached-view.ts): each rendered on
// its first request, again when a new generation goes live, and at least this often, so that the refresh status it
// was rendered with stays recent for visitors without JavaScript (the status panel reads it again on arrival).
export const revalidate = 10;
export const generateStaticParams = () => [];
export default viewPage(RaceroomPage, RACEROOM_CACHE_TAG);
