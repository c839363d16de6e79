import { RACEROOM_CACHE_TAG } from "@/lib/raceroom/cache-tag";
import { viewMetadata, viewPage } from "@/lib/ui/cached-view-page";
import DriverPage, { generateMetadata as driverMetadata } from "../page";

// The driver page's views, kept in the full-route cache (lib/ui/cached-view.ts): each rendered on its first request,
// again when a new generation goes live, and at least this often in case an expiry notice was lost.
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = viewMetadata(driverMetadata);
export default viewPage(DriverPage, RACEROOM_CACHE_TAG);
