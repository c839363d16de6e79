import { handleEndpoint, handlePreflight } from "@/lib/api";
import { racesEndpoint } from "@/lib/endurance/api-contract";
import { raceCalendar } from "@/lib/endurance/queries";

export const GET = handleEndpoint(racesEndpoint, () => raceCalendar());
export const OPTIONS = handlePreflight(racesEndpoint);
