import { sql, type Sql } from "@/lib/db";
import type { Car, CarAssets, CarClass, Series, SeriesAssets, TrackAssets, TrackConfig } from "../records";
import { plainText } from "./plain-text";
import { upsert, type TableSpec, type WriteCounts } from "./upsert";

// The catalogue: series, car classes, cars and track configurations. Each write is one upsert per table; an empty
// list from upstream changes nothing (series missing from a non-empty list are marked inactive, never deleted).

const SERIES: TableSpec = {
  table: "iracing_series",
  key: ["series_id"],
  touch: "updated_at",
  columns: {
    series_id: "int",
    name: "text",
    short_name: "text",
    category: "text",
    category_id: "smallint",
    min_licence_group: "smallint",
    allowed_licences: "jsonb",
    eligible: "boolean",
    min_starters: "int",
    max_starters: "int",
    forum_url: "text",
    logo_url: "text",
    about: "text",
    active: "boolean",
  },
};

export async function storeSeries(series: readonly Series[], assets: readonly SeriesAssets[]): Promise<WriteCounts & { deactivated: number }> {
  const byId = new Map(assets.map((asset) => [asset.seriesId, asset]));
  const rows = series.map((item) => ({
    series_id: item.seriesId,
    name: item.name,
    short_name: item.shortName,
    category: item.category,
    category_id: item.categoryId,
    min_licence_group: item.minLicenceGroup,
    allowed_licences: item.allowedLicences,
    eligible: item.eligible,
    min_starters: item.minStarters,
    max_starters: item.maxStarters,
    forum_url: item.forumUrl,
    logo_url: byId.get(item.seriesId)?.logoUrl ?? null,
    about: plainText(byId.get(item.seriesId)?.copy ?? null),
    active: true,
  }));
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
  return sql().begin(async (tx) => {
    const counts = await upsert(tx as unknown as Sql, SERIES, rows);
    const gone = await tx`update iracing_series set active = false, updated_at = now()
      where active and series_id <> all(${rows.map((row) => row.series_id)}::int[])`;
    return { ...counts, deactivated: gone.count };
  });
}

const CAR_CLASSES: TableSpec = {
  table: "iracing_car_classes",
  key: ["car_class_id"],
  touch: "updated_at",
  columns: { car_class_id: "int", name: "text", short_name: "text", relative_speed: "int", car_ids: "int[]" },
};

export function storeCarClasses(classes: readonly CarClass[]): Promise<WriteCounts> {
  return upsert(
    sql(),
    CAR_CLASSES,
    classes.map((item) => ({
      car_class_id: item.carClassId,
      name: item.name,
      short_name: item.shortName,
      relative_speed: item.relativeSpeed,
      car_ids: item.cars.map((car) => car.carId).sort((a, b) => a - b),
    })),
  );
}

const CARS: TableSpec = {
  table: "iracing_cars",
  key: ["car_id"],
  touch: "updated_at",
  columns: {
    car_id: "int",
    name: "text",
    abbreviation: "text",
    make: "text",
    categories: "text[]",
    free: "boolean",
    price: "real",
    package_id: "int",
    retired: "boolean",
    logo_url: "text",
    small_image_url: "text",
  },
};

export function storeCars(cars: readonly Car[], assets: readonly CarAssets[]): Promise<WriteCounts> {
  const byId = new Map(assets.map((asset) => [asset.carId, asset]));
  return upsert(
    sql(),
    CARS,
    cars.map((car) => ({
      car_id: car.carId,
      name: car.name,
      abbreviation: car.abbreviation,
      make: car.make,
      categories: car.categories,
      free: car.free ?? false,
      price: car.price,
      package_id: car.packageId,
      retired: car.retired ?? false,
      logo_url: byId.get(car.carId)?.logoUrl ?? car.logoUrl,
      small_image_url: byId.get(car.carId)?.smallImageUrl ?? car.smallImageUrl,
    })),
  );
}

const TRACKS: TableSpec = {
  table: "iracing_tracks",
  key: ["track_id"],
  touch: "updated_at",
  columns: {
    track_id: "int",
    package_id: "int",
    track_name: "text",
    config_name: "text",
    category: "text",
    length_miles: "real",
    corners: "int",
    free: "boolean",
    price: "real",
    retired: "boolean",
    location: "text",
    time_zone: "text",
    map_layers: "jsonb",
    logo_url: "text",
  },
};

export function storeTracks(configs: readonly TrackConfig[], assets: readonly TrackAssets[]): Promise<WriteCounts> {
  const byId = new Map(assets.map((asset) => [asset.trackId, asset]));
  return upsert(
    sql(),
    TRACKS,
    configs.map((config) => ({
      track_id: config.trackId,
      // Configurations without a package are a track of their own.
      package_id: config.packageId ?? config.trackId,
      track_name: config.trackName,
      config_name: config.configName,
      category: config.category,
      length_miles: config.lengthMiles,
      corners: config.corners,
      free: config.free ?? false,
      price: config.price,
      retired: config.retired ?? false,
      location: config.location,
      time_zone: config.timeZone,
      map_layers: byId.get(config.trackId)?.mapLayers ?? {},
      logo_url: byId.get(config.trackId)?.logoUrl ?? config.logoUrl,
    })),
  );
}
