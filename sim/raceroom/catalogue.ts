import { readFileSync } from "node:fs";
import { z } from "zod";

/** The project's copy of the real r3e-data.json: the simulator serves it and builds its world from it. */
export const CATALOGUE_FILE = new URL("../../lib/raceroom/data/r3e-data.json", import.meta.url);

const id = z.number().int().positive();
const schema = z.object({
  tracks: z.record(z.string(), z.object({ Id: id, Name: z.string() })),
  layouts: z.record(z.string(), z.object({ Id: id, Name: z.string(), Track: id })),
  classes: z.record(z.string(), z.object({ Id: id, Name: z.string(), Cars: z.array(z.object({ Id: id })) })),
  cars: z.record(z.string(), z.object({ Id: id, Name: z.string(), Class: id, DefaultLivery: id.optional() })),
});

export interface Layout {
  id: number;
  /** "Monza Circuit - Grand Prix", as leaderboards show it. */
  name: string;
  trackName: string;
  layoutName: string;
  image: string;
}

export interface Car {
  id: number;
  name: string;
  classId: number;
  icon: string;
}

export interface CarClass {
  id: number;
  name: string;
  cars: Car[];
}

export interface Catalogue {
  /** Ascending id order, which also orders the simulated leaderboards. */
  layouts: Layout[];
  classes: CarClass[];
  layoutById: Map<number, Layout>;
  classById: Map<number, CarClass>;
  carById: Map<number, Car>;
}

const ASSETS = "https://prod.r3eassets.com/assets/content";

/** Asset slugs are the lower-cased name with spaces turned into dashes. */
function slug(name: string): string {
  return name.toLowerCase().trim().replace(/\s+/g, "-");
}

let raw: Buffer | undefined;
let parsed: Catalogue | undefined;

/** The file's bytes, exactly as shipped. */
export function catalogueBytes(): Buffer {
  raw ??= readFileSync(CATALOGUE_FILE);
  return raw;
}

export function loadCatalogue(): Catalogue {
  if (parsed) return parsed;
  const data = schema.parse(JSON.parse(catalogueBytes().toString("utf8")));
  const carById = new Map<number, Car>();
  for (const car of Object.values(data.cars)) {
    carById.set(car.Id, {
      id: car.Id,
      name: car.Name,
      classId: car.Class,
      icon: `${ASSETS}/carlivery/${slug(car.Name)}-${car.DefaultLivery ?? car.Id}-image-small.webp`,
    });
  }
  const layouts = Object.values(data.layouts)
    .map((layout) => {
      const trackName = data.tracks[String(layout.Track)]?.Name ?? "Unknown track";
      return {
        id: layout.Id,
        name: `${trackName} - ${layout.Name}`,
        trackName,
        layoutName: layout.Name,
        image: `${ASSETS}/tracklayout/${slug(`${trackName} ${layout.Name}`)}-${layout.Id}-image-small.webp`,
      };
    })
    .sort((a, b) => a.id - b.id);
  const classes = Object.values(data.classes)
    .map((carClass) => ({
      id: carClass.Id,
      name: carClass.Name,
      cars: carClass.Cars.map((car) => carById.get(car.Id)).filter((car): car is Car => car !== undefined),
    }))
    .filter((carClass) => carClass.cars.length > 0)
    .sort((a, b) => a.id - b.id);
  parsed = {
    layouts,
    classes,
    layoutById: new Map(layouts.map((layout) => [layout.id, layout])),
    classById: new Map(classes.map((carClass) => [carClass.id, carClass])),
    carById,
  };
  return parsed;
}
