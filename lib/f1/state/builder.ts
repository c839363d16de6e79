import type { Lap, PitStop, RaceControlMessage, RaceRecord, Triple } from "@/lib/f1/records";
import { lapVerdict } from "./deletions";
import type { BuilderState, DriverEntry, LapEntry } from "./entries";
import { inPitLane, tyreStops } from "./pits";
import type { DriverSnapshot, DriverStatus, LapTime, RaceControlEntry, RaceSnapshot, SectorTime } from "./snapshot";
import { runningOrder } from "./tower";
import { applyRaceControl, initialTrack, leaderStartedLap, neutralisedAt, settle, statusAt } from "./track-status";

/** Race-control messages kept for the feed. */
export const RACE_CONTROL_KEPT = 20;
// A car that moves less than this (track units) between samples has not moved.
const STANDING_STILL = 50;
// A car seen doing nothing for max(this, three fastest laps) while the race runs has retired.
const RETIRED_AFTER_MS = 240_000;
// A lap done this close before the chequered flag (the flag's message is dated to the second) finishes the race.
const CHEQUERED_TOLERANCE_MS = 5_000;

const iso = (ms: number) => new Date(ms).toISOString();

function newDriver(driverNumber: number): DriverEntry {
  return {
    driverNumber,
    acronym: null,
    name: null,
    teamName: null,
    teamColour: null,
    reported: null,
    grid: null,
    gapToLeader: null,
    interval: null,
    intervalAt: null,
    lap: null,
    lapStartedAt: null,
    pitOutLap: false,
    laps: {},
    lastLap: null,
    bestLap: null,
    bestSectors: [null, null, null],
    sectorsLap: null,
    stints: [],
    pits: [],
    lastActivityAt: null,
    lastLapDoneAt: null,
    classifiedOut: false,
    finished: false,
    location: null,
  };
}

/**
 * The race state of one session, built record by record in the order the records became known (see
 * sessionTimeline), each applied at its moment in epoch milliseconds. Applying a record is O(1) apart from rare
 * race-control verdicts; a snapshot is computed on demand. Laps are upserts: a lap sent again with more sectors
 * fills in what is new, as the live feed and the poller deliver them.
 */
export class RaceStateBuilder {
  private constructor(private readonly state: BuilderState) {}

  static start(sessionKey: number | null = null): RaceStateBuilder {
    return new RaceStateBuilder({
      sessionKey,
      sessionType: null,
      at: null,
      drivers: {},
      track: initialTrack(),
      raceControl: [],
      weather: null,
      bestSectors: [null, null, null],
      fastestLap: null,
      leaderLap: null,
      chequeredAt: null,
    });
  }

  /** A builder that carries on from a saved state (a keyframe); the saved state is not shared. */
  static restore(saved: BuilderState): RaceStateBuilder {
    return new RaceStateBuilder(structuredClone(saved));
  }

  /** A copy of the state, plain JSON: keep it as a keyframe, store it, restore it later. */
  save(): BuilderState {
    return structuredClone(this.state);
  }

  /** The moment of the latest record applied. */
  get at(): number | null {
    return this.state.at;
  }

  apply(record: RaceRecord, at: number): void {
    const state = this.state;
    state.sessionKey ??= record.sessionKey;
    // One builder, one session.
    if (record.sessionKey !== state.sessionKey) return;
    state.at = state.at === null ? at : Math.max(state.at, at);
    settle(state.track, at);
    switch (record.kind) {
      case "session":
        state.sessionType = record.type;
        return;
      case "driver": {
        const driver = this.driver(record.driverNumber);
        driver.acronym = record.acronym ?? driver.acronym;
        driver.name = record.fullName ?? record.broadcastName ?? driver.name;
        driver.teamName = record.teamName ?? driver.teamName;
        driver.teamColour = record.teamColour ?? driver.teamColour;
        return;
      }
      case "grid":
        this.driver(record.driverNumber).grid = record.position;
        return;
      case "lap":
        this.applyLap(record, at);
        return;
      case "interval": {
        const driver = this.driver(record.driverNumber);
        // A poll that overlaps the previous one sends rows again: an older row never overrides a newer one.
        if (driver.intervalAt !== null && record.at.getTime() < driver.intervalAt) return;
        driver.gapToLeader = record.gapToLeader;
        driver.interval = record.interval;
        driver.intervalAt = record.at.getTime();
        return;
      }
      case "position": {
        const driver = this.driver(record.driverNumber);
        if (driver.reported === null || record.at.getTime() >= driver.reported.at) driver.reported = { position: record.position, at: record.at.getTime() };
        return;
      }
      case "pit":
        this.applyPit(record, at);
        return;
      case "stint": {
        const driver = this.driver(record.driverNumber);
        const stint = {
          stintNumber: record.stintNumber,
          compound: record.compound,
          lapStart: record.lapStart,
          lapEnd: record.lapEnd,
          tyreAgeAtStart: record.tyreAgeAtStart,
        };
        driver.stints = driver.stints.filter((known) => known.stintNumber !== stint.stintNumber).concat(stint);
        driver.stints.sort((a, b) => a.stintNumber - b.stintNumber);
        return;
      }
      case "race-control":
        this.applyRaceControl(record, at);
        return;
      case "weather":
        if (state.weather !== null && record.at.getTime() < Date.parse(state.weather.at)) return;
        state.weather = {
          at: iso(record.at.getTime()),
          airTemperatureC: record.airTemperatureC,
          trackTemperatureC: record.trackTemperatureC,
          humidityPct: record.humidityPct,
          pressureMbar: record.pressureMbar,
          rainfall: record.rainfall,
          windSpeedMps: record.windSpeedMps,
          windDirectionDeg: record.windDirectionDeg,
        };
        return;
      case "location": {
        const driver = this.driver(record.driverNumber);
        const before = driver.location;
        if (before && record.at.getTime() < before.at) return;
        if (!before || Math.abs(record.x - before.x) + Math.abs(record.y - before.y) > STANDING_STILL) driver.lastActivityAt = at;
        driver.location = { x: record.x, y: record.y, at: record.at.getTime() };
        return;
      }
      case "result": {
        const driver = this.driver(record.driverNumber);
        driver.classifiedOut = record.didNotFinish || record.didNotStart;
        if (record.position !== null) driver.reported = { position: record.position, at };
        return;
      }
    }
  }

  private driver(driverNumber: number): DriverEntry {
    return (this.state.drivers[driverNumber] ??= newDriver(driverNumber));
  }

  private applyLap(record: Lap, at: number): void {
    const state = this.state;
    const driver = this.driver(record.driverNumber);
    const entry: LapEntry = (driver.laps[record.lapNumber] ??= { ms: null, sectors: [null, null, null], deleted: false });
    driver.lastActivityAt = at;
    if (driver.lap === null || record.lapNumber > driver.lap) {
      driver.lap = record.lapNumber;
      driver.lapStartedAt = record.startedAt?.getTime() ?? at;
    }
    if (record.lapNumber === driver.lap) driver.pitOutLap = record.pitOutLap;
    if (state.leaderLap === null || record.lapNumber > state.leaderLap) {
      state.leaderLap = record.lapNumber;
      leaderStartedLap(state.track, at);
    }
    record.sectorMs.forEach((ms, sector) => {
      if (ms === null || entry.sectors[sector] !== null) return;
      entry.sectors[sector] = ms;
      driver.bestSectors[sector] = Math.min(ms, driver.bestSectors[sector] ?? ms);
      state.bestSectors[sector] = Math.min(ms, state.bestSectors[sector] ?? ms);
      if (driver.sectorsLap === null || record.lapNumber >= driver.sectorsLap) driver.sectorsLap = record.lapNumber;
    });
    if (record.lapMs !== null && entry.ms === null) {
      entry.ms = record.lapMs;
      if (driver.lastLap === null || record.lapNumber >= driver.lastLap) driver.lastLap = record.lapNumber;
      driver.lastLapDoneAt = at;
      this.rankLap(driver, record.lapNumber, entry);
      if (state.chequeredAt !== null && at >= state.chequeredAt - CHEQUERED_TOLERANCE_MS) driver.finished = true;
    }
  }

  private rankLap(driver: DriverEntry, lapNumber: number, entry: LapEntry): void {
    if (entry.ms === null || entry.deleted) return;
    const best = driver.bestLap === null ? null : driver.laps[driver.bestLap]?.ms;
    if (best === null || best === undefined || entry.ms < best) driver.bestLap = lapNumber;
    const fastest = this.state.fastestLap;
    if (fastest === null || entry.ms < fastest.ms) this.state.fastestLap = { driverNumber: driver.driverNumber, lapNumber, ms: entry.ms };
  }

  /** After a lap is struck off or given back, the bests are found again among the laps that count. */
  private rerankLaps(): void {
    this.state.fastestLap = null;
    for (const driver of Object.values(this.state.drivers)) {
      driver.bestLap = null;
      for (const [lapNumber, entry] of Object.entries(driver.laps)) this.rankLap(driver, Number(lapNumber), entry);
    }
  }

  private applyPit(record: PitStop, at: number): void {
    const driver = this.driver(record.driverNumber);
    const exitAt = record.at.getTime();
    const entryAt = exitAt - (record.laneMs ?? 0);
    const pit = { lapNumber: record.lapNumber, entryAt, exitAt, laneMs: record.laneMs, neutralised: neutralisedAt(this.state.track, entryAt) };
    driver.pits = driver.pits.filter((known) => known.lapNumber !== pit.lapNumber).concat(pit);
    driver.pits.sort((a, b) => a.exitAt - b.exitAt);
    driver.lastActivityAt = at;
  }

  private applyRaceControl(record: RaceControlMessage, at: number): void {
    const state = this.state;
    const entry: RaceControlEntry = {
      at: iso(record.at.getTime()),
      category: record.category,
      flag: record.flag,
      scope: record.scope,
      sector: record.sector,
      driverNumber: record.driverNumber,
      lapNumber: record.lapNumber,
      message: record.message,
    };
    if (state.raceControl.some((kept) => kept.at === entry.at && kept.message === entry.message)) return;
    state.raceControl = [entry, ...state.raceControl].slice(0, RACE_CONTROL_KEPT);

    const verdict = lapVerdict(record.message);
    if (verdict) {
      const driver = this.driver(verdict.driverNumber);
      (driver.laps[verdict.lapNumber] ??= { ms: null, sectors: [null, null, null], deleted: false }).deleted = verdict.deleted;
      this.rerankLaps();
    }

    const redSince = state.track.redSince;
    applyRaceControl(state.track, record, at);
    if (redSince !== null && state.track.status !== "red") {
      // Nobody moves under a red flag: the cars running when it came out are running again.
      const threshold = this.retiredAfterMs();
      for (const driver of Object.values(state.drivers)) {
        if (driver.lastActivityAt !== null && driver.lastActivityAt >= redSince - threshold) driver.lastActivityAt = at;
      }
    }
    if (state.track.status === "chequered" && state.chequeredAt === null) {
      state.chequeredAt = at;
      for (const driver of Object.values(state.drivers)) {
        if (driver.lastLapDoneAt !== null && driver.lastLapDoneAt >= at - CHEQUERED_TOLERANCE_MS) driver.finished = true;
      }
    }
  }

  private retiredAfterMs(): number {
    return Math.max(RETIRED_AFTER_MS, 3 * (this.state.fastestLap?.ms ?? 0));
  }

  private status(driver: DriverEntry, at: number): DriverStatus {
    const state = this.state;
    if (driver.classifiedOut) return "retired";
    if (driver.finished) return "finished";
    if (inPitLane(driver, at)) return "in-pit";
    const racing = state.sessionType === null || /race|sprint/i.test(state.sessionType);
    const idle = driver.lap !== null && driver.lastActivityAt !== null && at - driver.lastActivityAt > this.retiredAfterMs();
    return racing && idle && state.chequeredAt === null && statusAt(state.track, at) !== "red" ? "retired" : "running";
  }

  private lapTime(driver: DriverEntry, lapNumber: number | null): LapTime | null {
    const entry = lapNumber === null ? undefined : driver.laps[lapNumber];
    if (lapNumber === null || !entry || entry.ms === null) return null;
    const best = driver.bestLap === null ? null : (driver.laps[driver.bestLap]?.ms ?? null);
    const fastest = this.state.fastestLap;
    return {
      lapNumber,
      ms: entry.ms,
      personalBest: !entry.deleted && entry.ms === best,
      overallBest: fastest !== null && fastest.driverNumber === driver.driverNumber && fastest.lapNumber === lapNumber,
      deleted: entry.deleted,
    };
  }

  private driverSnapshot(driver: DriverEntry, position: number, at: number): DriverSnapshot {
    const shown = driver.sectorsLap === null ? undefined : driver.laps[driver.sectorsLap];
    const sectors = [0, 1, 2].map((sector): SectorTime | null => {
      const ms = shown?.sectors[sector] ?? null;
      if (ms === null) return null;
      return { ms, personalBest: ms === driver.bestSectors[sector], overallBest: ms === this.state.bestSectors[sector] };
    }) as Triple<SectorTime | null>;
    const stint = driver.stints.at(-1);
    const lastPit = driver.pits.at(-1);
    return {
      driverNumber: driver.driverNumber,
      acronym: driver.acronym ?? String(driver.driverNumber),
      name: driver.name,
      teamName: driver.teamName,
      teamColour: driver.teamColour,
      position,
      gridPosition: driver.grid,
      gapToLeader: driver.gapToLeader,
      interval: driver.interval,
      lap: driver.lap,
      lastLap: this.lapTime(driver, driver.lastLap),
      bestLap: this.lapTime(driver, driver.bestLap),
      sectors,
      sectorsLap: driver.sectorsLap,
      tyre: stint
        ? {
            compound: stint.compound,
            ageLaps: stint.tyreAgeAtStart === null ? null : stint.tyreAgeAtStart + Math.max(0, (driver.lap ?? stint.lapStart) - stint.lapStart),
            stintNumber: stint.stintNumber,
          }
        : null,
      pitStops: tyreStops(driver),
      lastPitLaneMs: lastPit?.laneMs ?? null,
      status: this.status(driver, at),
      location: driver.location ? { x: driver.location.x, y: driver.location.y } : null,
    };
  }

  /** The state at `at` (default: the latest record's moment), which must not be before the latest record. */
  snapshot(at: number = this.state.at ?? 0): RaceSnapshot {
    const state = this.state;
    const order = runningOrder(Object.values(state.drivers));
    return {
      sessionKey: state.sessionKey,
      at: iso(at),
      lap: state.leaderLap,
      trackStatus: statusAt(state.track, at),
      drivers: order.map((driver, index) => this.driverSnapshot(driver, index + 1, at)),
      raceControl: state.raceControl,
      weather: state.weather,
      fastestLap: state.fastestLap,
    };
  }
}
