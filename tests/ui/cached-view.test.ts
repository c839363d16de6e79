import { afterEach, describe, expect, it, vi } from "vitest";
import { iracingCachedPages } from "@/lib/iracing/ui/page-queries";
import { raceroomCachedPages } from "@/lib/raceroom/ui/page-queries";
import { cachedPages } from "@/lib/site/cached-pages";
import { cachedViewTarget, viewSearchParams } from "@/lib/ui/cached-view";

const target = (address: string) => {
  const url = cachedViewTarget(new URL(address, "http://pitwall.test"), raceroomCachedPages);
  return url ? decodeURIComponent(url.pathname) : null;
};

describe("cached page views", () => {
  afterEach(() => vi.useRealTimers());

  it("writes a page's query into its view: its own parameters in order, as the page reads them", () => {
    expect(target("/raceroom/drivers/7")).toBe("/raceroom/drivers/7/-");
    expect(target("/raceroom/drivers/7?sort=date&page=2")).toBe("/raceroom/drivers/7/page=2&sort=date");
    expect(target("/raceroom/drivers/7?page=2&sort=date")).toBe("/raceroom/drivers/7/page=2&sort=date");
    // Defaults, unknown parameters, values the page drops and repeats after the first all leave the view as it is.
    expect(target("/raceroom/drivers/7?sort=position&page=1&utm=x&difficulty=Pro&page=3")).toBe("/raceroom/drivers/7/-");
    expect(target("/raceroom/leaderboards/3383/9233?page=2&page=5&car=12")).toBe("/raceroom/leaderboards/3383/9233/car=12&page=2");
    expect(target("/raceroom/leaderboards?class=9233&sort=track")).toBe("/raceroom/leaderboards/all/class=9233&sort=track");
    expect(target("/raceroom?q=schm")).toBe("/raceroom/search/q=schm");
    expect(target("/raceroom?q=")).toBe("/raceroom/search/-");
  });

  it("keeps the request's own query (the router's parameters) on the rewritten address", () => {
    const url = cachedViewTarget(new URL("http://pitwall.test/raceroom/drivers/7?page=2&_rsc=abc"), raceroomCachedPages);
    expect(url?.searchParams.get("_rsc")).toBe("abc");
  });

  it("answers a view's own address with a 404 address, and leaves other pages and long views as they are", () => {
    expect(target("/raceroom/drivers/7/page%3D2")).toBe("/raceroom/drivers/7/page=2/-/-");
    expect(target("/raceroom/leaderboards/all/-")).toBe("/raceroom/leaderboards/all/-/-/-");
    expect(target("/raceroom/leaderboards/3383/9233/-")).toBe("/raceroom/leaderboards/3383/9233/-/-/-");
    expect(target("/raceroom/search/q%3Dschm")).toBe("/raceroom/search/q=schm/-/-");
    expect(target("/raceroom/combinations")).toBeNull();
    expect(target("/raceroom/drivers/abc")).toBeNull();
    expect(target("/raceroom/leaderboards/all/9233")).toBe("/raceroom/leaderboards/all/9233/-/-");
    expect(target(`/raceroom/drivers/7?q=${"é".repeat(60)}`)).toBeNull();
  });

  it("keys the views of pages that show what comes next by the minute they are asked in", () => {
    const iracing = (address: string) => decodeURIComponent(cachedViewTarget(new URL(address, "http://pitwall.test"), iracingCachedPages)!.pathname);
    const minute = Math.floor(Date.parse("2026-12-04T14:00:30Z") / 60_000);
    vi.useFakeTimers({ now: Date.parse("2026-12-04T14:00:30Z") });
    expect(iracing("/iracing?category=oval&utm=1")).toBe(`/iracing/catalogue/category=oval&_=${minute}`);
    expect(iracing("/iracing/seasons/5935")).toBe(`/iracing/seasons/5935/_=${minute}`);
    // A series page does not change with the time.
    expect(iracing("/iracing/series/1")).toBe("/iracing/series/1/-");
    vi.setSystemTime(Date.parse("2026-12-04T14:00:59Z"));
    expect(iracing("/iracing/now")).toBe(`/iracing/now/_=${minute}`);
    vi.setSystemTime(Date.parse("2026-12-04T14:01:00Z"));
    expect(iracing("/iracing/now")).toBe(`/iracing/now/_=${minute + 1}`);
    expect(iracing("/iracing/now/_=1")).toBe("/iracing/now/_=1/-/-");
    // The home page and the endurance calendar change with running work: a copy serves ten seconds; a race's first
    // paint five (its poll interval), F1's live page one.
    const site = (address: string) => cachedViewTarget(new URL(address, "http://pitwall.test"), cachedPages)?.pathname;
    const at = Date.parse("2026-12-04T14:01:00Z");
    expect(site("/")).toBe(`/home/_%3D${Math.floor(at / 10_000)}`);
    expect(site("/endurance")).toBe(`/endurance/calendar/_%3D${Math.floor(at / 10_000)}`);
    expect(site("/endurance/races/le-mans")).toBe(`/endurance/races/le-mans/_%3D${Math.floor(at / 5_000)}`);
    expect(site("/endurance/races/le-mans/_%3D1")).toBe("/endurance/races/le-mans/_%3D1/-/-");
    expect(site("/endurance/races/Le_Mans")).toBeUndefined();
    expect(site("/f1")).toBe(`/f1/live/_%3D${Math.floor(at / 1_000)}`);
    expect(site("/f1/sessions")).toBeUndefined();
    // Every domain's pages are in the site's list.
    expect(site("/raceroom/drivers/7")).toBe("/raceroom/drivers/7/-");
  });

  it("gives the page back the query its view holds, text with % and & included", async () => {
    const url = cachedViewTarget(new URL("http://pitwall.test/raceroom/drivers/7?q=100%25%20%26%20more&page=3"), raceroomCachedPages)!;
    const view = url.pathname.split("/").at(-1)!;
    // As the router hands it over, decoded or not.
    for (const segment of [view, decodeURIComponent(view)])
      expect(await viewSearchParams(Promise.resolve({ view: segment }))).toEqual({ q: "100% & more", page: "3" });
    expect(await viewSearchParams(Promise.resolve({ view: "-" }))).toEqual({});
  });
});
