import { integerOf, textOf } from "./fields";
import { asObject } from "./laps";
import type { FeedValue } from "./merge";

/**
 * What the feed says about the session beyond the race state: its status, the track status light, the lap count,
 * and how fresh each topic is (the page shows which source it is reading and how recent it is).
 */
export interface FeedStatus {
  /** "Inactive", "Started", "Aborted", "Finished", "Finalised", "Ends". */
  sessionStatus: string | null;
  /** The feed's code ("1" clear, "2" yellow, "4" safety car, "5" red, "6" VSC, "7" VSC ending) and its word. */
  trackStatus: { code: string; message: string | null } | null;
  lapCount: { current: number | null; total: number | null } | null;
  /** Epoch ms of the latest message of each topic. */
  lastMessageAt: Record<string, number>;
}

export function feedStatus(topic: (name: string) => FeedValue | undefined, lastMessageAt: ReadonlyMap<string, number>): FeedStatus {
  const session = asObject(topic("SessionStatus"));
  const track = asObject(topic("TrackStatus"));
  const laps = asObject(topic("LapCount"));
  const code = textOf(track?.Status);
  return {
    sessionStatus: textOf(session?.Status),
    trackStatus: code === null ? null : { code, message: textOf(track?.Message) },
    lapCount: laps ? { current: integerOf(laps.CurrentLap), total: integerOf(laps.TotalLaps) } : null,
    lastMessageAt: Object.fromEntries(lastMessageAt),
  };
}
