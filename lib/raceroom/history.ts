import type postgres from "postgres";
import { comparisonName, partitionName } from "./partitions";

type Tx = postgres.TransactionSql;

/** How many of the biggest climbs between two generations are kept. */
export const MOVERS_KEPT = 500;

export interface History {
  personalBests: number;
  movers: number;
}

/**
 * Compares a built generation with `previousId` (the live one), ahead of its promotion, into two tables of its own:
 * - raceroom_changes_g<id>: the entries that are new, climbed or got faster (same driver, leaderboard and car), by one
 *   hash join of the two generations. Entries that only drop because others improved are most of a leaderboard and matter
 *   neither to movers nor to personal bests. (The planner badly underestimates this four-column join and picks a
 *   merge join on the leaderboard alone, quadratic in leaderboard size: hash joins only.)
 * - raceroom_bests_g<id>: each driver and leaderboard whose best lap beats their previous best there, with both bests.
 *   Only leaderboards where one of the driver's entries is new or faster are looked at.
 * Reads the two generations only, so it can run while the new one is still being indexed; records which revision of
 * `previousId` it saw, so that promotion can tell whether the incremental refresh changed it since.
 */
export async function compareGenerations(tx: Tx, generationId: number, previousId: number): Promise<number> {
  const { changes, bests } = comparisonTables(generationId);
  // By partition name: the new generation is not attached to raceroom_entries yet.
  const entries = tx(partitionName("raceroom_entries", generationId));
  const previous = tx(partitionName("raceroom_entries", previousId));
  const columns = tx.unsafe("generation_id, driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at");
  // Read first: a replacement committed after this is seen as a newer revision at promotion.
  const [live] = await tx<{ revision: number }[]>`select revision from raceroom_generations where id = ${previousId}`;
  await tx`set local work_mem = '512MB'`;
  await tx`set local enable_mergejoin = off`;
  await tx`set local enable_nestloop = off`;
  await tx`drop table if exists ${tx(changes)}, ${tx(bests)}`;
  const created = await tx`
    create table ${tx(changes)} as
    select n.driver_id, n.layout_id, n.class_id, n.car_name, n.position, n.lap_time_ms,
           o.position as previous_position, o.lap_time_ms as previous_lap_time_ms
    from ${entries} n
    left join ${previous} o
      on o.layout_id = n.layout_id and o.class_id = n.class_id and o.driver_id = n.driver_id and o.car_name = n.car_name
    where o.position is null or o.position > n.position or o.lap_time_ms > n.lap_time_ms`;
  // Each candidate's entries on its leaderboard, in both generations, through the driver indexes.
  await tx`set local enable_nestloop = on`;
  await tx`
    create table ${tx(bests)} as
    with k as (
      select distinct driver_id, layout_id, class_id from ${tx(changes)}
      where previous_lap_time_ms is null or lap_time_ms < previous_lap_time_ms
    ),
    best as (
      select distinct on (e.generation_id, e.driver_id, e.layout_id, e.class_id)
             e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.car_name, e.position, e.achieved_at
      from k join (select ${columns} from ${entries} union all select ${columns} from ${previous}) e
        on e.driver_id = k.driver_id and e.layout_id = k.layout_id and e.class_id = k.class_id
      order by e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.position
    )
    select n.driver_id, n.layout_id, n.class_id, n.lap_time_ms, n.car_name, n.position, n.achieved_at,
           o.lap_time_ms as previous_lap_time_ms, o.car_name as previous_car_name, o.position as previous_position,
           o.achieved_at as previous_achieved_at, s.fetched_at as previous_fetched_at
    from best n
    join best o on o.generation_id = ${previousId} and o.driver_id = n.driver_id and o.layout_id = n.layout_id and o.class_id = n.class_id
    left join raceroom_leaderboards s on s.generation_id = ${previousId} and s.layout_id = n.layout_id and s.class_id = n.class_id
    where n.generation_id = ${generationId} and n.lap_time_ms < o.lap_time_ms`;
  await tx`update raceroom_generations set compared_with = ${previousId}, compared_revision = ${live?.revision ?? 0} where id = ${generationId}`;
  return created.count;
}

export function comparisonTables(generationId: number): { changes: string; bests: string } {
  return { changes: comparisonName("raceroom_changes", generationId), bests: comparisonName("raceroom_bests", generationId) };
}

/** Whether `generationId` was compared with `previousId` as it is now (no leaderboard replaced since). */
export async function comparisonIsCurrent(tx: Tx, generationId: number, previousId: number): Promise<boolean> {
  const [row] = await tx<{ current: boolean }[]>`
    select g.compared_with = p.id and g.compared_revision = p.revision as current
    from raceroom_generations g, raceroom_generations p where g.id = ${generationId} and p.id = ${previousId}`;
  return row?.current === true;
}

/**
 * Records what compareGenerations found, inside the promotion transaction: personal-best history (the new best and,
 * when the driver has no history on that leaderboard yet, the previous best as its starting point; unchanged times add
 * nothing, so the table grows with improvements only) and the biggest climbs.
 */
export async function recordHistory(tx: Tx, generationId: number, previousId: number): Promise<History> {
  const { changes, bests } = comparisonTables(generationId);
  const personalBests = await tx`
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id, recorded_at)
    select b.driver_id, b.layout_id, b.class_id, b.previous_lap_time_ms, b.previous_car_name, b.previous_position, b.previous_achieved_at,
           ${previousId}::int, coalesce(b.previous_fetched_at, now())
    from ${tx(bests)} b
    where not exists (
      select 1 from raceroom_personal_bests p where p.driver_id = b.driver_id and p.layout_id = b.layout_id and p.class_id = b.class_id
    )
    union all
    select b.driver_id, b.layout_id, b.class_id, b.lap_time_ms, b.car_name, b.position, b.achieved_at, ${generationId}::int, now()
    from ${tx(bests)} b`;
  const movers = await tx`
    insert into raceroom_movers (generation_id, rank, previous_generation_id, driver_id, layout_id, class_id, car_name,
                                 previous_position, position, previous_lap_time_ms, lap_time_ms)
    select ${generationId}, row_number() over (order by previous_position - position desc, position, driver_id), ${previousId},
           driver_id, layout_id, class_id, car_name, previous_position, position, previous_lap_time_ms, lap_time_ms
    from (
      select * from ${tx(changes)} where previous_position > position
      order by previous_position - position desc, position, driver_id
      limit ${MOVERS_KEPT}
    ) climbs`;
  return { personalBests: personalBests.count, movers: movers.count };
}

export interface DriverBest {
  driverId: number;
  lapTimeMs: number;
  carName: string;
  position: number;
  achievedAt: string | null;
}

/** The best entry of each driver on a leaderboard. */
export function bestPerDriver(rows: readonly DriverBest[]): Map<number, DriverBest> {
  const best = new Map<number, DriverBest>();
  for (const row of rows) {
    const current = best.get(row.driverId);
    if (!current || row.lapTimeMs < current.lapTimeMs || (row.lapTimeMs === current.lapTimeMs && row.position < current.position)) {
      best.set(row.driverId, row);
    }
  }
  return best;
}

/**
 * The same history rule for one leaderboard replaced in place (incremental refresh): `before` are its rows as they were
 * (fetched at `beforeFetchedAt`), `after` as they are now.
 */
export async function recordLeaderboardPersonalBests(
  sql: Tx,
  leaderboard: { generationId: number; layoutId: number; classId: number; beforeFetchedAt: string | null },
  before: readonly DriverBest[],
  after: readonly DriverBest[],
): Promise<number> {
  const old = bestPerDriver(before);
  const points: (DriverBest & { recordedAt: string | null; baseline: boolean })[] = [];
  for (const [driverId, now] of bestPerDriver(after)) {
    const previous = old.get(driverId);
    if (!previous || now.lapTimeMs >= previous.lapTimeMs) continue;
    points.push({ ...previous, recordedAt: leaderboard.beforeFetchedAt, baseline: true }, { ...now, recordedAt: null, baseline: false });
  }
  if (points.length === 0) return 0;
  const inserted = await sql`
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id, recorded_at)
    select p.driver_id, ${leaderboard.layoutId}, ${leaderboard.classId}, p.lap_time_ms, p.car_name, p.position, p.achieved_at::timestamptz,
           ${leaderboard.generationId}, coalesce(p.recorded_at::timestamptz, now())
    from unnest(${points.map((p) => p.driverId)}::bigint[], ${points.map((p) => p.lapTimeMs)}::int[], ${points.map((p) => p.carName)}::text[],
                ${points.map((p) => p.position)}::int[], ${points.map((p) => p.achievedAt)}::text[], ${points.map((p) => p.recordedAt)}::text[],
                ${points.map((p) => (p.baseline ? 1 : 0))}::int[])
         as p(driver_id, lap_time_ms, car_name, position, achieved_at, recorded_at, baseline)
    where p.baseline = 0
       or not exists (
         select 1 from raceroom_personal_bests h
         where h.driver_id = p.driver_id and h.layout_id = ${leaderboard.layoutId} and h.class_id = ${leaderboard.classId}
       )`;
  return inserted.count;
}
