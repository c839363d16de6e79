import type { F1Source } from "./sources";
import type { RaceSnapshot } from "./state/snapshot";

/** The feeds a poller reads, each with its own freshness on the page. */
export const FEEDS = ["intervals", "position", "location", "laps", "race_control", "pit", "stints", "weather"] as const;
export type Feed = (typeof FEEDS)[number];

export interface FeedFreshness {
  /** The date of the newest record the feed brought (session time). */
  newest: string | null;
  /** When the feed last brought something (wall clock). */
  receivedAt: string | null;
}

export type PollerStatus = "running" | "needs-account" | "finished" | "stopped" | "failed";

export interface SessionSummary {
  sessionKey: number;
  meetingKey: number;
  name: string;
  type: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  countryName: string | null;
  circuitShortName: string | null;
}

/**
 * The answer of /api/v1/f1/live, stored whole with each snapshot: the race state after a poll, what session it is,
 * how the poller is doing and how fresh each feed is. `sequence` increases with every snapshot of any session.
 */
export interface LiveFeed {
  sequence: number;
  mode: "live" | "replay" | "idle";
  status: PollerStatus | "idle";
  /** Shown to people: why there is no live data. */
  message: string | null;
  /** When this snapshot was written (wall clock). */
  publishedAt: string;
  session: SessionSummary | null;
  /** Which source the state comes from, and what it leaves out. */
  source: { kind: F1Source; label: string; note: string | null } | null;
  replay: { speed: number; from: string; startedAt: string } | null;
  feeds: Partial<Record<Feed, FeedFreshness>>;
  state: RaceSnapshot | null;
}
