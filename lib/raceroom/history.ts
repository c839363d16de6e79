import type postgres from "postgres";

type Sql = postgres.TransactionSql;

/** How many of the biggest climbs between two generations are kept. */
export const MOVERS_KEPT = 500;

// Both queries below join two whole generations on the board and the driver. The planner badly underestimates
// such multi-column joins (it picks a merge join on the board alone, quadratic in board size); a hash join is linear.
async function hashJoinsOnly<T>(sql: Sql, run: () => Promise<T>): Promise<T> {
  await sql`set local enable_mergejoin = off`;
  await sql`set local enable_nestloop = off`;
  try {
    return await run();
  } finally {
    await sql`set local enable_mergejoin = on`;
    await sql`set local enable_nestloop = on`;
  }
}

/**
 * Personal-best history: for every driver and board whose best lap in `generationId` beats their best in
 * `previousId`, records the new best and, when the driver has no history on that board yet, the previous best
 * as its starting point. Unchanged times add nothing, so the table grows with improvements only.
 */
export async function recordPersonalBests(sql: Sql, generationId: number, previousId: number): Promise<number> {
  const improved = await hashJoinsOnly(sql, () => sql<{ driverId: number; layoutId: number; classId: number }[]>`
    select n.driver_id as "driverId", n.layout_id as "layoutId", n.class_id as "classId"
    from raceroom_entries n
    join raceroom_entries o on o.generation_id = ${previousId} and o.layout_id = n.layout_id and o.class_id = n.class_id and o.driver_id = n.driver_id
    where n.generation_id = ${generationId}
    group by n.driver_id, n.layout_id, n.class_id
    having min(n.lap_time_ms) < min(o.lap_time_ms)`);
  if (improved.length === 0) return 0;
  const inserted = await sql`
    with k as (
      select * from unnest(${improved.map((k) => k.driverId)}::bigint[], ${improved.map((k) => k.layoutId)}::int[],
                           ${improved.map((k) => k.classId)}::int[]) as k(driver_id, layout_id, class_id)
    ),
    best as (
      select distinct on (e.generation_id, e.driver_id, e.layout_id, e.class_id)
             e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.car_name, e.position, e.achieved_at
      from k join raceroom_entries e
        on e.generation_id in (${generationId}, ${previousId}) and e.driver_id = k.driver_id and e.layout_id = k.layout_id and e.class_id = k.class_id
      order by e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.position
    )
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id, recorded_at)
    select b.driver_id, b.layout_id, b.class_id, b.lap_time_ms, b.car_name, b.position, b.achieved_at, b.generation_id,
           coalesce(s.fetched_at, now())
    from best b
    left join raceroom_combinations s on s.generation_id = b.generation_id and s.layout_id = b.layout_id and s.class_id = b.class_id
    where b.generation_id = ${generationId}
       or not exists (
         select 1 from raceroom_personal_bests p where p.driver_id = b.driver_id and p.layout_id = b.layout_id and p.class_id = b.class_id
       )`;
  return inserted.count;
}

export interface BoardBest {
  driverId: number;
  lapTimeMs: number;
  carName: string;
  position: number;
  achievedAt: string | null;
}

/** The best entry of each driver on a board. */
export function bestPerDriver(rows: readonly BoardBest[]): Map<number, BoardBest> {
  const best = new Map<number, BoardBest>();
  for (const row of rows) {
    const current = best.get(row.driverId);
    if (!current || row.lapTimeMs < current.lapTimeMs || (row.lapTimeMs === current.lapTimeMs && row.position < current.position)) {
      best.set(row.driverId, row);
    }
  }
  return best;
}

/**
 * The same history rule for one board replaced in place (incremental refresh): `before` are its rows as they were
 * (fetched at `beforeFetchedAt`), `after` as they are now.
 */
export async function recordBoardPersonalBests(
  sql: Sql,
  board: { generationId: number; layoutId: number; classId: number; beforeFetchedAt: string | null },
  before: readonly BoardBest[],
  after: readonly BoardBest[],
): Promise<number> {
  const old = bestPerDriver(before);
  const points: (BoardBest & { recordedAt: string | null; baseline: boolean })[] = [];
  for (const [driverId, now] of bestPerDriver(after)) {
    const previous = old.get(driverId);
    if (!previous || now.lapTimeMs >= previous.lapTimeMs) continue;
    points.push({ ...previous, recordedAt: board.beforeFetchedAt, baseline: true }, { ...now, recordedAt: null, baseline: false });
  }
  if (points.length === 0) return 0;
  const inserted = await sql`
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id, recorded_at)
    select p.driver_id, ${board.layoutId}, ${board.classId}, p.lap_time_ms, p.car_name, p.position, p.achieved_at::timestamptz,
           ${board.generationId}, coalesce(p.recorded_at::timestamptz, now())
    from unnest(${points.map((p) => p.driverId)}::bigint[], ${points.map((p) => p.lapTimeMs)}::int[], ${points.map((p) => p.carName)}::text[],
                ${points.map((p) => p.position)}::int[], ${points.map((p) => p.achievedAt)}::text[], ${points.map((p) => p.recordedAt)}::text[],
                ${points.map((p) => (p.baseline ? 1 : 0))}::int[])
         as p(driver_id, lap_time_ms, car_name, position, achieved_at, recorded_at, baseline)
    where p.baseline = 0
       or not exists (
         select 1 from raceroom_personal_bests h
         where h.driver_id = p.driver_id and h.layout_id = ${board.layoutId} and h.class_id = ${board.classId}
       )`;
  return inserted.count;
}

/** Keeps the biggest climbs (same driver, board and car) from `previousId` to `generationId`. */
export async function recordMovers(sql: Sql, generationId: number, previousId: number): Promise<number> {
  const inserted = await hashJoinsOnly(sql, () => sql`
    insert into raceroom_movers (generation_id, rank, previous_generation_id, driver_id, layout_id, class_id, car_name,
                                 previous_position, position, previous_lap_time_ms, lap_time_ms)
    select ${generationId}, row_number() over (order by climb desc, position, driver_id), ${previousId}, driver_id, layout_id, class_id,
           car_name, previous_position, position, previous_lap_time_ms, lap_time_ms
    from (
      select n.driver_id, n.layout_id, n.class_id, n.car_name, o.position as previous_position, n.position,
             o.lap_time_ms as previous_lap_time_ms, n.lap_time_ms, o.position - n.position as climb
      from raceroom_entries n
      join raceroom_entries o
        on o.generation_id = ${previousId} and o.layout_id = n.layout_id and o.class_id = n.class_id
       and o.driver_id = n.driver_id and o.car_name = n.car_name
      where n.generation_id = ${generationId} and o.position > n.position
      order by climb desc, n.position, n.driver_id
      limit ${MOVERS_KEPT}
    ) climbs`);
  return inserted.count;
}
