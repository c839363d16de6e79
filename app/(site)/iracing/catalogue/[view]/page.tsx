import { IRACING_CACHE_TAG } from "@/lib/iracing/cache-tag";
import { viewPage } from "@/lib/ui/cached-view-page";
import IracingPage from "../../page";

export { metadata } from "../../page";

// The series catalogue's views, kept in the full-route cache (lib/ui/cached-view.ts) for the minute they are asked in
// (each shows every series' next session), expired by every iRacing sync.
export const revalidate = 60;
export const generateStaticParams = () => [];
export default viewPage(IracingPage, IRACING_CACHE_TAG);
