import { carAssetsBodySchema, carClassListBodySchema, carListBodySchema, constantsBodySchema } from "../api-schemas";
import { imageUrl } from "../assets";
import type { Car, CarAssets, CarClass, Constant, Parsed, Rejected } from "../records";
import { carAssetsItemSchema, carClassItemSchema, carItemSchema, classCarSchema, constantItemSchema } from "../schemas/catalogue";
import { parseInstant } from "../time";
import { collect, collectKeyed, envelope, orNull, textOrNull } from "./collect";

/** Rejects an id seen before in the same body. */
function once(what: string): (id: number) => string | null {
  const seen = new Set<number>();
  return (id) => {
    if (seen.has(id)) return `${what} ${id} is listed twice`;
    seen.add(id);
    return null;
  };
}

/** `carclass/get`: each class with its cars (a malformed car entry is rejected, the class kept). */
export function parseCarClasses(body: unknown): Parsed<CarClass> {
  const list = envelope(carClassListBodySchema, body, "carclass/get");
  const rejected: Rejected[] = [];
  const duplicate = once("car class");
  const records = collect(
    list,
    carClassItemSchema,
    (raw): CarClass | string => {
      const repeated = duplicate(raw.car_class_id);
      if (repeated) return repeated;
      const carSeen = once("car");
      const cars = collect(
        raw.cars_in_class,
        classCarSchema,
        (car) => carSeen(car.car_id) ?? { carId: car.car_id, dirPath: textOrNull(car.car_dirpath), retired: orNull(car.retired), rainEnabled: orNull(car.rain_enabled) },
        rejected,
        `car class ${raw.car_class_id}, cars_in_class: `,
      );
      return {
        carClassId: raw.car_class_id,
        name: raw.name,
        shortName: textOrNull(raw.short_name),
        relativeSpeed: orNull(raw.relative_speed),
        rainEnabled: orNull(raw.rain_enabled),
        cars,
      };
    },
    rejected,
  );
  return { records, rejected };
}

/** `car/get`. */
export function parseCars(body: unknown): Parsed<Car> {
  const list = envelope(carListBodySchema, body, "car/get");
  const rejected: Rejected[] = [];
  const duplicate = once("car");
  const records = collect(
    list,
    carItemSchema,
    (raw): Car | string => {
      const repeated = duplicate(raw.car_id);
      if (repeated) return repeated;
      const firstSale = textOrNull(raw.first_sale);
      return {
        carId: raw.car_id,
        name: raw.car_name,
        abbreviation: textOrNull(raw.car_name_abbreviated),
        make: textOrNull(raw.car_make),
        model: textOrNull(raw.car_model),
        dirPath: textOrNull(raw.car_dirpath),
        categories: [...new Set(raw.categories ?? [])],
        carTypes: [...new Set((raw.car_types ?? []).map((type) => type.car_type.trim()).filter(Boolean))],
        horsepower: orNull(raw.hp),
        weightLbs: orNull(raw.car_weight),
        free: orNull(raw.free_with_subscription),
        purchasable: orNull(raw.is_ps_purchasable),
        price: orNull(raw.price),
        packageId: orNull(raw.package_id),
        sku: orNull(raw.sku),
        retired: orNull(raw.retired),
        rainEnabled: orNull(raw.rain_enabled),
        hasHeadlights: orNull(raw.has_headlights),
        hasRainTires: orNull(raw.has_rain_capable_tire_types),
        minPowerAdjustPct: orNull(raw.min_power_adjust_pct),
        maxPowerAdjustPct: orNull(raw.max_power_adjust_pct),
        maxWeightPenaltyKg: orNull(raw.max_weight_penalty_kg),
        logoUrl: imageUrl(raw.logo),
        smallImageUrl: imageUrl(raw.small_image, raw.folder),
        largeImageUrl: imageUrl(raw.large_image, raw.folder),
        forumUrl: textOrNull(raw.forum_url),
        firstSale: firstSale === null ? null : parseInstant(firstSale),
      };
    },
    rejected,
  );
  return { records, rejected };
}

/** `car/assets`: an object keyed by car id strings. */
export function parseCarAssets(body: unknown): Parsed<CarAssets> {
  const entries = envelope(carAssetsBodySchema, body, "car/assets");
  const rejected: Rejected[] = [];
  const records = collectKeyed(
    entries,
    carAssetsItemSchema,
    (raw, key): CarAssets | string => {
      const carId = raw.car_id ?? Number(key);
      if (!Number.isSafeInteger(carId) || carId <= 0) return `no car id (key ${JSON.stringify(key)})`;
      return {
        carId,
        logoUrl: imageUrl(raw.logo),
        smallImageUrl: imageUrl(raw.small_image, raw.folder),
        largeImageUrl: imageUrl(raw.large_image, raw.folder),
        groupName: textOrNull(raw.group_name),
        detailCopy: textOrNull(raw.detail_copy),
        techSpecs: textOrNull(raw.detail_techspecs_copy),
      };
    },
    rejected,
  );
  return { records, rejected };
}

/** `constants/categories`, `constants/divisions` (divisions are 0-based: 0 is Division 1, 10 is Rookie). */
export function parseConstants(body: unknown): Parsed<Constant> {
  const list = envelope(constantsBodySchema, body, "constants");
  const rejected: Rejected[] = [];
  const duplicate = once("value");
  const records = collect(list, constantItemSchema, (raw): Constant | string => duplicate(raw.value) ?? { value: raw.value, label: raw.label }, rejected);
  return { records, rejected };
}
