import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as seasonCalendarGET } from "@/app/api/v1/iracing/seasons/[seasonId]/calendar.ics/route";
import { GET as scheduleGET } from "@/app/api/v1/iracing/seasons/[seasonId]/schedule/route";
import { GET as seriesGET } from "@/app/api/v1/iracing/series/route";
import { GET as seriesDetailGET } from "@/app/api/v1/iracing/series/[seriesId]/route";
import { GET as seriesCalendarGET } from "@/app/api/v1/iracing/series/[seriesId]/calendar.ics/route";
import { GET as sessionsGET } from "@/app/api/v1/iracing/sessions/route";
import { GET as planCalendarGET } from "@/app/api/v1/iracing/plan/calendar.ics/route";
import { GET as tracksGET } from "@/app/api/v1/iracing/tracks/route";
import { GET as carsGET } from "@/app/api/v1/iracing/cars/route";
import { GET as carClassesGET } from "@/app/api/v1/iracing/car-classes/route";
import { createIracingSource } from "@/lib/iracing/source";
import { syncCatalogue, syncSeasons, syncSeries } from "@/lib/iracing/work";
import { useTestDatabase } from "../support/database";
import { apiRequest, DocumentChecker, routeParams } from "../api/support";
import { useIracingSimulator } from "./sync-support";

interface Series {
  seriesId: number;
  name: string;
  category: string;
  season: { seasonId: number; licenceGroup: number; fixedSetup: boolean } | null;
  nextSessionAt: string | null;
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("iRacing JSON API and calendars", () => {
  useTestDatabase();
  useIracingSimulator();
  const checker = new DocumentChecker();
  let series: Series[] = [];

  beforeAll(async () => {
    const source = createIracingSource();
    await syncCatalogue({ source });
    await syncSeries({ source });
    await syncSeasons({ source });
    series = ((await checker.expectDocumented("GET", "/api/v1/iracing/series", await seriesGET(apiRequest("/api/v1/iracing/series")))) as { data: Series[] }).data;
  });

  it("lists the catalogue with current seasons and next sessions, and filters it", async () => {
    expect(series).toHaveLength(24);
    expect(series.filter((s) => s.season && s.nextSessionAt).length).toBeGreaterThan(15);
    const oval = (await (await seriesGET(apiRequest("/api/v1/iracing/series?category=oval"))).json()) as { data: Series[] };
    expect(oval.data.length).toBeGreaterThan(0);
    expect(oval.data.every((s) => s.category === "oval")).toBe(true);
    const fixed = (await (await seriesGET(apiRequest("/api/v1/iracing/series?setup=fixed"))).json()) as { data: Series[] };
    expect(fixed.data.every((s) => s.season?.fixedSetup)).toBe(true);
    const bad = await seriesGET(apiRequest("/api/v1/iracing/series?category=tarmac"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/category/);
  });

  it("gives a season's weeks with every session start, and the series with its seasons", async () => {
    const seasonId = series.find((s) => s.season)!.season!.seasonId;
    const response = await scheduleGET(apiRequest(`/api/v1/iracing/seasons/${seasonId}/schedule`), routeParams({ seasonId: String(seasonId) }));
    const schedule = (await checker.expectDocumented("GET", "/api/v1/iracing/seasons/{seasonId}/schedule", response)) as {
      weeks: { raceWeekNum: number; startsAt: string; endsAt: string; sessions: string[]; cars: unknown[]; schedule: string }[];
    };
    expect(schedule.weeks.length).toBeGreaterThanOrEqual(6);
    for (const week of schedule.weeks) {
      expect(week.sessions.length).toBeGreaterThan(0);
      expect(week.cars.length).toBeGreaterThan(0);
      expect(week.schedule).not.toBe("no session times");
    }
    const detail = await seriesDetailGET(apiRequest(`/api/v1/iracing/series/${series[0]!.seriesId}`), routeParams({ seriesId: String(series[0]!.seriesId) }));
    expect(((await checker.expectDocumented("GET", "/api/v1/iracing/series/{seriesId}", detail)) as { seasons: unknown[] }).seasons.length).toBeGreaterThan(0);
    const missing = await scheduleGET(apiRequest("/api/v1/iracing/seasons/1/schedule"), routeParams({ seasonId: "1" }));
    expect(missing.status).toBe(404);
  });

  it("lists the sessions of a window across all series, in start order", async () => {
    const response = await sessionsGET(apiRequest("/api/v1/iracing/sessions?hours=24"));
    const { data } = (await checker.expectDocumented("GET", "/api/v1/iracing/sessions", response)) as { data: { startsAt: string; seriesId: number }[] };
    expect(data.length).toBeGreaterThan(50);
    const starts = data.map((session) => Date.parse(session.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(data.map((session) => session.seriesId)).size).toBeGreaterThan(10);
    expect((await sessionsGET(apiRequest("/api/v1/iracing/sessions?hours=999"))).status).toBe(400);
  });

  it("lists cars, car classes and tracks", async () => {
    for (const [get, path] of [
      [carsGET, "/api/v1/iracing/cars"],
      [carClassesGET, "/api/v1/iracing/car-classes"],
      [tracksGET, "/api/v1/iracing/tracks"],
    ] as const) {
      const body = (await checker.expectDocumented("GET", path, await get(apiRequest(path)))) as { data: unknown[] };
      expect(body.data.length, path).toBeGreaterThan(0);
    }
  });

  it("serves season, series and plan calendars that parse as iCalendar", async () => {
    const current = series.find((s) => s.season && s.nextSessionAt)!;
    const seasonId = current.season!.seasonId;
    const seasonFeed = await seasonCalendarGET(apiRequest(`/api/v1/iracing/seasons/${seasonId}/calendar.ics`), routeParams({ seasonId: String(seasonId) }));
    expect(seasonFeed.status).toBe(200);
    expect(seasonFeed.headers.get("content-type")).toMatch(/^text\/calendar/);
    const events = parseCalendar(await seasonFeed.text());
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.summary).toBe(current.name);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(current.nextSessionAt);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);

    const seriesFeed = await seriesCalendarGET(apiRequest(`/api/v1/iracing/series/${current.seriesId}/calendar.ics`), routeParams({ seriesId: String(current.seriesId) }));
    expect(parseCalendar(await seriesFeed.text()).length).toBe(events.length);

    const start = Math.floor(Date.parse(current.nextSessionAt!) / 1000);
    const plan = await planCalendarGET(apiRequest(`/api/v1/iracing/plan/calendar.ics?s=${seasonId}-${start},${seasonId}-${start + 7}&remind=20`));
    const planned = parseCalendar(await plan.text());
    // The second pin names no session of the schedule: it is left out.
    expect(planned).toHaveLength(1);
    expect(planned[0]!.component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString()).toBe("-PT20M");
    expect((await planCalendarGET(apiRequest("/api/v1/iracing/plan/calendar.ics?s=nonsense"))).status).toBe(400);
  });
});
