import { z } from "zod";
import { defineJob, PermanentJobError } from "@/lib/jobs/job";
import { defineSync } from "@/lib/jobs/sync-kind";
import { analyseRace, catchUpFits, classesDueFit, fitClass } from "./analyse";
import { claimRace, raceBySlug, raceInputSchema, releaseRace, scheduleRace } from "./calendar";
import { enduranceEnv } from "./env";
import { closeIngestionRun, holdsRace, INGEST_KIND, openIngestionRun, recordPoll, resetRace, startDueIngestions, startIngestion, stopIngestion } from "./ingestion";
import { stopReason } from "./monitor";
import { pollRace } from "./poll";

/** Inngest allows 1,000 steps per run: a run hands over to a new one before its steps could pass this. */
const STEP_BUDGET = 900;
/** The most steps one poll can take: poll, due classes, a fit per class (a few classes), analyse, wait. */
const STEPS_PER_POLL_MAX = 10;

const raceParam = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "a race slug, e.g. lemans-2024").describe("The race's slug");
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The durable ingestion of one race: poll every ENDURANCE_POLL_INTERVAL_MS (the HTTP client retries each fetch),
 * store new laps, refit the pace models that are due (one step per class), refresh predictions, anomalies,
 * strategy and leaderboard; stop after the chequered flag or the scheduled end plus the grace period. Before the
 * run could reach 1,000 steps it continues as a new run. A race has one ingestion at a time (its claim).
 */
export const ingestRace = defineSync({
  kind: INGEST_KIND,
  label: "Endurance race ingestion",
  description: "Polls a race's timing (analysis file, live scoring, results) until the chequered flag, with models and leaderboard after each poll.",
  params: z.object({ race: raceParam, continues: z.uuid().optional().describe("The sync run this one continues") }),
  retries: 3,
  concurrency: [{ limit: 1, key: "event.data.params.race" }],
  async run({ steps, progress, params, syncRunId }) {
    const setup = await steps.run("claim-race", async () => {
      const race = await raceBySlug(params.race);
      if (!race) throw new PermanentJobError(`No endurance race "${params.race}"`);
      if (!(await claimRace(race.id, syncRunId, params.continues))) return null;
      await progress.start();
      const settings = enduranceEnv();
      return {
        raceId: race.id,
        runId: await openIngestionRun(race.id, syncRunId),
        pollMs: settings.ENDURANCE_POLL_INTERVAL_MS,
        graceMs: settings.ENDURANCE_END_GRACE_MINUTES * 60_000,
        // A race ingested after its scheduled end (an import of a past race) gets the grace period from now.
        endsAt: new Date(Math.max(race.endsAt.getTime(), Date.now())).toISOString(),
      };
    });
    if (!setup) return { race: params.race, outcome: "another ingestion holds the race" };

    let used = 2;
    const totals = { polls: 0, laps: 0, rejected: 0 };
    for (let poll = 1; ; poll++) {
      const report = await steps.run(`poll-${poll}`, async () => {
        const startedAtMs = Date.now();
        if (!(await holdsRace(setup.raceId, syncRunId))) return { startedAtMs, held: false, newLaps: 0, rejected: 0, stop: null, failed: false };
        try {
          const polled = await pollRace(setup.raceId);
          await recordPoll(setup.runId, polled);
          const stop = stopReason({ now: new Date(), endsAt: new Date(setup.endsAt), graceMs: setup.graceMs, chequered: polled.chequered });
          await progress.advance({ currentItem: `${polled.laps.toLocaleString("en-US")} laps, race time ${Math.round(polled.raceTimeMs / 60_000)} min`, counts: { fetched: 1, created: polled.newLaps, skipped: polled.rejected } });
          return { startedAtMs, held: true, newLaps: polled.newLaps, rejected: polled.rejected, stop, failed: false };
        } catch (error) {
          // The client already retried: a poll that still fails is recorded and the next one tries again.
          await recordPoll(setup.runId, { error: errorText(error) });
          await progress.advance({ currentItem: `Poll failed: ${errorText(error)}`, counts: { failed: 1 } });
          const stop = stopReason({ now: new Date(), endsAt: new Date(setup.endsAt), graceMs: setup.graceMs, chequered: false });
          return { startedAtMs, held: true, newLaps: 0, rejected: 0, stop, failed: true };
        }
      });
      used += 1;
      totals.polls += 1;
      totals.laps += report.newLaps;
      totals.rejected += report.rejected;
      if (!report.held) {
        await steps.run("stopped", () => closeIngestionRun(setup.runId, "stopped"));
        return { race: params.race, outcome: "stopped", ...totals };
      }
      if (poll === 1) {
        await steps.run("catch-up-fits", () => catchUpFits(setup.raceId));
        used += 1;
      }
      if (report.newLaps > 0 || poll === 1) {
        const due = await steps.run(`due-${poll}`, () => classesDueFit(setup.raceId));
        for (const carClass of due) await steps.run(`fit-${poll}-${carClass || "none"}`, () => fitClass(setup.raceId, carClass));
        await steps.run(`analyse-${poll}`, () => analyseRace(setup.raceId));
        used += 2 + due.length;
      }
      if (report.stop) {
        await steps.run("close", async () => {
          await closeIngestionRun(setup.runId, report.stop ?? "finished");
          await releaseRace(setup.raceId, syncRunId);
        });
        return { race: params.race, outcome: report.stop, ...totals };
      }
      if (used + STEPS_PER_POLL_MAX > STEP_BUDGET) {
        await steps.run("continue-as-new", async () => {
          await closeIngestionRun(setup.runId, "continued");
          await startIngestion(params.race, "event", syncRunId);
        });
        return { race: params.race, outcome: "continued", ...totals };
      }
      await steps.sleepUntil(`wait-${poll}`, new Date(report.startedAtMs + setup.pollMs));
      used += 1;
    }
  },
});

/** Adds or updates a race on the calendar; if it is live now, its ingestion starts at once rather than at the next check. */
export const scheduleRaceSync = defineSync({
  kind: "endurance.schedule-race",
  label: "Endurance: add or update a race",
  description: "Puts a race on the calendar (series, event, circuit, start and end in UTC, source URLs, drive-time rules).",
  params: raceInputSchema,
  retries: 2,
  async run({ steps, params }) {
    const race = await steps.run("store-race", async () => {
      const row = await scheduleRace(params);
      return { id: row.id, slug: row.slug };
    });
    const started = await steps.run("start-if-live", () => startDueIngestions(new Date(), enduranceEnv().ENDURANCE_END_GRACE_MINUTES * 60_000));
    return { race: race.slug, started };
  },
});

export const stopIngestionSync = defineSync({
  kind: "endurance.stop",
  label: "Endurance: stop ingestion",
  description: "Stops a race's ingestion at its next poll (what was stored stays).",
  params: z.object({ race: raceParam }),
  retries: 2,
  async run({ steps, params }) {
    return steps.run("stop", () => stopIngestion(params.race));
  },
});

export const replayIngestionSync = defineSync({
  kind: "endurance.replay",
  label: "Endurance: replay ingestion",
  description: "Forgets everything ingested for a race and ingests it again from the top of its timing files.",
  params: z.object({ race: raceParam }),
  retries: 2,
  async run({ steps, params }) {
    await steps.run("reset", () => resetRace(params.race));
    const syncRunId = await steps.run("start", () => startIngestion(params.race, "event"));
    return { race: params.race, ingestion: syncRunId };
  },
});

/** Every 5 minutes (ENDURANCE_MONITOR_CRON): ingestion started for races that are live and not ingesting. */
export const raceMonitor = defineJob(z.looseObject({}), {
  id: "endurance-race-monitor",
  name: "Endurance race monitor",
  retries: 2,
  get triggers() {
    return [{ cron: enduranceEnv().ENDURANCE_MONITOR_CRON }];
  },
  async run({ steps }) {
    const started = await steps.run("start-due-races", () => startDueIngestions(new Date(), enduranceEnv().ENDURANCE_END_GRACE_MINUTES * 60_000));
    return { started };
  },
});
