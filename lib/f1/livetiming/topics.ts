/** The live-timing topics Pitwall reads, in the order a session's state is built from them. */
export const LIVETIMING_TOPICS = [
  "SessionInfo",
  "Heartbeat",
  "DriverList",
  "SessionStatus",
  "TrackStatus",
  "LapCount",
  "TimingData",
  "TimingAppData",
  "TimingStats",
  "PitLaneTimeCollection",
  "RaceControlMessages",
  "WeatherData",
  "Position.z",
  "CarData.z",
] as const;
export type LiveTimingTopic = (typeof LIVETIMING_TOPICS)[number];

/**
 * Since the 2025 Dutch GP the live feed sends these only to a signed-in F1 TV account; the archive has them once the
 * session is over.
 */
export const ACCOUNT_TOPICS: readonly LiveTimingTopic[] = ["Position.z", "CarData.z"];

export const FREE_TOPICS: readonly LiveTimingTopic[] = LIVETIMING_TOPICS.filter((topic) => !ACCOUNT_TOPICS.includes(topic));

/** What the page says about a live session followed without an account. */
export interface MissingTopics {
  topics: LiveTimingTopic[];
  /** Machine-readable: what the missing topics leave empty. */
  missing: ("track-map" | "car-telemetry")[];
  reason: "no-account";
}

export function missingWithoutAccount(subscribed: readonly string[]): MissingTopics | null {
  const topics = ACCOUNT_TOPICS.filter((topic) => !subscribed.includes(topic));
  if (topics.length === 0) return null;
  const missing = topics.map((topic): MissingTopics["missing"][number] => (topic === "Position.z" ? "track-map" : "car-telemetry"));
  return { topics, missing, reason: "no-account" };
}
