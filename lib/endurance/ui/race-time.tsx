"use client";

import { createContext, useContext } from "react";

/** The race time every panel of a race page shows: undefined for "now", else a TV delay's or a replay's moment. */
export interface RaceTime {
  slug: string;
  at: number | undefined;
  /** Poll for news (a live race without a paused replay). */
  live: boolean;
  carClass: string | null;
}

export const RaceTimeContext = createContext<RaceTime>({ slug: "", at: undefined, live: false, carClass: null });

export function useRaceTime(): RaceTime {
  return useContext(RaceTimeContext);
}
