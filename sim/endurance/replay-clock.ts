/**
 * Race time of a replay as a function of wall time: started at some race time and speed, then paused,
 * resumed or moved. The wall clock is injected, so tests move it instead of waiting.
 */
export type ReplayStatus = "waiting" | "running" | "paused" | "finished";

export class ReplayClock {
  private anchorWallMs = 0;
  private anchorRaceMs = 0;
  private state: "waiting" | "running" | "paused" = "waiting";

  constructor(
    private readonly now: () => number,
    /** Race time at which the replay has nothing left to show. */
    private readonly endMs: number,
    /** Race milliseconds per wall millisecond. */
    private speed: number,
  ) {}

  /** Race time now, between 0 and the end. */
  raceTimeMs(): number {
    const raw = this.state === "running" ? this.anchorRaceMs + (this.now() - this.anchorWallMs) * this.speed : this.anchorRaceMs;
    return Math.min(this.endMs, Math.max(0, raw));
  }

  status(): ReplayStatus {
    if (this.state === "waiting") return "waiting";
    if (this.raceTimeMs() >= this.endMs) return "finished";
    return this.state;
  }

  currentSpeed(): number {
    return this.speed;
  }

  start(speed = this.speed, fromMs = 0): void {
    this.speed = speed;
    this.anchor(fromMs);
    this.state = "running";
  }

  seek(raceTimeMs: number): void {
    this.anchor(raceTimeMs);
    if (this.state === "waiting") this.state = "paused";
  }

  pause(): void {
    this.anchor(this.raceTimeMs());
    if (this.state === "running") this.state = "paused";
  }

  resume(speed = this.speed): void {
    this.anchor(this.raceTimeMs());
    this.speed = speed;
    this.state = "running";
  }

  private anchor(raceTimeMs: number): void {
    this.anchorRaceMs = Math.min(this.endMs, Math.max(0, raceTimeMs));
    this.anchorWallMs = this.now();
  }
}
