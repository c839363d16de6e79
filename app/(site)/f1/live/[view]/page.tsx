import { viewPage } from "@/lib/ui/cached-view-page";
import F1LivePage from "../../page";

export { metadata } from "../../page";

// The live page's views, kept in the full-route cache (lib/ui/cached-view.ts) for the second they are asked in: the
// page's own poll interval, so any number of arriving viewers cost one render a second.
export const revalidate = 1;
export const generateStaticParams = () => [];
export default viewPage(F1LivePage);
