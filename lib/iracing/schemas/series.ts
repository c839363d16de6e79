import { z } from "zod";
import { flag, id, items, text } from "./common";

/** One licence class a series admits (`Rookie` = group 1 ... `Pro/WC` = group 7). */
export const allowedLicenceSchema = z.looseObject({
  license_group: z.int(),
  group_name: text,
  min_license_level: z.number().nullish(),
  max_license_level: z.number().nullish(),
  parent_id: z.number().nullish(),
});

/** One element of the bare array `series/get` answers. */
export const seriesItemSchema = z.looseObject({
  series_id: id,
  series_name: z.string().trim().min(1),
  series_short_name: text,
  category_id: z.int(),
  category: text,
  eligible: flag,
  allowed_licenses: z.array(allowedLicenceSchema).nullish(),
  first_season: z.looseObject({ season_year: z.int(), season_quarter: z.int() }).nullish(),
  forum_url: text,
  search_filters: text,
  min_starters: z.number().nullish(),
  max_starters: z.number().nullish(),
  oval_caution_type: z.number().nullish(),
  road_caution_type: z.number().nullish(),
});

/** One value of the object `series/assets` answers, keyed by series id; paths relative to images-static. */
export const seriesAssetsItemSchema = z.looseObject({
  series_id: id.nullish(),
  logo: text,
  large_image: text,
  small_image: text,
  series_copy: text,
});

/** The series part of `series/past_seasons`, with the seasons validated one by one. */
export const pastSeriesSchema = z.looseObject({
  series_id: id,
  series_name: z.string().trim().min(1),
  series_short_name: text,
  category_id: z.int().nullish(),
  category: text,
  active: flag,
  official: flag,
  fixed_setup: flag,
  license_group: z.int().nullish(),
  logo: text,
  search_filters: text,
  allowed_licenses: z.array(allowedLicenceSchema).nullish(),
  seasons: items.nullish(),
});

/** `series/past_seasons?series_id=`: `{success, series_id, series: {..., seasons[]}}`. */
export const pastSeasonsBodySchema = z.looseObject({ success: flag, series_id: id.nullish(), series: pastSeriesSchema });
