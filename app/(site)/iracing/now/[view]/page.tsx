import { IRACING_CACHE_TAG } from "@/lib/iracing/cache-tag";
import { viewPage } from "@/lib/ui/cached-view-page";
import NowPage from "../page";

export { metadata } from "../page";

// The next 24 hours' views, kept in the full-route cache (lib/ui/cached-view.ts) for the minute they are asked in,
// expired by every iRacing sync (the race guide's entry counts too).
export const revalidate = 60;
export const generateStaticParams = () => [];
export default viewPage(NowPage, IRACING_CACHE_TAG);
