import type postgres from "postgres";

export interface CarIndex {
  get(classId: number, carName: string): number | null;
}

// The catalogue changes once a day at most; batches a few seconds apart share one copy.
let cachedCars: { at: number; index: Promise<CarIndex> } | undefined;
const CARS_TTL_MS = 60_000;

export function carIndex(sql: postgres.Sql): Promise<CarIndex> {
  if (cachedCars && performance.now() - cachedCars.at < CARS_TTL_MS) return cachedCars.index;
  const index = sql<{ id: number; classId: number; name: string }[]>`select id, class_id as "classId", name from raceroom_cars`.then((rows) => {
    const byName = new Map(rows.map((r) => [`${r.classId}\u0000${r.name.toLowerCase()}`, r.id]));
    return { get: (classId: number, carName: string) => byName.get(`${classId}\u0000${carName.toLowerCase()}`) ?? null };
  });
  cachedCars = { at: performance.now(), index };
  index.catch(() => (cachedCars = undefined));
  return index;
}

/** After the catalogue was stored: the next batch reads the cars again. */
export function forgetCars(): void {
  cachedCars = undefined;
}
