import { IRACING_CACHE_TAG } from "@/lib/iracing/cache-tag";
import { viewMetadata, viewPage } from "@/lib/ui/cached-view-page";
import TrackPage, { generateMetadata as pageMetadata } from "../page";

// A track with its configurations and the series racing there, kept in the full-route cache (lib/ui/cached-view.ts),
// expired by every iRacing sync.
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = viewMetadata(pageMetadata);
export default viewPage(TrackPage, IRACING_CACHE_TAG);
