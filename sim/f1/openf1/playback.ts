import { openf1Date, rowDate, shiftRow, type Dataset, type Row, type Sampler } from "./rows";

/** A row of the session being played: from when it can be seen, and how much of it at a moment. */
interface LiveRow {
  visibleAt: number;
  /** The row moved to the playback's dates, whole. */
  row: Row;
  /** The row as known at a moment of the session (laps fill in sector by sector, stints grow). */
  at?: (moment: number) => Row;
}

const num = (value: unknown) => (typeof value === "number" ? value : null);
const ms = (seconds: unknown) => (typeof seconds === "number" ? Math.round(seconds * 1000) : null);
const ALWAYS = Number.NEGATIVE_INFINITY;

interface LapMoments {
  start: number | null;
  end: number | null;
  sectorEnds: (number | null)[];
}

/** When each lap started, ended and had its sectors done, per driver: from date_start and the durations. */
function lapMoments(laps: readonly Row[]): Map<Row, LapMoments> {
  const byDriver = new Map<unknown, Row[]>();
  for (const lap of laps) {
    const driverLaps = byDriver.get(lap.driver_number);
    if (driverLaps) driverLaps.push(lap);
    else byDriver.set(lap.driver_number, [lap]);
  }
  const moments = new Map<Row, LapMoments>();
  for (const driverLaps of byDriver.values()) {
    driverLaps.sort((a, b) => (num(a.lap_number) ?? 0) - (num(b.lap_number) ?? 0));
    driverLaps.forEach((lap, index) => {
      const next = driverLaps[index + 1];
      const sectors = [ms(lap.duration_sector_1), ms(lap.duration_sector_2), ms(lap.duration_sector_3)];
      const total = (values: (number | null)[]) => (values.every((value) => value !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null);
      let start = rowDate(lap.date_start);
      const duration = ms(lap.lap_duration) ?? total(sectors);
      const nextStart = next && num(next.lap_number) === (num(lap.lap_number) ?? 0) + 1 ? rowDate(next.date_start) : null;
      const end = start !== null && duration !== null ? start + duration : nextStart;
      if (start === null && end !== null && duration !== null) start = end - duration;
      const sectorEnds = sectors.map((sector, i) => {
        if (sector === null) return null;
        const before = total(sectors.slice(0, i + 1));
        const after = total(sectors.slice(i + 1));
        if (start !== null && before !== null) return start + before;
        return end !== null && after !== null ? end - after : null;
      });
      moments.set(lap, { start, end, sectorEnds });
    });
  }
  return moments;
}

const SECTOR_FIELDS = [
  ["duration_sector_1", "i1_speed", "segments_sector_1"],
  ["duration_sector_2", "i2_speed", "segments_sector_2"],
  ["duration_sector_3", "segments_sector_3"],
] as const;

/** A lap row as the live API shows it during the lap: sector times appear as the sectors are done. */
function lapAt(row: Row, moments: LapMoments, moment: number): Row {
  if (moments.end !== null && moment >= moments.end) return row;
  const partial: Row = { ...row, lap_duration: null, st_speed: null };
  SECTOR_FIELDS.forEach((fields, sector) => {
    const done = moments.sectorEnds[sector];
    if (done === null || done === undefined || moment < done) for (const field of fields) partial[field] = null;
  });
  return partial;
}

export interface PlaybackStatus {
  sessionKey: number;
  speed: number;
  live: boolean;
  /** Simulated now, in the dates the playback serves. */
  simulatedNow: string;
  sessionStart: string;
  sessionEnd: string;
}

/**
 * One session played as if live: its rows moved to today (the session starts `offsetMs` into its data when the
 * playback starts) and shown only once simulated time has reached them, simulated time running `speed` times as
 * fast as the clock. Other sessions are served as they are.
 */
export class Playback {
  private stoppedAt: number | null = null;
  private readonly rows = new Map<Row, LiveRow>();
  private readonly shiftMs: number;
  private readonly from: number;
  private readonly sessionStart: number;
  private readonly sessionEnd: number;

  constructor(
    dataset: Dataset,
    private readonly session: Row,
    readonly speed: number,
    offsetMs: number,
    private readonly startedAt: number,
  ) {
    this.sessionStart = rowDate(session.date_start) ?? 0;
    this.sessionEnd = rowDate(session.date_end) ?? this.sessionStart;
    this.from = this.sessionStart + offsetMs;
    this.shiftMs = Math.round(startedAt - this.from);
    const sessionKey = session.session_key;
    const moments = lapMoments((dataset.tables.get("laps") ?? []).filter((lap) => lap.session_key === sessionKey));
    const lapsDone = new Map<unknown, { lapNumber: number; end: number }[]>();
    const lapStarts = new Map<string, number>();
    for (const [lap, moment] of moments) {
      if (moment.end !== null) {
        const done = lapsDone.get(lap.driver_number) ?? [];
        done.push({ lapNumber: num(lap.lap_number) ?? 0, end: moment.end });
        lapsDone.set(lap.driver_number, done);
      }
      if (moment.start !== null) lapStarts.set(`${String(lap.driver_number)}/${String(lap.lap_number)}`, moment.start);
    }

    for (const [endpoint, table] of dataset.tables) {
      for (const row of table) {
        if (row.session_key !== sessionKey && !(endpoint === "meetings" && row.meeting_key === session.meeting_key)) continue;
        const shifted = shiftRow(row, this.shiftMs);
        const lap = endpoint === "laps" ? moments.get(row) : undefined;
        if (lap) {
          const visibleAt = lap.start ?? lap.sectorEnds.find((moment) => moment !== null) ?? lap.end ?? this.sessionEnd;
          this.rows.set(row, { visibleAt, row: shifted, at: (moment) => lapAt(shifted, lap, moment) });
        } else if (endpoint === "stints") {
          const lapStart = num(row.lap_start) ?? 1;
          const finalEnd = num(row.lap_end);
          const opened = lapStart <= 1 ? ALWAYS : (lapStarts.get(`${String(row.driver_number)}/${lapStart}`) ?? ALWAYS);
          const done = lapsDone.get(row.driver_number) ?? [];
          this.rows.set(row, {
            visibleAt: opened,
            row: shifted,
            at: (moment) => {
              const completed = Math.max(0, ...done.filter((lapDone) => lapDone.end <= moment).map((lapDone) => lapDone.lapNumber));
              return { ...shifted, lap_end: Math.max(lapStart, Math.min(finalEnd ?? completed, completed)) };
            },
          });
        } else if (endpoint === "session_result") {
          this.rows.set(row, { visibleAt: this.sessionEnd, row: shifted });
        } else {
          this.rows.set(row, { visibleAt: rowDate(row.date) ?? ALWAYS, row: shifted });
        }
      }
    }
  }

  get sessionKey(): number {
    return num(this.session.session_key) ?? 0;
  }

  get meetingKey(): number {
    return num(this.session.meeting_key) ?? 0;
  }

  /** Simulated now, in the session's own dates. */
  moment(clock: number): number {
    const running = this.from + (clock - this.startedAt) * this.speed;
    return this.stoppedAt === null ? running : Math.min(running, this.stoppedAt);
  }

  live(clock: number): boolean {
    return this.stoppedAt === null && this.moment(clock) < this.sessionEnd;
  }

  stop(clock: number): void {
    this.stoppedAt ??= this.moment(clock);
  }

  /** A table with the played session's rows as they can be seen now. */
  project(table: readonly Row[], clock: number): Row[] {
    const moment = this.moment(clock);
    const rows: Row[] = [];
    for (const row of table) {
      const live = this.rows.get(row);
      if (!live) rows.push(row);
      else if (live.visibleAt <= moment) rows.push(this.ended(live.at ? live.at(moment) : live.row));
    }
    return rows;
  }

  /** A stopped session ended when it was stopped. */
  private ended(row: Row): Row {
    if (this.stoppedAt === null || !("session_name" in row) || row.session_key !== this.session.session_key) return row;
    return { ...row, date_end: openf1Date(this.stoppedAt + this.shiftMs, false) };
  }

  /** Sampled rows of the played session between two served dates, up to simulated now. */
  sample(sampler: Sampler, from: number, to: number, clock: number): Row[] {
    const until = Math.min(to - this.shiftMs, this.moment(clock));
    return sampler(this.sessionKey, from - this.shiftMs, until).map((row) => shiftRow(row, this.shiftMs));
  }

  status(clock: number): PlaybackStatus {
    return {
      sessionKey: this.sessionKey,
      speed: this.speed,
      live: this.live(clock),
      simulatedNow: new Date(this.moment(clock) + this.shiftMs).toISOString(),
      sessionStart: new Date(this.sessionStart + this.shiftMs).toISOString(),
      sessionEnd: new Date((this.stoppedAt ?? this.sessionEnd) + this.shiftMs).toISOString(),
    };
  }
}
