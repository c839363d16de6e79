import type postgres from "postgres";

type Sql = postgres.TransactionSql;

/** How many of the biggest climbs between two generations are kept. */
export const MOVERS_KEPT = 500;

/**
 * Records a new personal best for every driver and combination whose best lap in `generationId` beats all the
 * bests recorded before (or is their first). `combination` limits it to one board (incremental refresh).
 */
export async function recordPersonalBests(sql: Sql, generationId: number, combination?: { layoutId: number; classId: number }): Promise<number> {
  const layoutId = combination?.layoutId ?? null;
  const classId = combination?.classId ?? null;
  const inserted = await sql`
    insert into raceroom_personal_bests (driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at, generation_id)
    select b.driver_id, b.layout_id, b.class_id, b.lap_time_ms, b.car_name, b.position, b.achieved_at, ${generationId}
    from (
      select distinct on (driver_id, layout_id, class_id) driver_id, layout_id, class_id, lap_time_ms, car_name, position, achieved_at
      from raceroom_entries
      where generation_id = ${generationId}
        and (${layoutId}::int is null or (layout_id = ${layoutId}::int and class_id = ${classId}::int))
      order by driver_id, layout_id, class_id, lap_time_ms, position
    ) b
    where not exists (
      select 1 from raceroom_personal_bests p
      where p.driver_id = b.driver_id and p.layout_id = b.layout_id and p.class_id = b.class_id and p.lap_time_ms <= b.lap_time_ms
    )`;
  return inserted.count;
}

/** Keeps the biggest climbs (same driver, board and car) from `previousId` to `generationId`. */
export async function recordMovers(sql: Sql, generationId: number, previousId: number): Promise<number> {
  // The planner badly underestimates this four-column join (it picks a merge join on the board alone, quadratic
  // in board size); a hash join over both generations is linear.
  await sql`set local enable_mergejoin = off`;
  await sql`set local enable_nestloop = off`;
  const inserted = await sql`
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
    ) climbs`;
  await sql`set local enable_mergejoin = on`;
  await sql`set local enable_nestloop = on`;
  return inserted.count;
}
