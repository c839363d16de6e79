import "server-only";
import { ApiError } from "@/lib/api";
import type { RaceRow } from "./calendar";
import { raceRow } from "./queries";

/** The race an API request names, or a 404 that says which slug was not found. */
export async function requireRace(slug: string): Promise<RaceRow> {
  const race = await raceRow(slug);
  if (!race) throw new ApiError(404, "not_found", `No endurance race "${slug}".`);
  return race;
}
