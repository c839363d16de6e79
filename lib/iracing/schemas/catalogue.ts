import { z } from "zod";
import { amount, carTypeTags, flag, id, text, trackTypeTags } from "./common";

/** One element of `carclass/get`. */
export const carClassItemSchema = z.looseObject({
  car_class_id: id,
  name: z.string().trim().min(1),
  short_name: text,
  relative_speed: z.number().nullish(),
  rain_enabled: flag,
  cars_in_class: z.array(z.unknown()).nullish(),
});

/** A car inside `cars_in_class`. */
export const classCarSchema = z.looseObject({ car_id: id, car_dirpath: text, rain_enabled: flag, retired: flag });

/** One element of `car/get`. */
export const carItemSchema = z.looseObject({
  car_id: id,
  car_name: z.string().trim().min(1),
  car_name_abbreviated: text,
  car_make: text,
  car_model: text,
  car_dirpath: text,
  categories: z.array(z.string()).nullish(),
  car_types: carTypeTags,
  hp: z.number().nullish(),
  car_weight: z.number().nullish(),
  free_with_subscription: flag,
  is_ps_purchasable: flag,
  price: z.number().nullish(),
  package_id: id.nullish(),
  sku: z.number().nullish(),
  retired: flag,
  rain_enabled: flag,
  has_headlights: flag,
  has_rain_capable_tire_types: flag,
  min_power_adjust_pct: amount,
  max_power_adjust_pct: amount,
  max_weight_penalty_kg: amount,
  folder: text,
  logo: text,
  small_image: text,
  large_image: text,
  forum_url: text,
  first_sale: text,
});

/** One value of `car/assets`, keyed by car id. */
export const carAssetsItemSchema = z.looseObject({
  car_id: id.nullish(),
  folder: text,
  logo: text,
  small_image: text,
  large_image: text,
  group_name: text,
  detail_copy: text,
  detail_techspecs_copy: text,
});

/** One element of `track/get`: one track configuration (`track_id` is per configuration). */
export const trackItemSchema = z.looseObject({
  track_id: id,
  track_name: z.string().trim().min(1),
  config_name: text,
  package_id: id.nullish(),
  category: text,
  category_id: z.int().nullish(),
  track_config_length: z.number().nullish(),
  corners_per_lap: z.number().nullish(),
  is_oval: flag,
  is_dirt: flag,
  retired: flag,
  free_with_subscription: flag,
  is_ps_purchasable: flag,
  price: z.number().nullish(),
  sku: z.number().nullish(),
  location: text,
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  time_zone: text,
  max_cars: z.number().nullish(),
  grid_stalls: z.number().nullish(),
  number_pitstalls: z.number().nullish(),
  pit_road_speed_limit: z.number().nullish(),
  night_lighting: flag,
  rain_enabled: flag,
  has_svg_map: flag,
  nominal_lap_time: z.number().nullish(),
  opens: text,
  closes: text,
  folder: text,
  logo: text,
  small_image: text,
  track_types: trackTypeTags,
});

/** One value of `track/assets`, keyed by track id: the map is `track_map` + each layer's file. */
export const trackAssetsItemSchema = z.looseObject({
  track_id: id.nullish(),
  track_map: text,
  track_map_layers: z.record(z.string(), z.string()).nullish(),
  num_svg_images: z.number().nullish(),
  folder: text,
  logo: text,
  small_image: text,
  large_image: text,
  coordinates: text,
  north: text,
  detail_copy: text,
});

/** `constants/categories`, `constants/divisions` (returned directly, not through a link): `[{label, value}]`. */
export const constantItemSchema = z.looseObject({ label: z.string().trim().min(1), value: z.int() });
