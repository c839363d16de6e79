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

/** What the page says about a live session when account-only topics do not come: machine-readable. */
export interface MissingTopics {
  topics: LiveTimingTopic[];
  /** What the missing topics leave empty. */
  missing: ("track-map" | "car-telemetry")[];
  /** "no-account": followed without an F1 TV token; "not-sent": a token was given, the feed sent nothing anyway. */
  reason: "no-account" | "not-sent";
}

/** The account-only topics not coming in, or null when every one of them does. */
export function missingTopics(notComing: readonly LiveTimingTopic[], withToken: boolean): MissingTopics | null {
  const topics = ACCOUNT_TOPICS.filter((topic) => notComing.includes(topic));
  if (topics.length === 0) return null;
  const missing = topics.map((topic): MissingTopics["missing"][number] => (topic === "Position.z" ? "track-map" : "car-telemetry"));
  return { topics, missing, reason: withToken ? "not-sent" : "no-account" };
}

/** The page's note on what a session's feed leaves out, in words. */
export function archiveNote(missing: MissingTopics | null): string | null {
  if (!missing) return null;
  const what = missing.missing.map((part) => (part === "track-map" ? "car positions (the track map stays empty)" : "car telemetry")).join(" or ");
  switch (missing.reason) {
    case "no-account":
      return `Live ${what} need an F1 TV account (F1_TV_TOKEN); timing, tyres and race control still come. Replays of the archive have everything once the session is over.`;
    case "not-sent":
      return `This session's feed has no ${what}.`;
  }
}
