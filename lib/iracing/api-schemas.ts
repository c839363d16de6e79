// Zod schemas of every iRacing Data API body Pitwall reads. Lists are checked as lists here and item by item by the
// parsers (lib/iracing/parse), so that one malformed item is rejected with its reason and never sinks the others.
import { items, keyedItems } from "./schemas/common";

export { chunkedBodySchema, chunkInfoSchema, dataErrorSchema, linkEnvelopeSchema, tokenErrorSchema, tokenResponseSchema } from "./schemas/envelopes";
export { allowedLicenceSchema, pastSeasonsBodySchema, pastSeriesSchema, seriesAssetsItemSchema, seriesItemSchema } from "./schemas/series";
export {
  carClassRefSchema,
  pastRaceWeekSchema,
  pastSeasonItemSchema,
  seasonItemSchema,
  seasonListBodySchema,
  seasonListEntrySchema,
  seriesSeasonListBodySchema,
} from "./schemas/seasons";
export {
  carRestrictionSchema,
  raceTimeDescriptorSchema,
  raceWeekCarSchema,
  scheduleEntrySchema,
  seasonScheduleBodySchema,
  trackRefSchema,
  weatherSchema,
} from "./schemas/schedule";
export {
  carAssetsItemSchema,
  carClassItemSchema,
  carItemSchema,
  classCarSchema,
  constantItemSchema,
  trackAssetsItemSchema,
  trackItemSchema,
} from "./schemas/catalogue";
export { raceGuideBodySchema, raceGuideSessionSchema } from "./schemas/race-guide";

/** `series/get`: a bare array. */
export const seriesListBodySchema = items;
/** `series/seasons` (with or without `include_series`, with or without `season_year` + `season_quarter`): an array. */
export const seriesSeasonsBodySchema = items;
/** `carclass/get`, `car/get`, `track/get`: bare arrays. */
export const carClassListBodySchema = items;
export const carListBodySchema = items;
export const trackListBodySchema = items;
/** `series/assets`, `car/assets`, `track/assets`: objects keyed by id strings. */
export const seriesAssetsBodySchema = keyedItems;
export const carAssetsBodySchema = keyedItems;
export const trackAssetsBodySchema = keyedItems;
/** `constants/categories`, `constants/divisions`: arrays returned directly. */
export const constantsBodySchema = items;
