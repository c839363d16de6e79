import { z } from "zod";
import { flag, id, instant, items, whole } from "./common";

/** `season/race_guide?from=&include_end_after_from=`: sessions starting within 3 hours of `from`. */
export const raceGuideBodySchema = z.looseObject({
  subscribed: flag,
  success: flag,
  block_begin_time: instant.nullish(),
  block_end_time: instant.nullish(),
  sessions: items,
});

export const raceGuideSessionSchema = z.looseObject({
  season_id: id,
  series_id: id,
  race_week_num: whole,
  session_id: id.nullish(),
  start_time: instant,
  end_time: instant.nullish(),
  entry_count: whole,
  super_session: flag,
});
