import { viewPage } from "@/lib/ui/cached-view-page";
import RacePage from "../page";

export { generateMetadata } from "../page";

// A race's views, kept in the full-route cache (lib/ui/cached-view.ts) for the five seconds they are asked in: the
// page's own poll interval, after which the page follows the race by itself anyway.
export const revalidate = 5;
export const generateStaticParams = () => [];
export default viewPage(RacePage);
