import { viewPage } from "@/lib/ui/cached-view-page";
import EndurancePage from "../../page";

export { metadata } from "../../page";

// The calendar's views, kept in the full-route cache (lib/ui/cached-view.ts) for the ten seconds they are asked in.
export const revalidate = 10;
export const generateStaticParams = () => [];
export default viewPage(EndurancePage);
