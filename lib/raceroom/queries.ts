import "server-only";
import { sql as rawSql } from "@/lib/db";
import type { SectionFigure } from "@/lib/domains/manifest";
import { entryColumns, readLeaderboardHead } from "./leaderboard-head";
import { ENTRY_WITH_LEADERBOARD } from "./entry-joins";
import { isoTime } from "@/lib/sql";
import { LIVE_GENERATION as LIVE, liveGenerationId } from "./live";
import { DIFFICULTIES, type Difficulty } from "./listing";
import { TOP_LEADERBOARD_SORTS, type TopLeaderboardSort } from "./top-leaderboard-sorts";

export { searchDrivers, type DriverHit, type DriverSearch, type MatchKind } from "./search";
export { DIFFICULTIES, type Difficulty } from "./listing";
export { TOP_LEADERBOARD_SORTS, type TopLeaderboardSort } from "./top-leaderboard-sorts";


export interface LeaderboardRef {
  layoutId: number;
  layoutName: string;
  trackId: number;
  trackName: string;
  classId: number;
  className: string;
}

// ---- Driver detail ----

export interface DriverResult extends LeaderboardRef {
  carId: number | null;
  carName: string;
  position: number;
  /** Entries on the leaderboard. */
  total: number;
  lapTimeMs: number;
  /** Behind the leaderboard's record (0 for the leader). */
  gapMs: number;
  recordLapTimeMs: number;
  /** record / lap time x 100 (100 for the leader). */
  percentOfRecord: number;
  difficulty: Difficulty | null;
  rank: string | null;
  team: string | null;
  achievedAt: string | null;
  /** When the leaderboard's rows were fetched. */
  fetchedAt: string;
}

export interface PersonalBestPoint {
  lapTimeMs: number;
  carName: string;
  position: number;
  achievedAt: string | null;
  /** When Pitwall first saw this time (the refresh that brought it). */
  recordedAt: string;
}

export interface PersonalBestHistory extends LeaderboardRef {
  /**
   * Oldest first, each faster than the one before: the best Pitwall saw before the driver's first improvement,
   * then every improvement. A driver who has not improved on a leaderboard yet has one point, their current best.
   */
  points: PersonalBestPoint[];
}

export interface DriverDetail {
  driver: {
    id: number;
    name: string;
    countryCode: string | null;
    countryName: string | null;
    entryCount: number;
    bestPosition: number | null;
  };
  /** Best position first. */
  results: DriverResult[];
  personalBests: PersonalBestHistory[];
  generationId: number;
}

const BOARD_NAMES = `
  l.id as "layoutId", l.name as "layoutName", t.id as "trackId", t.name as "trackName", c.id as "classId", c.name as "className"`;

/** Everything about one driver in the live generation, with their personal-best history; null when they have no entry. */
export async function driverDetail(driverId: number): Promise<DriverDetail | null> {
  if (!Number.isSafeInteger(driverId) || driverId <= 0) return null;
  const sql = rawSql();
  // One repeatable-read snapshot: the results, totals and history all describe the same generation.
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    const [driver] = await tx<(DriverDetail["driver"] & { generationId: number })[]>`
      select id::float8 as id, name, country_code as "countryCode", country_name as "countryName", entry_count as "entryCount",
             best_position as "bestPosition", generation_id as "generationId"
      from raceroom_drivers where generation_id = ${tx.unsafe(LIVE)} and id = ${driverId}`;
    if (!driver) return null;
    const { generationId, ...identity } = driver;
    const results = await tx<DriverResult[]>`
      select ${tx.unsafe(BOARD_NAMES)}, e.car_id as "carId", e.car_name as "carName", e.position, s.entry_count as total,
             e.lap_time_ms as "lapTimeMs", e.lap_time_ms - r.lap_time_ms as "gapMs", r.lap_time_ms as "recordLapTimeMs",
             round(r.lap_time_ms * 100.0 / e.lap_time_ms, 3)::float8 as "percentOfRecord",
             e.difficulty, e.rank, e.team, ${tx.unsafe(isoTime("e.achieved_at"))} as "achievedAt",
             ${tx.unsafe(isoTime("coalesce(s.fetched_at, s.attempted_at)"))} as "fetchedAt"
      from ${tx.unsafe(ENTRY_WITH_LEADERBOARD)}
      where e.generation_id = ${generationId} and e.driver_id = ${driverId}
      order by e.position, t.name, l.name, c.name`;
    const history = await tx<(LeaderboardRef & PersonalBestPoint)[]>`
      select ${tx.unsafe(BOARD_NAMES)}, p.lap_time_ms as "lapTimeMs", p.car_name as "carName", p.position,
             ${tx.unsafe(isoTime("p.achieved_at"))} as "achievedAt", ${tx.unsafe(isoTime("p.recorded_at"))} as "recordedAt"
      from raceroom_personal_bests p
      join raceroom_layouts l on l.id = p.layout_id
      join raceroom_tracks t on t.id = l.track_id
      join raceroom_classes c on c.id = p.class_id
      where p.driver_id = ${driverId}
      order by t.name, l.name, c.name, p.recorded_at, p.lap_time_ms desc`;
    const byBoard = new Map<string, PersonalBestHistory>();
    for (const row of history) {
      const key = `${row.layoutId}:${row.classId}`;
      let leaderboard = byBoard.get(key);
      if (!leaderboard) {
        leaderboard = { ...pickBoard(row), points: [] };
        byBoard.set(key, leaderboard);
      }
      leaderboard.points.push({ lapTimeMs: row.lapTimeMs, carName: row.carName, position: row.position, achievedAt: row.achievedAt, recordedAt: row.recordedAt });
    }
    // Leaderboards without an improvement yet: their history is the current best (one pass: a driver can hold thousands).
    const bestOnBoard = new Map<string, DriverResult>();
    for (const result of results) {
      const key = `${result.layoutId}:${result.classId}`;
      const held = bestOnBoard.get(key);
      if (!held || result.lapTimeMs < held.lapTimeMs) bestOnBoard.set(key, result);
    }
    for (const [key, best] of bestOnBoard) {
      if (byBoard.has(key)) continue;
      byBoard.set(key, {
        ...pickBoard(best),
        points: [{ lapTimeMs: best.lapTimeMs, carName: best.carName, position: best.position, achievedAt: best.achievedAt, recordedAt: best.fetchedAt }],
      });
    }
    return { driver: identity, results, personalBests: [...byBoard.values()], generationId };
  });
}

function pickBoard(row: LeaderboardRef): LeaderboardRef {
  return {
    layoutId: row.layoutId,
    layoutName: row.layoutName,
    trackId: row.trackId,
    trackName: row.trackName,
    classId: row.classId,
    className: row.className,
  };
}

// ---- LeaderboardPage ----

export interface LeaderboardEntryRow {
  position: number;
  driverId: number;
  driverName: string;
  countryCode: string | null;
  countryName: string | null;
  carId: number | null;
  carName: string;
  lapTimeMs: number;
  gapMs: number;
  percentOfRecord: number;
  difficulty: Difficulty | null;
  rank: string | null;
  team: string | null;
  achievedAt: string | null;
}

export interface LeaderboardPageOptions {
  /** 1-based. */
  page?: number;
  /** Default 50, at most 500. */
  pageSize?: number;
  difficulty?: Difficulty;
  /** A catalogue car id. */
  carId?: number;
  /** Find this driver's best entry on the leaderboard (under the filters) and report its page. */
  highlightDriverId?: number;
}

export interface LeaderboardPage extends LeaderboardRef {
  generationId: number;
  /** Entries on the whole leaderboard. */
  total: number;
  /** Entries matching the filters. */
  filteredTotal: number;
  page: number;
  pageSize: number;
  pageCount: number;
  recordLapTimeMs: number | null;
  entries: LeaderboardEntryRow[];
  /** For the car filter: cars on this leaderboard with their entry counts. */
  cars: { carId: number | null; carName: string; entries: number }[];
  difficulties: { difficulty: Difficulty; entries: number }[];
  highlight: { driverId: number; position: number; page: number } | null;
  fetchedAt: string | null;
  /** Why the leaderboard is flagged (its last fetch failed or came back empty, older rows shown), or null. */
  flag: string | null;
}

/** One page of a leaderboard in the live generation; null when the layout or class is unknown or there is no live data. */
export async function leaderboardPage(layoutId: number, classId: number, options: LeaderboardPageOptions = {}): Promise<LeaderboardPage | null> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? 50), 1), 500);
  const difficulty = options.difficulty && DIFFICULTIES.includes(options.difficulty) ? options.difficulty : null;
  const carId = options.carId ?? null;
  const highlightId = options.highlightDriverId ?? null;
  const sql = rawSql();
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    const leaderboard = await readLeaderboardHead(tx, layoutId, classId, { difficulty, carId });
    if (!leaderboard) return null;
    const { head, filter, filteredTotal, record } = leaderboard;
    const pageCount = Math.max(1, Math.ceil(filteredTotal / pageSize));

    let highlight: LeaderboardPage["highlight"] = null;
    if (highlightId !== null) {
      const [found] = await tx<{ position: number; before: number }[]>`
        select h.position, (select count(*)::int from raceroom_entries e where ${filter} and e.position < h.position) as before
        from raceroom_entries h
        where h.generation_id = ${head.generationId} and h.layout_id = ${layoutId} and h.class_id = ${classId} and h.driver_id = ${highlightId}
          and (${difficulty}::text is null or h.difficulty = ${difficulty}::text) and (${carId}::int is null or h.car_id = ${carId}::int)
        order by h.position limit 1`;
      if (found) highlight = { driverId: highlightId, position: found.position, page: Math.floor(found.before / pageSize) + 1 };
    }
    const page = Math.min(Math.max(Math.trunc(options.page ?? highlight?.page ?? 1), 1), pageCount);

    const entries = await tx<LeaderboardEntryRow[]>`
      select ${entryColumns(tx, record)}
      from raceroom_entries e where ${filter}
      order by e.position
      limit ${pageSize} offset ${(page - 1) * pageSize}`;
    const cars = await tx<LeaderboardPage["cars"]>`
      select car_id as "carId", car_name as "carName", count(*)::int as entries from raceroom_entries
      where generation_id = ${head.generationId} and layout_id = ${layoutId} and class_id = ${classId}
      group by car_id, car_name order by entries desc, car_name`;
    const difficulties = await tx<LeaderboardPage["difficulties"]>`
      select difficulty, count(*)::int as entries from raceroom_entries
      where generation_id = ${head.generationId} and layout_id = ${layoutId} and class_id = ${classId} and difficulty is not null
      group by difficulty order by entries desc`;
    return {
      ...pickBoard(head),
      generationId: head.generationId,
      total: head.total,
      filteredTotal,
      page,
      pageSize,
      pageCount,
      recordLapTimeMs: record,
      entries,
      cars,
      difficulties,
      highlight,
      fetchedAt: head.fetchedAt,
      flag: head.flag,
    };
  });
}

// ---- Top leaderboards ----

export interface TopLeaderboard extends LeaderboardRef {
  entryCount: number;
  fetchedAt: string | null;
  flag: string | null;
  leader: { driverId: number; name: string; lapTimeMs: number } | null;
}

export interface TopLeaderboards {
  /** Leaderboards with entries matching the filters. */
  total: number;
  leaderboards: TopLeaderboard[];
}


// The orders a caller may choose, written here in full: the SQL never holds text from the request.
const TOP_LEADERBOARD_ORDER: Record<TopLeaderboardSort, string> = {
  entries: "s.entry_count desc, t.name, l.name, c.name",
  track: "t.name, l.name, s.entry_count desc, c.name",
  class: "c.name, s.entry_count desc, t.name, l.name",
};

/**
 * Leaderboards of the live generation, optionally for one track and/or one class: those with the most entries first,
 * or (`sort`) by track or by class name, the busiest first within each.
 */
export async function topLeaderboards(
  options: { trackId?: number; classId?: number; sort?: TopLeaderboardSort; limit?: number; offset?: number } = {},
): Promise<TopLeaderboards> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const trackId = options.trackId ?? null;
  const classId = options.classId ?? null;
  const order = TOP_LEADERBOARD_ORDER[TOP_LEADERBOARD_SORTS.find((sort) => sort === options.sort) ?? "entries"];
  const rows = await rawSql()<(TopLeaderboard & { leaderId: number | null; leaderName: string | null; leaderLap: number | null; total: number })[]>`
    select ${rawSql().unsafe(BOARD_NAMES)}, s.entry_count as "entryCount", ${rawSql().unsafe(isoTime("s.fetched_at"))} as "fetchedAt", s.flag,
           r.driver_id::float8 as "leaderId", r.driver_name as "leaderName", r.lap_time_ms as "leaderLap", count(*) over ()::int as total
    from raceroom_leaderboards s
    join raceroom_layouts l on l.id = s.layout_id
    join raceroom_tracks t on t.id = l.track_id
    join raceroom_classes c on c.id = s.class_id
    left join raceroom_entries r on r.generation_id = s.generation_id and r.layout_id = s.layout_id and r.class_id = s.class_id and r.position = 1
    where s.generation_id = ${rawSql().unsafe(LIVE)} and s.entry_count > 0
      and (${trackId}::int is null or l.track_id = ${trackId}::int) and (${classId}::int is null or s.class_id = ${classId}::int)
    order by ${rawSql().unsafe(order)}
    limit ${limit} offset ${offset}`;
  return {
    total: rows[0]?.total ?? 0,
    leaderboards: rows.map(({ leaderId, leaderName, leaderLap, total, ...row }) => ({
      ...row,
      leader: leaderId !== null && leaderName !== null && leaderLap !== null ? { driverId: leaderId, name: leaderName, lapTimeMs: leaderLap } : null,
    })),
  };
}

/** Tracks and classes that have leaderboards with entries, for the filters of the leaderboards page. */
export async function leaderboardFilters(): Promise<{ tracks: { id: number; name: string }[]; classes: { id: number; name: string }[] }> {
  const sql = rawSql();
  const [tracks, classes] = await Promise.all([
    sql<{ id: number; name: string }[]>`
      select distinct t.id, t.name from raceroom_leaderboards s join raceroom_layouts l on l.id = s.layout_id join raceroom_tracks t on t.id = l.track_id
      where s.generation_id = ${sql.unsafe(LIVE)} and s.entry_count > 0 order by t.name`,
    sql<{ id: number; name: string }[]>`
      select distinct c.id, c.name from raceroom_leaderboards s join raceroom_classes c on c.id = s.class_id
      where s.generation_id = ${sql.unsafe(LIVE)} and s.entry_count > 0 order by c.name`,
  ]);
  return { tracks, classes };
}

// ---- Movers ----

export interface Mover extends LeaderboardRef {
  driverId: number;
  driverName: string;
  countryCode: string | null;
  carName: string;
  previousPosition: number;
  position: number;
  /** Places gained. */
  climb: number;
  previousLapTimeMs: number;
  lapTimeMs: number;
}

/** The biggest climbs between the live generation and the one before it (empty after the first refresh). */
export async function movers(options: { limit?: number } = {}): Promise<{ generationId: number | null; previousGenerationId: number | null; movers: Mover[] }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 500);
  const sql = rawSql();
  const rows = await sql<(Mover & { generationId: number; previousGenerationId: number })[]>`
    select m.generation_id as "generationId", m.previous_generation_id as "previousGenerationId", ${sql.unsafe(BOARD_NAMES)},
           m.driver_id::float8 as "driverId", d.name as "driverName", d.country_code as "countryCode", m.car_name as "carName",
           m.previous_position as "previousPosition", m.position, m.previous_position - m.position as climb,
           m.previous_lap_time_ms as "previousLapTimeMs", m.lap_time_ms as "lapTimeMs"
    from raceroom_movers m
    join raceroom_drivers d on d.generation_id = m.generation_id and d.id = m.driver_id
    join raceroom_layouts l on l.id = m.layout_id
    join raceroom_tracks t on t.id = l.track_id
    join raceroom_classes c on c.id = m.class_id
    where m.generation_id = ${sql.unsafe(LIVE)}
    order by m.rank
    limit ${limit}`;
  return {
    generationId: await liveGenerationId(sql),
    previousGenerationId: rows[0]?.previousGenerationId ?? null,
    movers: rows.map(({ generationId, previousGenerationId, ...mover }) => mover),
  };
}

// ---- Refresh status ----

export interface RefreshStatus {
  live: {
    generationId: number;
    startedAt: string;
    promotedAt: string;
    entries: number;
    drivers: number;
    leaderboards: number;
    leaderboardsWithEntries: number;
    flagged: number;
    promotionMs: number | null;
  } | null;
  /** A full refresh that is being built (or was interrupted and will resume). */
  running: {
    generationId: number;
    startedAt: string;
    leaderboardsDone: number;
    leaderboardsTotal: number;
    entries: number;
    syncRunId: string | null;
  } | null;
  /** The most recent incremental refetch of a live leaderboard. */
  lastIncrementalAt: string | null;
}

export async function refreshStatus(): Promise<RefreshStatus> {
  const sql = rawSql();
  const [live] = await sql<NonNullable<RefreshStatus["live"]>[]>`
    select g.id as "generationId", ${sql.unsafe(isoTime("g.started_at"))} as "startedAt", ${sql.unsafe(isoTime("g.promoted_at"))} as "promotedAt",
           g.entry_count as entries,
           g.driver_count as drivers, g.leaderboards_total as leaderboards, g.leaderboards_with_entries as "leaderboardsWithEntries",
           g.flagged_count as flagged, g.promotion_ms as "promotionMs"
    from raceroom_generations g where g.id = ${sql.unsafe(LIVE)}`;
  const [running] = await sql<NonNullable<RefreshStatus["running"]>[]>`
    select g.id as "generationId", ${sql.unsafe(isoTime("g.started_at"))} as "startedAt", g.leaderboards_total as "leaderboardsTotal", g.sync_run_id as "syncRunId",
           count(s.layout_id)::int as "leaderboardsDone", coalesce(sum(s.entry_count), 0)::int as entries
    from raceroom_generations g left join raceroom_leaderboards s on s.generation_id = g.id
    where g.status = 'pending'
    group by g.id order by g.id desc limit 1`;
  const [incremental] = await sql<{ at: string | null }[]>`
    select ${sql.unsafe(isoTime("max(s.fetched_at)"))} as at from raceroom_leaderboards s
    where s.generation_id = ${sql.unsafe(LIVE)} and s.fetched_at > (select promoted_at from raceroom_live where id = 1)`;
  return { live: live ?? null, running: running ?? null, lastIncrementalAt: incremental?.at ?? null };
}

/** The home page's RaceRoom figures: entries, drivers and leaderboards with entries in the live generation. */
export async function raceroomFigures(): Promise<SectionFigure[]> {
  const [row] = await rawSql()<{ entries: number; drivers: number; leaderboards: number }[]>`
    select coalesce(max(entry_count), 0)::int as entries, coalesce(max(driver_count), 0)::int as drivers,
           coalesce(max(leaderboards_with_entries), 0)::int as leaderboards
    from raceroom_generations where id = ${rawSql().unsafe(LIVE)}`;
  return [
    { label: "Leaderboard entries", value: row?.entries ?? 0 },
    { label: "Drivers", value: row?.drivers ?? 0 },
    { label: "Leaderboards with entries", value: row?.leaderboards ?? 0 },
  ];
}
