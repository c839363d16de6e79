import { z } from "zod";
import { handleEndpoint, handlePreflight } from "@/lib/api";
import { decodeCursor, toPage } from "@/lib/api/pagination";
import { lapsEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { lapsPage } from "@/lib/endurance/queries";

const position = z.object({ car: z.string(), lap: z.number().int() });

export const GET = handleEndpoint(lapsEndpoint, async ({ params, query: { car, limit, cursor } }) => {
  const race = await requireRace(params.race);
  const rows = await lapsPage(race.id, { car, limit, after: decodeCursor(cursor, position) });
  return toPage(rows, limit, (last) => ({ car: last.car, lap: last.lap }), (row) => ({
    car: row.car,
    lap: row.lap,
    driver: row.driver,
    lapTimeMs: row.lapTimeMs,
    sectorsMs: [row.s1Ms, row.s2Ms, row.s3Ms] as [number | null, number | null, number | null],
    kph: row.kph,
    topSpeedKph: row.topSpeedKph,
    elapsedMs: row.elapsedMs,
    inLap: row.inLap,
    outLap: row.outLap,
    pitTimeMs: row.pitTimeMs,
    flag: row.flag as "green" | null,
    carClass: row.carClass,
    team: row.team,
  }));
});
export const OPTIONS = handlePreflight(lapsEndpoint);
