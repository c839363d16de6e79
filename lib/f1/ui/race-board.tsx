import type { ReactNode } from "react";
import { RaceControlFeed } from "./race-control";
import { RaceHeader } from "./status-bar";
import { TimingTower } from "./tower";
import { TrackMap } from "./track-map";
import type { RaceState } from "./format";

/** One moment of a race: flag, lap and weather, the track map, the timing tower and race control, all of the same state. */
export function RaceBoard({ state, outline, totalLaps, controls }: { state: RaceState; outline: [number, number][]; totalLaps?: number | null; controls?: ReactNode }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RaceHeader state={state} totalLaps={totalLaps} />
        {controls}
      </div>
      <TimingTower drivers={state.drivers} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TrackMap outline={outline} drivers={state.drivers} />
        <RaceControlFeed messages={state.raceControl} />
      </div>
    </div>
  );
}
