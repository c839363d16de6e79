import { RaceControlFeed } from "./race-control";
import { RaceHistory } from "./race-history";
import { RaceHeader } from "./status-bar";
import { TimingTower } from "./tower";
import { TrackMap } from "./track-map";
import type { RaceState } from "./format";

/**
 * One moment of a race: flag, lap and weather, the track map, the timing tower, race control, tyre stints and the gap
 * chart, all of the same state. `historyRefreshMs`: how often stints and laps are asked again (live pages).
 */
export function RaceBoard({
  state,
  outline,
  totalLaps,
  historyRefreshMs,
}: {
  state: RaceState;
  outline: [number, number][];
  totalLaps?: number | null;
  historyRefreshMs?: number;
}) {
  return (
    <div className="space-y-3">
      <RaceHeader state={state} totalLaps={totalLaps} />
      <TimingTower drivers={state.drivers} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TrackMap outline={outline} drivers={state.drivers} />
        <RaceControlFeed messages={state.raceControl} />
      </div>
      <RaceHistory state={state} totalLaps={totalLaps} refreshMs={historyRefreshMs} />
    </div>
  );
}
