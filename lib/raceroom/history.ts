import type postgres from "postgres";

type Sql = postgres.TransactionSql;

/** How many of the biggest climbs between two generations are kept. */
export const MOVERS_KEPT = 500;

/**
 * What improved between two generations, entry by entry (same driver, board and car): one hash join of the two
 * generations into a temporary table of the entries that are new, climbed or got faster (entries that only drop
 * because others improved are most of a board and matter to neither), which movers and personal bests then read. The planner badly underestimates this four-column join (it picks a merge
 * join on the board alone, quadratic in board size), hence hash joins only.
 */
export async function collectChanges(sql: Sql, generationId: number, previousId: number): Promise<number> {
  await sql`set local enable_mergejoin = off`;
  await sql`set local enable_nestloop = off`;
  const created = await sql`
    create temporary table raceroom_changes on commit drop as
    select n.driver_id, n.layout_id, n.class_id, n.car_name, n.position, n.lap_time_ms,
           o.position as previous_position, o.lap_time_ms as previous_lap_time_ms
    from raceroom_entries n
    left join raceroom_entries o
      on o.generation_id = ${previousId} and o.layout_id = n.layout_id and o.class_id = n.class_id
     and o.driver_id = n.driver_id and o.car_name = n.car_name
    where n.generation_id = ${generationId}
      and (o.position is null or o.position > n.position or o.lap_time_ms > n.lap_time_ms)`;
  await sql`set local enable_mergejoin = on`;
  await sql`set local enable_nestloop = on`;
  return created.count;
}

/**
 * Personal-best history (after collectChanges): for every driver and board whose best lap in `generationId` beats
 * their best in `previousId`, records the new best and, when the driver has no history on that board yet, the
 * previous best as its starting point. Only boards where one of the driver's entries is new or faster are
 * compared; unchanged times add nothing, so the table grows with improvements only.
 */
export async function recordPersonalBests(sql: Sql, generationId: number, previousId: number): Promise<number> {
  const inserted = await sql`
    with k as (
      select distinct driver_id, layout_id, class_id from raceroom_changes
      where previous_lap_time_ms is null or lap_time_ms < previous_lap_time_ms
    ),
    best as (
      select distinct on (e.generation_id, e.driver_id, e.layout_id, e.class_id)
             e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.car_name, e.position, e.achieved_at
      from k join raceroom_entries e
        on e.generation_id in (${generationId}, ${previousId}) and e.driver_id = k.driver_id and e.layout_id = k.layout_id and e.class_id = k.class_id
      order by e.generation_id, e.driver_id, e.layout_id, e.class_id, e.lap_time_ms, e.position
    ),
    improved as (
      select n.*, o.generation_id as o_generation, o.lap_time_ms as o_lap, o.car_name as o_car, o.position as o_position, o.achieved_at as o_achieved
      from best n join best o
        on o.generation_id = ${previousId} and o.driver_id = n.driver_id and o.layout_id = n.layout_id and o.class_id = n.class_id
      where n.generation_id = ${generationId} and n.lap_time_ms < o.lap_time_ms
    )
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id, recorded_at)
    select i.driver_id, i.layout_id, i.class_id, i.o_lap, i.o_car, i.o_position, i.o_achieved, i.o_generation, coalesce(s.fetched_at, now())
    from improved i
    left join raceroom_combinations s on s.generation_id = i.o_generation and s.layout_id = i.layout_id and s.class_id = i.class_id
    where not exists (
      select 1 from raceroom_personal_bests p where p.driver_id = i.driver_id and p.layout_id = i.layout_id and p.class_id = i.class_id
    )
    union all
    select i.driver_id, i.layout_id, i.class_id, i.lap_time_ms, i.car_name, i.position, i.achieved_at, i.generation_id, now()
    from improved i`;
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

/** Keeps the biggest climbs (same driver, board and car) from `previousId` to `generationId` (after collectChanges). */
export async function recordMovers(sql: Sql, generationId: number, previousId: number): Promise<number> {
  const inserted = await sql`
    insert into raceroom_movers (generation_id, rank, previous_generation_id, driver_id, layout_id, class_id, car_name,
                                 previous_position, position, previous_lap_time_ms, lap_time_ms)
    select ${generationId}, row_number() over (order by previous_position - position desc, position, driver_id), ${previousId},
           driver_id, layout_id, class_id, car_name, previous_position, position, previous_lap_time_ms, lap_time_ms
    from (
      select * from raceroom_changes where previous_position > position
      order by previous_position - position desc, position, driver_id
      limit ${MOVERS_KEPT}
    ) climbs`;
  return inserted.count;
}
