import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { demoCalendar } from "../lib/endurance/demo-calendar";
import { E2E_ADMIN_API_TOKEN, e2eSimulatorUrl } from "./env";

// The e2e server's simulator replays a 6-hour race live at 60x and a finished one; the calendar is put in through
// the admin API, as the demo does it, and the finished race is ingested at once.

const HOUR = 3_600_000;

interface RaceSummary {
  slug: string;
  status: string;
  laps: number;
  raceTimeMs: number;
}

async function calendar(request: APIRequestContext): Promise<{ live: RaceSummary[]; past: RaceSummary[]; upcoming: RaceSummary[] }> {
  const response = await request.get("/api/v1/endurance/races");
  expect(response.status()).toBe(200);
  return response.json();
}

/** The demo calendar, once per server: the live race has laps and the past race is finished. */
export async function seedCalendar(request: APIRequestContext): Promise<void> {
  const seeded = await calendar(request);
  if (seeded.live.some((race) => race.slug === "pitwall-live") && seeded.past.some((race) => race.slug === "pitwall-past")) return;
  // The live race an hour in (first pit stops made) from now, whenever the specs before this one left it.
  expect((await request.post(`${e2eSimulatorUrl()}/_control/endurance/start`, { data: { race: "live", fromMs: HOUR } })).ok()).toBe(true);
  const { races, ingest } = demoCalendar(new Date(Date.now() - HOUR), 24, 3);
  const post = (kind: string, params: unknown) => request.post(`/api/v1/admin/syncs/${kind}`, { headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` }, data: { params } });
  for (const race of races) expect((await post("endurance.schedule-race", race)).ok()).toBe(true);
  for (const race of ingest) expect((await post("endurance.ingest", { race })).ok()).toBe(true);
  await expect
    .poll(async () => {
      // The server is busy ingesting while this waits: a dropped connection is a reason to ask again, not to fail.
      const now = await calendar(request).catch(() => ({ live: [], past: [], upcoming: [] }));
      return now.live.some((race) => race.slug === "pitwall-live" && race.laps > 0) && now.past.some((race) => race.slug === "pitwall-past" && race.laps > 0);
    }, { timeout: 60_000, intervals: [1_000] })
    .toBe(true);
}

/** Seconds of race time shown in the race clock ("Race time 1:02:03 of 24:00:00"). */
export async function shownRaceTime(page: Page): Promise<number> {
  const text = (await page.getByTestId("race-clock").textContent()) ?? "";
  const [, h, m, s] = /Race time (\d+):(\d+):(\d+)/.exec(text) ?? [];
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** Scrolls down a screen at a time to the end of the page, as a reader would, until every lazily drawn section is drawn. */
export async function readToTheEnd(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const atEnd = await page.evaluate(() => {
          window.scrollBy(0, window.innerHeight);
          return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        });
        return atEnd && (await page.locator('section[data-drawn="false"]').count()) === 0;
      },
      { timeout: 20_000, intervals: [250] },
    )
    .toBe(true);
}
