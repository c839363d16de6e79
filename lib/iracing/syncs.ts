import { z } from "zod";
import { PermanentJobError } from "@/lib/jobs/job";
import { defineSync } from "@/lib/jobs/sync-kind";
import { expireTag } from "@/lib/cache-expiry";
import { IRACING_CACHE_TAG } from "./cache-tag";
import { iracingEnv } from "./env";
import { IracingNotConfiguredError } from "./source";
import { knownSeriesIds, syncCatalogue, syncPastSeasons, syncRaceGuide, syncSeason, syncSeasons, syncSeries } from "./work";

// iRacing's sync kinds: each is an admin card, an API trigger (POST /api/v1/admin/syncs/<kind>) and a CLI command
// (npm run sync -- <kind> --year ... --refresh). The work lives in work.ts; here it is cut into durable steps.

const refresh = z.boolean().default(false).describe("Bypass the response cache and ask iRacing again");
const ids = (what: string) =>
  z
    .union([z.array(z.int().positive()), z.string().regex(/^\d+(,\d+)*$/).transform((text) => text.split(",").map(Number))])
    .describe(`${what}: one id, several separated by commas, or a list`);

/**
 * One step's work. Missing credentials fail at once with the names to set (retrying cannot help); once it is done, the
 * pages' kept copies are expired, so the pages show what it wrote.
 */
async function configured<T>(work: () => Promise<T>): Promise<T> {
  try {
    const done = await work();
    await expireTag(IRACING_CACHE_TAG);
    return done;
  } catch (error) {
    if (error instanceof IracingNotConfiguredError) throw new PermanentJobError(error.message);
    throw error;
  }
}

export const seriesSync = defineSync({
  kind: "iracing.series",
  label: "iRacing series",
  description: "The series catalogue with logos and descriptions; series iRacing no longer lists are marked inactive.",
  params: z.object({ refresh }),
  concurrency: [{ limit: 1 }],
  run: ({ steps, params }) => steps.run("series", () => configured(() => syncSeries(params))),
});

export const catalogueSync = defineSync({
  kind: "iracing.catalogue",
  label: "iRacing cars and tracks",
  description: "Car classes, cars and track configurations with their images and track maps.",
  params: z.object({ refresh }),
  concurrency: [{ limit: 1 }],
  run: ({ steps, params }) => steps.run("catalogue", () => configured(() => syncCatalogue(params))),
});

export const seasonsSync = defineSync({
  kind: "iracing.seasons",
  label: "iRacing current seasons",
  description: "The running and next seasons of every series with their schedules, in one call; with year and quarter, that slot's seasons.",
  params: z
    .object({ year: z.int().min(2008).max(2100).optional(), quarter: z.int().min(1).max(4).optional(), refresh })
    .refine((params) => (params.year === undefined) === (params.quarter === undefined), { error: "give year and quarter together" }),
  concurrency: [{ limit: 1 }],
  run: ({ steps, params }) => steps.run("seasons", () => configured(() => syncSeasons(params))),
});

export const nightlySync = defineSync({
  kind: "iracing.nightly",
  label: "iRacing nightly",
  description: "Series, then current and next seasons; the cars and tracks too when a schedule names a track Pitwall does not know.",
  schedule: () => iracingEnv().IRACING_NIGHTLY_CRON,
  params: z.object({ refresh }),
  concurrency: [{ limit: 1 }],
  async run({ steps, params }) {
    const series = await steps.run("series", () => configured(() => syncSeries(params)));
    const seasons = await steps.run("seasons", () => configured(() => syncSeasons(params)));
    return { series, seasons };
  },
});

export const seasonSync = defineSync({
  kind: "iracing.season",
  label: "iRacing seasons by id",
  description: "The schedules of the seasons given by id (seasonIds), e.g. seasons selected on the site.",
  params: z.object({ seasonIds: ids("Season ids"), refresh }),
  concurrency: [{ limit: 2 }],
  async run({ steps, params, progress }) {
    await steps.run("start", () => progress.start(params.seasonIds.length));
    const results: Record<string, unknown> = {};
    for (const seasonId of params.seasonIds) {
      results[seasonId] = await steps.run(`season-${seasonId}`, async () => {
        const result = await configured(() => syncSeason(seasonId, params));
        await progress.advance({ done: 1, counts: { fetched: 1, created: result.events.created, updated: result.events.updated, skipped: result.schedulesUnchanged } });
        return result;
      });
    }
    return results;
  },
});

export const pastSeasonsSync = defineSync({
  kind: "iracing.past-seasons",
  label: "iRacing past seasons of series",
  description: "Every past season of the series given (seriesIds) with its schedule, two seasons at a time.",
  params: z.object({ seriesIds: ids("Series ids"), refresh }),
  concurrency: [{ limit: 1 }],
  async run({ steps, params, progress }) {
    await steps.run("start", () => progress.start(params.seriesIds.length));
    const results: Record<string, unknown> = {};
    for (const seriesId of params.seriesIds) {
      results[seriesId] = await steps.run(`series-${seriesId}`, async () => {
        const result = await configured(() => syncPastSeasons(seriesId, params));
        await progress.advance({ done: 1, counts: { fetched: result.seasons, created: result.events.created, updated: result.events.updated, skipped: result.schedulesUnchanged } });
        return result;
      });
    }
    return results;
  },
});

/** Pause between two series of the all-past-seasons run: it costs ~1 + seasons calls a series and must leave room for the rest. */
const ALL_PAST_PAUSE = "20s";

export const allPastSeasonsSync = defineSync({
  kind: "iracing.all-past-seasons",
  label: "iRacing all past seasons",
  description: "Every past season of every known series (thousands of calls, throttled). Needs confirm=true.",
  params: z.object({ confirm: z.boolean().default(false).describe("Must be true: this run makes thousands of calls"), refresh }),
  concurrency: [{ limit: 1 }],
  async run({ steps, params, progress }) {
    if (!params.confirm) throw new PermanentJobError("All past seasons makes thousands of calls: start it again with confirm=true");
    const seriesIds = await steps.run("series-ids", async () => {
      const known = await knownSeriesIds();
      await progress.start(known.length);
      return known;
    });
    let seasons = 0;
    for (const [index, seriesId] of seriesIds.entries()) {
      const result = await steps.run(`series-${seriesId}`, async () => {
        if (await progress.isCancelled()) throw new PermanentJobError("Cancelled from the dashboard");
        const done = await configured(() => syncPastSeasons(seriesId, { ...params, concurrency: 1 }));
        await progress.advance({ done: 1, currentItem: `Series ${seriesId}`, counts: { fetched: done.seasons, created: done.events.created, updated: done.events.updated } });
        return done;
      });
      seasons += result.seasons;
      if (index < seriesIds.length - 1) await steps.sleep(`pause-${seriesId}`, ALL_PAST_PAUSE);
    }
    return { series: seriesIds.length, seasons };
  },
});

export const raceGuideSync = defineSync({
  kind: "iracing.race-guide",
  label: "iRacing race guide",
  description: "Entry counts of the sessions of the next few hours, every few minutes.",
  schedule: () => iracingEnv().IRACING_RACE_GUIDE_CRON,
  retries: 1,
  concurrency: [{ limit: 1 }],
  run: async ({ steps }) => ({ ...(await steps.run("race-guide", () => configured(() => syncRaceGuide()))) }),
});

export const iracingSyncs = [nightlySync, seriesSync, seasonsSync, catalogueSync, seasonSync, pastSeasonsSync, allPastSeasonsSync, raceGuideSync];
