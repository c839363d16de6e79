/**
 * Where F1 data comes from. OpenF1 (2023 on; live data needs a paid account) and the official live-timing feed
 * (a free archive of every session since 2018). A session's stored records come from one of them at a time.
 */
export const F1_SOURCES = ["openf1", "livetiming"] as const;
export type F1Source = (typeof F1_SOURCES)[number];

export const SOURCE_LABELS: Record<F1Source, string> = { openf1: "OpenF1", livetiming: "F1 live-timing archive" };

/** What the sessions index says about a session: the sources that list it and its archive folder. */
export interface SessionSources {
  sources: readonly string[];
  archivePath: string | null;
}

/**
 * The default rule for a replay: the archive when it has the session (free, no account, and OpenF1 refuses every
 * request without one while any session is live), otherwise OpenF1.
 */
export function replaySource(session: SessionSources | null): F1Source {
  return session?.archivePath ? "livetiming" : "openf1";
}
