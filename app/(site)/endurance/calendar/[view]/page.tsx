import { ENDURANCE_CACHE_TAG } from "@/lib/endurance/cache-tag";
import { viewPage } from "@/lib/ui/cached-view-page";
import EndurancePage from "../../page";

export { metadata } from "../../page";

// The calendar's views, kept in the full-route cache (lib/ui/cached-view.ts) for the ten seconds they are asked in,
// and expired at once when a race is added, changed, goes live or finishes.
export const revalidate = 10;
export const generateStaticParams = () => [];
export default viewPage(EndurancePage, ENDURANCE_CACHE_TAG);
