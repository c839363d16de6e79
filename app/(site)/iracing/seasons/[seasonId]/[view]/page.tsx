import { IRACING_CACHE_TAG } from "@/lib/iracing/cache-tag";
import { viewMetadata, viewPage } from "@/lib/ui/cached-view-page";
import SeasonPage, { generateMetadata as pageMetadata } from "../page";

// A season's schedule, kept in the full-route cache (lib/ui/cached-view.ts) for the minute it is asked in (it
// shows the current week and the next sessions), expired by every iRacing sync.
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = viewMetadata(pageMetadata);
export default viewPage(SeasonPage, IRACING_CACHE_TAG);
