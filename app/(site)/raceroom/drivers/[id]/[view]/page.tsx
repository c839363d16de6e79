import { viewSearchParams } from "@/lib/ui/cached-view";
import DriverPage, { generateMetadata as driverMetadata } from "../page";

// A view of the driver page kept in the full-route cache (lib/ui/cached-view.ts): rendered on its first request, again
// when a new generation goes live (RACEROOM_CACHE_TAG), and at least this often for the app's other instances.
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ id: string; view: string }> };

export const generateMetadata = ({ params }: Props) => driverMetadata({ params, searchParams: viewSearchParams(params) });

export default function CachedDriverPage({ params }: Props) {
  return <DriverPage params={params} searchParams={viewSearchParams(params)} />;
}
