import { fileURLToPath } from "node:url";
import { parseOpenF1, type OpenF1Endpoint } from "@/lib/f1/openf1/parse";
import type { RaceRecord } from "@/lib/f1/records";
import { loadFolder } from "@/sim/f1/openf1/folder";
import type { Dataset } from "@/sim/f1/openf1/rows";

export const ABU_DHABI_LAP9 = fileURLToPath(new URL("../fixtures/f1/abu-dhabi-2025-race-9839-lap9", import.meta.url));

const RACE_ENDPOINTS: OpenF1Endpoint[] = ["sessions", "drivers", "starting_grid", "laps", "intervals", "position", "pit", "stints", "race_control", "weather", "session_result"];

/** Every record of a dataset's tables, read with the app's parsers (nothing may be malformed). */
export function recordsOf(dataset: Dataset, endpoints: OpenF1Endpoint[] = RACE_ENDPOINTS): RaceRecord[] {
  return endpoints.flatMap((endpoint) => {
    const parsed = parseOpenF1(endpoint, dataset.tables.get(endpoint) ?? []);
    if (parsed.malformed > 0) throw new Error(`${endpoint}: ${parsed.issues.join("; ")}`);
    return parsed.records as RaceRecord[];
  });
}

/** The excerpt of the 2025 Abu Dhabi race (CSV, as OpenF1 data circulates), read as the simulator serves it. */
export const abuDhabiLap9 = () => recordsOf(loadFolder(ABU_DHABI_LAP9).dataset);

export const at = (iso: string) => Date.parse(iso);

/** The most requests the simulator saw in any window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  let busiest = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}
