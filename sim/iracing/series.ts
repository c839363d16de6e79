import { mulberry32 } from "@/lib/random";
import { hash32, hashUnit } from "../random";
import { quarter } from "./calendar";
import { CATEGORY_IDS, type Catalogue, type SimTrack } from "./catalogue";
import { SERIES_TEMPLATES, SERIES_VARIANTS, type SeriesRow } from "./catalogue-data";

export interface SimSeries {
  index: number;
  seriesId: number;
  name: string;
  template: SeriesRow;
  fixed: boolean;
  official: boolean;
  /** Lowest licence group admitted: 1 Rookie ... 5 Class A. */
  licence: number;
  classIds: number[];
  /** Cars that rotate week by week (one car a week), or null when the classes race every week. */
  rotationCarIds: number[] | null;
  trackPool: SimTrack[];
  /** How many season slots before 2026 Season 1 it first ran. */
  firstSlot: number;
}

const LICENCE_GROUPS = ["Rookie", "Class D", "Class C", "Class B", "Class A", "Pro", "Pro/WC"];

/** ~150 series: the templates first, then variants of them ("Fixed", "Open", "Challenge", ...). */
export function buildSeries(seed: number, count: number, catalogue: Catalogue): SimSeries[] {
  return Array.from({ length: count }, (_, index) => {
    const template = SERIES_TEMPLATES[index % SERIES_TEMPLATES.length] as SeriesRow;
    const round = Math.floor(index / SERIES_TEMPLATES.length);
    const variant = round === 0 ? null : SERIES_VARIANTS[(round - 1) % SERIES_VARIANTS.length];
    const repeat = round > SERIES_VARIANTS.length ? ` ${Math.ceil(round / SERIES_VARIANTS.length)}` : "";
    const name = variant ? `${template.name} ${variant}${repeat}` : template.name;
    const fixed = variant === "Fixed" ? true : variant === "Open" ? false : round > 0 ? hashUnit(seed, index, 0xf1) < 0.5 : template.fixed;
    const official = round === 0 ? template.official : hashUnit(seed, index, 0x0f) < 0.75;
    const licence = round === 0 ? template.licence : Math.min(5, Math.max(1, template.licence + Math.floor(hashUnit(seed, index, 0x1c) * 3) - 1));
    const classes = template.classes.map((key) => catalogue.classByKey.get(key)).filter((carClass) => carClass !== undefined);
    const pool = catalogue.tracks.filter((track) => (template.venue ? track.name === template.venue && track.category === template.tracks : track.category === template.tracks));
    const shuffle = mulberry32(hash32(seed, index, 0x7ac));
    const trackPool = [...pool].map((track) => ({ track, key: shuffle() })).sort((a, b) => a.key - b.key).map(({ track }) => track);
    return {
      index,
      seriesId: 200 + index * 3,
      name,
      template,
      fixed,
      official,
      licence,
      classIds: classes.map((carClass) => carClass.carClassId),
      rotationCarIds: template.rotation ? classes.flatMap((carClass) => carClass.carIds) : null,
      trackPool,
      firstSlot: 4 + Math.floor(hashUnit(seed, index, 0xf5) * 36),
    };
  });
}

/** `series/get` rows. */
export function seriesRows(series: readonly SimSeries[]): object[] {
  return series.map((s) => {
    const first = quarter(-s.firstSlot);
    return {
      allowed_licenses: LICENCE_GROUPS.slice(s.licence - 1).map((groupName, i) => {
        const group = s.licence + i;
        return { group_name: groupName, license_group: group, max_license_level: group * 4, min_license_level: i === 0 && group > 1 ? group * 4 : (group - 1) * 4 + 1 };
      }),
      category: s.template.category,
      category_id: CATEGORY_IDS[s.template.category],
      eligible: s.licence <= 3,
      first_season: { season_year: first.year, season_quarter: first.quarter },
      forum_url: `https://forums.iracing.com/categories/series-${s.seriesId}`,
      max_starters: s.template.category.includes("oval") ? 40 : 24,
      min_starters: 6,
      oval_caution_type: s.template.category === "oval" || s.template.category === "dirt_oval" ? 1 : 0,
      road_caution_type: s.template.category === "oval" ? 0 : 2,
      search_filters: [s.template.category, s.template.tracks].join(","),
      series_id: s.seriesId,
      series_name: s.name,
      series_short_name: s.name,
    };
  });
}

/** `series/assets`, keyed by series id strings. */
export function seriesAssets(series: readonly SimSeries[]): Record<string, object> {
  return Object.fromEntries(
    series.map((s) => [
      String(s.seriesId),
      {
        large_image: null,
        logo: `seriesid_${s.seriesId}.png`,
        series_copy: `${s.name} races with ${s.fixed ? "fixed" : "open"} setups.\r\n<br><br>\r\n${s.official ? "An official series: iRating and Safety Rating count." : "This series is an Unofficial/Fun series - iRating and Safety Rating are not impacted."}`,
        series_id: s.seriesId,
        small_image: null,
      },
    ]),
  );
}
