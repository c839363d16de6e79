import type { z } from "zod";
import { formatLapTime } from "@/lib/ui/format";
import type { driverStateSchema, raceStateSchema } from "@/lib/f1/api-contract";

export type DriverState = z.output<typeof driverStateSchema>;
export type RaceState = z.output<typeof raceStateSchema>;
type Gap = DriverState["gapToLeader"];

/** "+1.333", "+1 LAP", "+2 LAPS"; an empty gap shows as a dash. */
export function formatGapValue(gap: Gap, leader = false): string {
  if (leader) return "Leader";
  if (gap === null) return "–";
  if (gap.kind === "laps") return `+${gap.laps} LAP${gap.laps === 1 ? "" : "S"}`;
  return `+${(gap.ms / 1000).toFixed(3)}`;
}

export const lapTimeText = (ms: number | null | undefined) => (ms === null || ms === undefined ? "–" : formatLapTime(ms));
export const sectorText = (ms: number) => (ms / 1000).toFixed(3);

/** Broadcast tyre colours and a letter, so colour is never the only signal. */
export const COMPOUND_STYLE: Record<string, { letter: string; colour: string }> = {
  SOFT: { letter: "S", colour: "#e10600" },
  MEDIUM: { letter: "M", colour: "#f5c400" },
  HARD: { letter: "H", colour: "#f2f2f2" },
  INTERMEDIATE: { letter: "I", colour: "#2ea043" },
  WET: { letter: "W", colour: "#1f6feb" },
  UNKNOWN: { letter: "?", colour: "#8b8f98" },
};

export const TRACK_STATUS_LABEL: Record<RaceState["trackStatus"], string> = {
  green: "Green flag",
  yellow: "Yellow flag",
  "safety-car": "Safety car",
  "safety-car-ending": "Safety car in this lap",
  "virtual-safety-car": "Virtual safety car",
  "virtual-safety-car-ending": "VSC ending",
  red: "Red flag",
  chequered: "Chequered flag",
};

/** Background and text of the flag banner: readable in both themes. */
export const TRACK_STATUS_STYLE: Record<RaceState["trackStatus"], string> = {
  green: "bg-green-700 text-white",
  yellow: "bg-yellow-400 text-black",
  "safety-car": "bg-yellow-400 text-black",
  "safety-car-ending": "bg-yellow-400 text-black",
  "virtual-safety-car": "bg-yellow-400 text-black",
  "virtual-safety-car-ending": "bg-yellow-400 text-black",
  red: "bg-red-700 text-white",
  chequered: "bg-neutral-900 text-white dark:bg-white dark:text-black",
};
