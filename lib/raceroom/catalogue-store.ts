import { sql as rawSql } from "@/lib/db";
import type { Catalogue } from "./catalogue";
import { forgetCars } from "./cars";

/** Upserts the catalogue in one transaction. Nothing is deleted: stored entries may still name an old layout. */
export async function storeCatalogue(catalogue: Catalogue): Promise<void> {
  await rawSql().begin(async (tx) => {
    await tx`
      insert into raceroom_tracks (id, name)
      select * from unnest(${catalogue.tracks.map((t) => t.id)}::int[], ${catalogue.tracks.map((t) => t.name)}::text[])
      on conflict (id) do update set name = excluded.name where raceroom_tracks.name is distinct from excluded.name`;
    await tx`
      insert into raceroom_layouts (id, track_id, name, max_vehicles)
      select * from unnest(${catalogue.layouts.map((l) => l.id)}::int[], ${catalogue.layouts.map((l) => l.trackId)}::int[],
                           ${catalogue.layouts.map((l) => l.name)}::text[], ${catalogue.layouts.map((l) => l.maxVehicles)}::int[])
      on conflict (id) do update set track_id = excluded.track_id, name = excluded.name, max_vehicles = excluded.max_vehicles
      where (raceroom_layouts.track_id, raceroom_layouts.name, raceroom_layouts.max_vehicles)
            is distinct from (excluded.track_id, excluded.name, excluded.max_vehicles)`;
    await tx`
      insert into raceroom_classes (id, name)
      select * from unnest(${catalogue.classes.map((c) => c.id)}::int[], ${catalogue.classes.map((c) => c.name)}::text[])
      on conflict (id) do update set name = excluded.name where raceroom_classes.name is distinct from excluded.name`;
    await tx`
      insert into raceroom_cars (id, class_id, name, brand)
      select * from unnest(${catalogue.cars.map((c) => c.id)}::int[], ${catalogue.cars.map((c) => c.classId)}::int[],
                           ${catalogue.cars.map((c) => c.name)}::text[], ${catalogue.cars.map((c) => c.brand)}::text[])
      on conflict (id) do update set class_id = excluded.class_id, name = excluded.name, brand = excluded.brand
      where (raceroom_cars.class_id, raceroom_cars.name, raceroom_cars.brand) is distinct from (excluded.class_id, excluded.name, excluded.brand)`;
  });
  forgetCars();
}

/** Every leaderboard there can be: each catalogue layout with each class. */
export async function countLeaderboards(): Promise<number> {
  const [row] = await rawSql()<{ n: number }[]>`select ((select count(*) from raceroom_layouts) * (select count(*) from raceroom_classes))::int as n`;
  return row?.n ?? 0;
}
