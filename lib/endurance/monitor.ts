/** What the race monitor needs to know of a race. */
export interface MonitoredRace {
  id: number;
  status: string;
  startsAt: Date;
  endsAt: Date;
  /** An ingestion that has not ended yet. */
  ingesting: boolean;
}

/**
 * Races whose ingestion should start now: scheduled or live, between the scheduled start and the scheduled end plus
 * the grace period, and not being ingested. `now` is passed in, so the decision is testable without a clock.
 */
export function racesToStart(races: readonly MonitoredRace[], now: Date, graceMs: number): number[] {
  const t = now.getTime();
  return races
    .filter((race) => (race.status === "scheduled" || race.status === "live") && !race.ingesting)
    .filter((race) => race.startsAt.getTime() <= t && t <= race.endsAt.getTime() + graceMs)
    .map((race) => race.id);
}

/** Why a running ingestion should stop after a poll, or null to poll again. */
export function stopReason(input: { now: Date; endsAt: Date; graceMs: number; chequered: boolean }): "finished" | "ended" | null {
  if (input.chequered) return "finished";
  if (input.now.getTime() > input.endsAt.getTime() + input.graceMs) return "ended";
  return null;
}
