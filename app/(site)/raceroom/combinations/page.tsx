import { permanentRedirect } from "next/navigation";
import type { SearchParams } from "@/lib/ui/search-params";

/** The list of leaderboards moved to /raceroom/leaderboards; old links keep working, with their filters. */
export default async function MovedTopLeaderboards({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const one of [value ?? []].flat()) query.append(key, one);
  permanentRedirect(query.size ? `/raceroom/leaderboards?${query}` : "/raceroom/leaderboards");
}
