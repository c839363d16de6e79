import type { z } from "zod";
import { seriesAssetsBodySchema, seriesListBodySchema } from "../api-schemas";
import { seriesLogoUrl, imageUrl } from "../assets";
import { CATEGORIES, type LicenceRange, type Parsed, type Rejected, type Series, type SeriesAssets } from "../records";
import { allowedLicenceSchema, seriesAssetsItemSchema, seriesItemSchema } from "../schemas/series";
import { collect, collectKeyed, envelope, orNull, textOrNull } from "./collect";

export function licences(allowed: readonly z.output<typeof allowedLicenceSchema>[] | null | undefined): LicenceRange[] {
  return (allowed ?? [])
    .map((licence) => ({
      group: licence.license_group,
      groupName: textOrNull(licence.group_name),
      minLevel: orNull(licence.min_license_level),
      maxLevel: orNull(licence.max_license_level),
    }))
    .sort((a, b) => a.group - b.group);
}

/** The category's name, from the id when the text is missing. */
export function categoryName(category: string | null | undefined, categoryId: number): string {
  return textOrNull(category) ?? CATEGORIES[categoryId] ?? `category_${categoryId}`;
}

/** `series/get` (a bare array): one record per series; a repeated series id is rejected. */
export function parseSeriesList(body: unknown): Parsed<Series> {
  const list = envelope(seriesListBodySchema, body, "series/get");
  const rejected: Rejected[] = [];
  const seen = new Set<number>();
  const records = collect(
    list,
    seriesItemSchema,
    (series): Series | string => {
      if (seen.has(series.series_id)) return `series ${series.series_id} is listed twice`;
      seen.add(series.series_id);
      const allowedLicences = licences(series.allowed_licenses);
      const name = series.series_name;
      return {
        seriesId: series.series_id,
        name,
        shortName: textOrNull(series.series_short_name) ?? name,
        category: categoryName(series.category, series.category_id),
        categoryId: series.category_id,
        minLicenceGroup: allowedLicences[0]?.group ?? null,
        allowedLicences,
        eligible: orNull(series.eligible),
        minStarters: orNull(series.min_starters),
        maxStarters: orNull(series.max_starters),
        firstSeason: series.first_season ? { year: series.first_season.season_year, quarter: series.first_season.season_quarter } : null,
        forumUrl: textOrNull(series.forum_url),
        searchFilters: textOrNull(series.search_filters),
      };
    },
    rejected,
  );
  return { records, rejected };
}

/** `series/assets`: an object keyed by series id strings. */
export function parseSeriesAssets(body: unknown): Parsed<SeriesAssets> {
  const entries = envelope(seriesAssetsBodySchema, body, "series/assets");
  const rejected: Rejected[] = [];
  const records = collectKeyed(
    entries,
    seriesAssetsItemSchema,
    (assets, key): SeriesAssets | string => {
      const seriesId = assets.series_id ?? Number(key);
      if (!Number.isSafeInteger(seriesId) || seriesId <= 0) return `no series id (key ${JSON.stringify(key)})`;
      return {
        seriesId,
        logoUrl: seriesLogoUrl(assets.logo),
        largeImageUrl: imageUrl(assets.large_image),
        smallImageUrl: imageUrl(assets.small_image),
        copy: textOrNull(assets.series_copy),
      };
    },
    rejected,
  );
  return { records, rejected };
}
