import { CARS, MULTI_CAR_CLASSES, TRACKS, type SeriesCategory, type TrackCategory } from "./catalogue-data";

export const CATEGORY_IDS: Record<TrackCategory | SeriesCategory, number> = { oval: 1, road: 2, dirt_oval: 3, dirt_road: 4, sports_car: 5, formula_car: 6 };

export interface SimTrack {
  trackId: number;
  packageId: number;
  name: string;
  configName: string | null;
  category: TrackCategory;
  location: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  free: boolean;
  lengthMiles: number;
  corners: number;
  /** Folder-style name, e.g. "limerockpark". */
  slug: string;
}

export interface SimCar {
  carId: number;
  packageId: number;
  name: string;
  abbreviation: string;
  make: string;
  model: string;
  category: SeriesCategory;
  classKey: string;
  hp: number;
  weightLbs: number;
  free: boolean;
  carTypes: string[];
  slug: string;
}

export interface SimCarClass {
  carClassId: number;
  key: string;
  name: string;
  shortName: string;
  relativeSpeed: number;
  carIds: number[];
}

export interface Catalogue {
  tracks: SimTrack[];
  cars: SimCar[];
  classes: SimCarClass[];
  trackById: Map<number, SimTrack>;
  carById: Map<number, SimCar>;
  classByKey: Map<string, SimCarClass>;
}

const slugOf = (name: string) => name.toLowerCase().normalize("NFD").replace(/[^a-z0-9]/g, "");

/** The fixed content of every simulated world (it does not depend on the seed, like the real catalogue). */
export function buildCatalogue(): Catalogue {
  const tracks: SimTrack[] = [];
  TRACKS.forEach(([name, location, timeZone, latitude, longitude, category, free, configs], trackIndex) => {
    for (const [configName, lengthMiles, corners] of configs) {
      tracks.push({
        trackId: tracks.length * 3 + 11,
        packageId: 100 + trackIndex * 2,
        name,
        configName,
        category,
        location,
        timeZone,
        latitude,
        longitude,
        free,
        lengthMiles,
        corners,
        slug: slugOf(name),
      });
    }
  });
  const cars: SimCar[] = CARS.map(([name, abbreviation, make, model, category, classKey, hp, weightLbs, free, carTypes], index) => ({
    carId: index * 2 + 1,
    packageId: 500 + index,
    name,
    abbreviation,
    make,
    model,
    category,
    classKey,
    hp,
    weightLbs,
    free,
    carTypes,
    slug: slugOf(name),
  }));
  const classes: SimCarClass[] = [];
  for (const [key, carClassId, name, shortName, relativeSpeed] of MULTI_CAR_CLASSES) {
    classes.push({ carClassId, key, name, shortName, relativeSpeed, carIds: cars.filter((car) => car.classKey === key).map((car) => car.carId) });
  }
  for (const car of cars) {
    if (classes.some((carClass) => carClass.key === car.classKey)) continue;
    const members = cars.filter((other) => other.classKey === car.classKey);
    classes.push({ carClassId: 100 + classes.length, key: car.classKey, name: car.name, shortName: car.abbreviation, relativeSpeed: Math.round(car.hp / 10), carIds: members.map((m) => m.carId) });
  }
  return {
    tracks,
    cars,
    classes,
    trackById: new Map(tracks.map((track) => [track.trackId, track])),
    carById: new Map(cars.map((car) => [car.carId, car])),
    classByKey: new Map(classes.map((carClass) => [carClass.key, carClass])),
  };
}
