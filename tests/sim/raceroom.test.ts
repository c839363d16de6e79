import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RACEROOM_EDGE_LEADERBOARDS } from "@/sim/raceroom/config";
import type { RaceRoomEntry } from "@/sim/raceroom/listing";
import { raceroomUpstream, type RaceRoomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Simulator } from "@/sim/server";

const XHR = { "X-Requested-With": "XMLHttpRequest" };
const SMALL_WORLD = { entries: 20_000, drivers: 5_000, leaderboards: 300 };
const { exactly1500, exactly3000 } = RACEROOM_EDGE_LEADERBOARDS;

interface Listing {
  context: { c: { get: Record<string, string>; results: RaceRoomEntry[] } };
}

describe("RaceRoom simulator", () => {
  let sim: Simulator;
  let raceroom: RaceRoomUpstream;

  async function listing(params: Record<string, string | number>, headers: Record<string, string> = XHR): Promise<Listing & { error?: string }> {
    const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
    const response = await fetch(`${sim.url}/raceroom/leaderboard/listing/0?${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as Listing & { error?: string };
  }

  const leaderboard = (layoutId: number, classId: number, start: number, count: number) =>
    listing({ track: layoutId, car_class: `class-${classId}`, start, count }).then((body) => body.context.c.results);

  async function control(action: string, body: unknown) {
    const response = await fetch(`${sim.url}/_control/raceroom/${action}`, { method: "POST", body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    raceroom = raceroomUpstream(SMALL_WORLD);
    sim = await startSimulator({ seed: 3, upstreams: [raceroom] });
  });
  beforeEach(() => sim.reset(3));
  afterAll(async () => {
    await sim?.close();
  });

  it("answers the listing in the site's envelope with every entry field", async () => {
    const body = await listing({ track: exactly1500.layoutId, car_class: `class-${exactly1500.classId}`, start: 0, count: 50 });
    expect(body.context.c.get).toEqual({ track: "263", car_class: "class-1703", start: "0", count: "50" });
    const results = body.context.c.results;
    expect(results).toHaveLength(50);
    results.forEach((entry, i) => {
      expect(entry.index).toBe(i);
      expect(entry.global_index).toBe(i);
      expect(entry.driver.path).toMatch(/^https:\/\/game\.raceroom\.com\/users\/info\/\d+\/$/);
      expect(entry.driver.name.length).toBeGreaterThan(0);
      expect(entry.laptime).toMatch(/^(\d+h \d+m |\d+m )?\d{2}\.\d{3}s$/);
      expect(entry.relative_laptime).toMatch(i === 0 ? /^$/ : /^\+\d+\.\d{3}s$/);
      expect(entry.country.code).toMatch(/^[A-Z]{2}$/);
      expect(entry.car_class.car["class-name"]).toBe("GTR 3");
      expect(entry.track.name).toBe("RaceRoom Raceway - Grand Prix");
      expect(["Get Real", "Amateur", "Novice"]).toContain(entry.driving_model);
      expect(entry.date_time).toMatch(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}|\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2})$/);
      expect(Number.isInteger(entry.champ_points)).toBe(true);
      expect(typeof entry.team).toBe("string");
      expect(typeof entry.rank).toBe("string");
    });
    const gaps = results.map((entry) => (entry.relative_laptime === "" ? 0 : Number(entry.relative_laptime.slice(1, -1))));
    expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
    const cars = new Set(raceroom.world().carClass(exactly1500.classId)?.cars.map((car) => car.name));
    for (const entry of results) expect(cars.has(entry.car_class.car.name)).toBe(true);
  });

  it("pages with start and count, caps count at 1,500 and ends exact leaderboards with an empty page", async () => {
    const expected = raceroom.expectedLeaderboard(exactly1500.layoutId, exactly1500.classId);
    expect(expected).toHaveLength(1500);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 1500)).toEqual(expected);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 1500, 1500)).toEqual([]);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 10, 5)).toEqual(expected.slice(10, 15));

    const pages = [
      await leaderboard(exactly3000.layoutId, exactly3000.classId, 0, 5000),
      await leaderboard(exactly3000.layoutId, exactly3000.classId, 1500, 1500),
      await leaderboard(exactly3000.layoutId, exactly3000.classId, 3000, 1500),
    ];
    expect(pages.map((page) => page.length)).toEqual([1500, 1500, 0]);
    expect(pages.flat()).toEqual(raceroom.expectedLeaderboard(exactly3000.layoutId, exactly3000.classId));
    expect(new Set(pages.flat().map((entry) => entry.driver.path)).size).toBe(3000);
  });

  it("serves the HTML page without X-Requested-With, like the real site", async () => {
    const response = await fetch(`${sim.url}/raceroom/leaderboard/listing/0?track=263&car_class=class-1703`);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it("answers unknown leaderboards with no rows and malformed parameters with the error payload", async () => {
    expect(await leaderboard(999_999, exactly1500.classId, 0, 100)).toEqual([]);
    expect(await leaderboard(exactly1500.layoutId, 424_242, 0, 100)).toEqual([]);
    const outside = raceroom.world().catalogue.layouts.at(-1)?.id ?? 0;
    expect(await leaderboard(outside, exactly1500.classId, 0, 100)).toEqual([]);
    const malformed: Array<Record<string, string | number>> = [
      { track: "monza", car_class: "class-1703" },
      { track: 263, car_class: "gtr3" },
      { track: 263, car_class: "class-1703", start: -1 },
      { track: 263, car_class: "class-1703", count: 0 },
      { car_class: "class-1703" },
    ];
    for (const params of malformed) {
      const body = await listing(params);
      expect(body.error, JSON.stringify(params)).toMatch(/^Invalid parameter/);
    }
  });

  it("serves single-car leaderboards for a bare car id", async () => {
    const full = raceroom.expectedLeaderboard(exactly3000.layoutId, exactly3000.classId);
    const carName = full[0]?.car_class.car.name;
    const car = raceroom.world().carClass(exactly3000.classId)?.cars.find((candidate) => candidate.name === carName);
    const results = (await listing({ track: exactly3000.layoutId, car_class: car?.id ?? 0, count: 1500 })).context.c.results;
    const expected = full.filter((entry) => entry.car_class.car.name === carName);
    expect(results.map((entry) => entry.driver.path)).toEqual(expected.map((entry) => entry.driver.path));
    expect(results.map((entry) => entry.index)).toEqual(expected.map((_, i) => i));
    expect(results.map((entry) => entry.global_index)).toEqual(expected.map((entry) => entry.index));
  });

  it("builds the same world from the same seed, and another from another seed", async () => {
    const first = await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 20);
    const other = await startSimulator({ seed: 3, upstreams: [raceroomUpstream(SMALL_WORLD)] });
    try {
      const again = await fetch(`${other.url}/raceroom/leaderboard/listing/0?track=263&car_class=class-1703&start=0&count=20`, { headers: XHR });
      expect(((await again.json()) as Listing).context.c.results).toEqual(first);
    } finally {
      await other.close();
    }
    const standalone = raceroomUpstream(SMALL_WORLD);
    standalone.reset?.(3);
    expect(raceroom.populatedLeaderboards()).toEqual(standalone.populatedLeaderboards());
    sim.reset(4);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 20)).not.toEqual(first);
  });

  it("is heavy-tailed at the default scale: most leaderboards empty, several beyond one page", () => {
    const world = raceroomUpstream();
    const summary = world.summary();
    expect(summary).toMatchObject({ entries: 200_000, drivers: 45_000, leaderboards: 186 * 104 });
    expect(summary.populated).toBeLessThan(summary.leaderboards / 2);
    const sizes = world.populatedLeaderboards().map((leaderboard) => leaderboard.entries);
    expect(sizes.filter((size) => size > 1500).length).toBeGreaterThanOrEqual(5);
    expect(sizes.filter((size) => size === 1).length).toBeGreaterThan(50);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(200_000);
  });

  it("fills leaderboards with every kind of driver name, and distinct drivers who share one", async () => {
    const names = new Map<string, Set<string>>();
    for (const { layoutId, classId, entries } of raceroom.populatedLeaderboards()) {
      for (let start = 0; start < entries; start += 1500) {
        for (const entry of await leaderboard(layoutId, classId, start, 1500)) {
          const ids = names.get(entry.driver.name) ?? new Set();
          names.set(entry.driver.name, ids.add(entry.driver.path));
        }
      }
    }
    const all = [...names.keys()];
    const some = (pattern: RegExp) => all.filter((name) => pattern.test(name)).length;
    expect(some(/[éøßł]/)).toBeGreaterThan(5);
    expect(some(/\p{Script=Cyrillic}/u)).toBeGreaterThan(5);
    expect(some(/[\p{Script=Hiragana}\p{Script=Katakana}]|佐藤|鈴木/u)).toBeGreaterThan(2);
    expect(some(/\p{Script=Han}/u)).toBeGreaterThan(5);
    expect(some(/\p{Script=Arabic}/u)).toBeGreaterThan(2);
    expect(some(/\p{Extended_Pictographic}/u)).toBeGreaterThan(2);
    expect(all).toContain("<script>alert(1)</script>");
    expect(all).toContain(`O'Brien & "Sons"`);
    expect(names.get("Max Mustermann")?.size).toBeGreaterThanOrEqual(2);
    expect([...names.values()].filter((ids) => ids.size > 1).length).toBeGreaterThan(20);
  });

  it("moves the world on a day: personal bests improve, positions change, new entries appear, reset goes back", async () => {
    const before = raceroom.summary();
    const day0 = raceroom.expectedLeaderboard(exactly3000.layoutId, exactly3000.classId);
    const advanced = await control("advance", { days: 1 });
    expect(advanced.body).toMatchObject({ day: 1 });
    expect(Number(advanced.body.entries)).toBeGreaterThan(before.entries);

    const day1 = [
      ...(await leaderboard(exactly3000.layoutId, exactly3000.classId, 0, 1500)),
      ...(await leaderboard(exactly3000.layoutId, exactly3000.classId, 1500, 1500)),
    ];
    expect(day1).toEqual(raceroom.expectedLeaderboard(exactly3000.layoutId, exactly3000.classId, 1));
    expect(day1).toHaveLength(3000);
    const seconds = (laptime: string) => {
      const match = /^(?:(\d+)h )?(?:(\d+)m )?(\d+\.\d+)s$/.exec(laptime);
      return Number(match?.[1] ?? 0) * 3600 + Number(match?.[2] ?? 0) * 60 + Number(match?.[3]);
    };
    const was = new Map(day0.map((entry) => [entry.driver.path, entry]));
    const improved = day1.filter((entry) => seconds(entry.laptime) < seconds(was.get(entry.driver.path)?.laptime ?? "0.000s"));
    const worse = day1.filter((entry) => seconds(entry.laptime) > seconds(was.get(entry.driver.path)?.laptime ?? "0.000s"));
    expect(improved.length).toBeGreaterThan(30);
    expect(worse).toEqual([]);
    expect(day1.filter((entry) => entry.index !== was.get(entry.driver.path)?.index).length).toBeGreaterThan(30);
    expect(improved.every((entry) => entry.date_time.includes("2026-04-01") || entry.date_time.startsWith("04/01/2026"))).toBe(true);

    const grown = raceroom.populatedLeaderboards().filter(({ layoutId, classId, entries }) => entries > raceroom.expectedLeaderboard(layoutId, classId, 0).length);
    expect(grown.length).toBeGreaterThan(5);

    sim.reset(3);
    expect(raceroom.summary()).toEqual(before);
    expect(await leaderboard(exactly3000.layoutId, exactly3000.classId, 0, 1500)).toEqual(day0.slice(0, 1500));
  });

  it("answers an empty page once when the transient-empty quirk fires, then the rows", async () => {
    expect((await control("quirks", { transientEmptyRate: 1 })).body).toEqual({ transientEmptyRate: 1, errorPayloadRate: 0 });
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 100)).toEqual([]);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 100)).toHaveLength(100);
    expect(await leaderboard(999_999, exactly1500.classId, 0, 100)).toEqual([]);

    await control("quirks", { transientEmptyRate: 0, errorPayloadRate: 1 });
    const body = await listing({ track: exactly1500.layoutId, car_class: `class-${exactly1500.classId}` });
    expect(body).toEqual({ error: expect.any(String) });
    sim.reset(3);
    expect(await leaderboard(exactly1500.layoutId, exactly1500.classId, 0, 100)).toHaveLength(100);
  });

  it("resizes the world through the control API and refuses bad sizes", async () => {
    const resized = await control("configure", { entries: 8_000, drivers: 3_000, leaderboards: 10 });
    expect(resized).toEqual({ status: 200, body: { seed: 3, day: 0, entries: 8_000, drivers: 3_000, leaderboards: 10, populated: expect.any(Number) } });
    expect(raceroom.populatedLeaderboards().map(({ layoutId, classId, entries }) => [layoutId, classId, entries])).toEqual(
      expect.arrayContaining([
        [exactly3000.layoutId, exactly3000.classId, 3000],
        [exactly1500.layoutId, exactly1500.classId, 1500],
      ]),
    );
    for (const bad of [{ entries: 10 }, { drivers: "many" }, { leaderboards: 3 }, { leaderboards: 99_999 }, { laps: 5 }, { entries: 2_000_000, leaderboards: 5 }]) {
      expect((await control("configure", bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await control("advance", { days: 0 })).status).toBe(400);
    expect((await control("launch", {})).status).toBe(400);
    expect(raceroom.summary().leaderboards).toBe(10);
    await control("configure", SMALL_WORLD);
    expect(raceroom.summary()).toMatchObject({ leaderboards: 300, entries: 20_000 });
  });

  it("serves the shipped catalogue byte for byte and takes the framework's faults", async () => {
    const response = await fetch(`${sim.url}/raceroom/r3e-data.json`);
    const shipped = readFileSync(new URL("../../lib/raceroom/data/r3e-data.json", import.meta.url));
    expect(Buffer.from(await response.arrayBuffer()).equals(shipped)).toBe(true);
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 2 }, "/raceroom");
    const limited = await fetch(`${sim.url}/raceroom/leaderboard/listing/0?track=263&car_class=class-1703`, { headers: XHR });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
  });
});
