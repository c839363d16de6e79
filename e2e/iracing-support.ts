import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN_API_TOKEN } from "./env";

/** The browser's zone in the iRacing specs: not UTC, so a time shown in UTC would be caught. */
export const VISITOR_ZONE = "America/New_York";

/** Fills Pitwall from the simulated iRacing through the admin API (catalogue, series and current seasons, race guide), once. */
export async function ensureIracingData(request: APIRequestContext): Promise<void> {
  const series = async () => ((await (await request.get("/api/v1/iracing/series")).json()) as { data: { season: unknown; nextSessionAt: string | null }[] }).data;
  const cars = async () => ((await (await request.get("/api/v1/iracing/cars")).json()) as { data: unknown[] }).data;
  if ((await series()).length > 0 && (await cars()).length > 0) return;
  const headers = { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` };
  for (const kind of ["iracing.catalogue", "iracing.nightly", "iracing.race-guide"]) expect((await request.post(`/api/v1/admin/syncs/${kind}`, { headers })).status()).toBe(202);
  await expect.poll(async () => (await cars()).length, { timeout: 120_000, intervals: [1_000] }).toBeGreaterThan(0);
  await expect.poll(async () => (await series()).filter((s) => s.season !== null && s.nextSessionAt !== null).length, { timeout: 120_000, intervals: [1_000] }).toBeGreaterThan(20);
}

/** How a start time reads in the visitor's zone, as the pages write it. */
export function inVisitorZone(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone: VISITOR_ZONE,
  }).format(new Date(iso));
}

/** A series whose current season runs now and has a full schedule (not a one-week special event). */
export async function runningSeries(request: APIRequestContext): Promise<{ name: string; seasonId: number }> {
  const { data } = (await (await request.get("/api/v1/iracing/series")).json()) as { data: { name: string; season: { seasonId: number } | null }[] };
  for (const series of data) {
    if (!series.season) continue;
    const schedule = (await (await request.get(`/api/v1/iracing/seasons/${series.season.seasonId}/schedule`)).json()) as { weeks: unknown[]; currentWeekNum: number | null };
    if (schedule.weeks.length >= 10 && schedule.currentWeekNum !== null) return { name: series.name, seasonId: series.season.seasonId };
  }
  throw new Error("no running series with a full schedule");
}
