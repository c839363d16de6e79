/** A kind of sync the admin dashboard can show and start: one card, one "Run now" button. */
export interface SyncKind {
  /** Stable id stored in sync_runs.kind, e.g. "raceroom.full-refresh". */
  kind: string;
  label: string;
  description: string;
  /** The event that starts it, with data `{ syncRunId }` (see syncRequested in inngest/client.ts). */
  event: string;
  domain: "platform" | "raceroom" | "iracing" | "endurance" | "f1";
}

/** Every sync kind of the app. A domain appends its kinds here when it adds its Inngest functions. */
export const syncKinds: readonly SyncKind[] = [
  {
    kind: "platform.selftest",
    label: "Platform self-test",
    description: "Walks through a few dozen short steps and reports progress, to prove the job runner end to end.",
    event: "platform/selftest.requested",
    domain: "platform",
  },
  {
    kind: "raceroom.full-refresh",
    label: "RaceRoom full refresh",
    description: "Fetches every leaderboard (layout x class) into a new generation and makes it live in one step. Nightly.",
    event: "raceroom/full-refresh.requested",
    domain: "raceroom",
  },
  {
    kind: "raceroom.incremental-refresh",
    label: "RaceRoom incremental refresh",
    description: "Refetches leaderboards older than a day (and those whose last fetch failed), most popular first. Hourly.",
    event: "raceroom/incremental-refresh.requested",
    domain: "raceroom",
  },
];

export function findSyncKind(kind: string): SyncKind | undefined {
  return syncKinds.find((k) => k.kind === kind);
}
