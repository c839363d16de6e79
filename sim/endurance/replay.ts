import { readFileSync } from "node:fs";
import type { RaceSpec } from "./config";
import { fileAt, readRaceFile, type RaceFile } from "./race-file";
import { raceDataAt, raceResultsAt, type LiveSession } from "./live-scoring";
import { ReplayClock, type ReplayStatus } from "./replay-clock";
import { resultsDocument } from "./results";
import { syntheticRace } from "./synthetic";

export interface ReplaySummary {
  id: string;
  name: string;
  event: string;
  status: ReplayStatus;
  speed: number;
  raceTimeMs: number;
  scheduledMs: number;
  endMs: number;
  /** Lap lines the analysis file holds now. */
  laps: number;
}

/** One race being replayed: its file, its clock, and what each endpoint serves at the current race time. */
export class RaceReplay {
  readonly file: RaceFile;
  readonly clock: ReplayClock;
  readonly scheduledMs: number;
  private readonly session: LiveSession;

  constructor(
    readonly spec: RaceSpec,
    seed: number,
    now: () => number,
  ) {
    this.file = readRaceFile(sourceBytes(spec, seed));
    this.scheduledMs = spec.scheduledMs ?? this.file.scheduledMs;
    this.clock = new ReplayClock(now, this.file.endMs, spec.speed);
    this.session = { name: spec.name, event: spec.event, track: spec.track };
    if (spec.live) this.clock.start();
  }

  analysisFile(): Buffer {
    return fileAt(this.file, this.clock.raceTimeMs());
  }

  raceResults(): Record<string, unknown> {
    return this.clock.status() === "waiting" ? { B: [] } : raceResultsAt(this.file, this.clock.raceTimeMs(), this.session);
  }

  raceData(): Record<string, string> {
    if (this.clock.status() === "waiting") return { A: "", B: "", C: "0", T: "" };
    return raceDataAt(this.file, this.clock.raceTimeMs(), this.scheduledMs);
  }

  /** The results document, once the replay has reached the end. */
  results(): Record<string, unknown> | null {
    return this.clock.status() === "finished" ? resultsDocument(this.file, this.session, this.scheduledMs) : null;
  }

  summary(): ReplaySummary {
    const raceTimeMs = this.clock.raceTimeMs();
    return {
      id: this.spec.id,
      name: this.spec.name,
      event: this.spec.event,
      status: this.clock.status(),
      speed: this.clock.currentSpeed(),
      raceTimeMs,
      scheduledMs: this.scheduledMs,
      endMs: this.file.endMs,
      laps: this.file.rows.filter((row) => row.elapsedMs <= raceTimeMs).length,
    };
  }
}

function sourceBytes(spec: RaceSpec, seed: number): Buffer {
  const { source } = spec;
  if ("csv" in source) return Buffer.from(source.csv, "utf8");
  if ("path" in source) return readFileSync(source.path);
  return Buffer.from(syntheticRace({ ...source.synthetic, seed: source.synthetic.seed ?? seed }), "utf8");
}
