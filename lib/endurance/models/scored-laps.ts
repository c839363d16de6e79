import { median } from "../derive/lap-facts";
import type { PaceRow } from "./lap-table";

// A green lap this far off the median of the car's neighbouring green laps was not raced at pace: a spin, a
// puncture, a slow zone, a caution nobody flagged. No pace model is asked to foresee those; both predictions are
// scored without them. Neighbours are up to five green laps either side, within ten laps.
const OUTLIER_SHARE = 0.1;
const NEIGHBOURS = 5;
const NEIGHBOUR_SPAN = 10;
const MIN_NEIGHBOURS = 3;

/**
 * The laps the backtest scores: green laps (see PaceRow) within 10 % of the car's neighbouring green laps. The
 * neighbours include later laps: this decides which laps count, never what a prediction may use.
 */
export function scoredLaps(rows: readonly PaceRow[]): Set<PaceRow> {
  const byCar = new Map<string, PaceRow[]>();
  for (const row of rows) {
    if (!row.green) continue;
    const list = byCar.get(row.car);
    if (list) list.push(row);
    else byCar.set(row.car, [row]);
  }
  const scored = new Set<PaceRow>();
  for (const list of byCar.values()) {
    list.sort((a, b) => a.lap - b.lap);
    list.forEach((row, i) => {
      const around = [...list.slice(Math.max(0, i - NEIGHBOURS), i), ...list.slice(i + 1, i + 1 + NEIGHBOURS)].filter((other) => Math.abs(other.lap - row.lap) <= NEIGHBOUR_SPAN);
      const pace = around.length >= MIN_NEIGHBOURS ? median(around.map((other) => other.lapTimeMs)) : null;
      if (pace === null || Math.abs(row.lapTimeMs / pace - 1) <= OUTLIER_SHARE) scored.add(row);
    });
  }
  return scored;
}
